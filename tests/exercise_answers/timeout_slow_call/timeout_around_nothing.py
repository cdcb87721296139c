# expect: noTimeout
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def main():
    async with asyncio.timeout(1):
        pass
    try:
        print(await slow_call())
    except TimeoutError:
        print('timed out')

asyncio.run(main())
