# expect: pass
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def main():
    task = asyncio.create_task(slow_call())
    for _ in range(10):
        await asyncio.sleep(0.1)
        if task.done():
            print(task.result())
            return
    task.cancel()
    print('timed out')

asyncio.run(main())
