# expect: pass
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def main():
    result = None
    try:
        result = await asyncio.wait_for(slow_call(), 1)
    except TimeoutError:
        print('timed out')
    print(result)

asyncio.run(main())
