# expect: pass
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def main():
    task = asyncio.ensure_future(slow_call())
    await asyncio.sleep(1)
    if not task.done():
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        print('timed out')

asyncio.run(main())
