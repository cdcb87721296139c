# expect: pass
import asyncio, contextlib

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def main():
    result = None
    with contextlib.suppress(TimeoutError):
        result = await asyncio.wait_for(slow_call(), 1)
    print(result if result is not None else 'timed out')

asyncio.run(main())
