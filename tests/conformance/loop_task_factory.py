# asyncio-eventloop: a custom task factory sees every task created
import asyncio

created = []

def factory(loop, coro, **kwargs):
    created.append(coro.__qualname__)
    return asyncio.Task(coro, loop=loop, **kwargs)

async def child():
    await asyncio.sleep(0.01)

async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(factory)
    await asyncio.gather(child(), asyncio.create_task(child()))
    print(created, loop.get_task_factory() is factory)

asyncio.run(main())
