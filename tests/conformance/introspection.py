# asyncio-task: current_task(), all_tasks(), names
import asyncio

async def named():
    await asyncio.sleep(0.05)
    return asyncio.current_task().get_name()

async def main():
    me = asyncio.current_task()
    print(me.get_coro().__qualname__)
    task = asyncio.create_task(named(), name="worker-1")
    print(sorted(t.get_name() for t in asyncio.all_tasks() if t is not me))
    print(await task)
    task.set_name("renamed")
    print(task.get_name(), len(asyncio.all_tasks()))
    print(asyncio.current_task() is me)

asyncio.run(main())
print(asyncio.current_task() if False else "outside a loop")
