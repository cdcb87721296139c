# expect: notCalled
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def quick_call():
    await asyncio.sleep(0.5)
    return 'data'

async def main():
    try:
        print(await asyncio.wait_for(quick_call(), 1))
    except TimeoutError:
        print('timed out')

asyncio.run(main())
