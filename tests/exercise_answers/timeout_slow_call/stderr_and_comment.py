# expect: pass
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

import sys
async def main():
    # at most one second
    try:
        result = await asyncio.wait_for(slow_call(), timeout=1.0)
    except TimeoutError as e:
        print("gave up:", repr(e), file=sys.stderr)
        print('timed out')
    else:
        print(result)

asyncio.run(main())
