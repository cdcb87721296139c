# asyncio-task: unnamed tasks are numbered Task-1, Task-2, … from the start of the process
import asyncio

async def child():
    return asyncio.current_task().get_name()

async def main():
    print(asyncio.current_task().get_name())
    print(await asyncio.create_task(child()))
    print(await asyncio.gather(child(), child()))

asyncio.run(main())
asyncio.run(main())
