# expect: limitLong
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def main():
    try:
        async with asyncio.timeout(3):
            print(await slow_call())
    except TimeoutError:
        print('timed out')

asyncio.run(main())
