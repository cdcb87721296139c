# expect: neverRun
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def main():
    try:
        async with asyncio.timeout(1):
            result = await slow_call()
        print(result)
    except TimeoutError:
        print('timed out')

main()  # forgot asyncio.run
