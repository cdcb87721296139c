# expect: noTimeout
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def main():
    # 1초만 기다리고, 넘으면 'timed out'을 출력하세요
    result = await slow_call()
    print(result)

asyncio.run(main())
