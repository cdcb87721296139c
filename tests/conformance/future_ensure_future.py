# asyncio-future: ensure_future() wraps a coroutine in a Task
import asyncio

async def coro():
    return "from the coroutine"

async def main():
    task = asyncio.ensure_future(coro())
    print(type(task).__name__, await task)
    fut = asyncio.get_running_loop().create_future()
    print(asyncio.ensure_future(fut) is fut)

asyncio.run(main())
