# expect: pass
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def main():
    t = asyncio.create_task(slow_call())
    try:
        print(await asyncio.wait_for(asyncio.shield(t), 1))
    except TimeoutError:
        t.cancel()
        print('timed out')

asyncio.run(main())
