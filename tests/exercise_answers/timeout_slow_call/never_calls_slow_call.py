# expect: notCalled
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def main():
    await asyncio.sleep(1)
    print('timed out')

asyncio.run(main())
