# expect: limitLong
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def main():
    try:
        print(await asyncio.wait_for(slow_call(), timeout=2))
    except asyncio.TimeoutError:
        print('timed out')

asyncio.run(main())
