# expect: output
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def main():
    try:
        await asyncio.wait_for(slow_call(), timeout=1)
    except TimeoutError:
        print('Timed out!')

asyncio.run(main())
