# asyncio-task: coroutines, tasks and futures are awaitables
import asyncio
import inspect

async def nested():
    return 42

async def main():
    coro = nested()
    print(inspect.iscoroutine(coro), await coro)
    task = asyncio.create_task(nested())
    print(isinstance(task, asyncio.Future), await task)
    future = asyncio.get_running_loop().create_future()
    future.set_result("ready")
    print(await future)

asyncio.run(main())
