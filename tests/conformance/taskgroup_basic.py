# asyncio-task: TaskGroup waits for all its tasks
import asyncio

async def some_coro(n):
    await asyncio.sleep(0.1 * n)
    return n * 10

async def main():
    async with asyncio.TaskGroup() as tg:
        task1 = tg.create_task(some_coro(1))
        task2 = tg.create_task(some_coro(2))
    print(f"Both tasks have completed now: {task1.result()}, {task2.result()}")

asyncio.run(main())
