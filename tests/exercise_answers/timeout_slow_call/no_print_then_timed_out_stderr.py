# expect: output
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

import sys
async def main():
    try:
        print(await asyncio.wait_for(slow_call(), 1))
    except TimeoutError:
        print('timed out', file=sys.stderr)

asyncio.run(main())
