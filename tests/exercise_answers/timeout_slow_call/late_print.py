# expect: pass
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def main():
    try:
        async with asyncio.timeout(1):
            print(await slow_call())
    except TimeoutError:
        await asyncio.sleep(1)
        print('timed out')

asyncio.run(main())
