# expect: printedEarly
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def main():
    print('timed out')
    try:
        await asyncio.wait_for(slow_call(), 1)
    except TimeoutError:
        pass

asyncio.run(main())
