# expect: pass
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

async def main():
    try:
        async with asyncio.timeout(1):
            async with asyncio.TaskGroup() as tg:
                task = tg.create_task(slow_call())
        print(task.result())
    except TimeoutError:
        print('timed out')

asyncio.run(main())
