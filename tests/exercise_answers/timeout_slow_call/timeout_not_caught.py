# expect: uncaught
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def main():
    async with asyncio.timeout(1):
        result = await slow_call()
    print(result)

asyncio.run(main())
