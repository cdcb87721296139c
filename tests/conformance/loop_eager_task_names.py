# asyncio-task: eager tasks are numbered like the others; an eager task that finishes at once (3.12+)
# conformance: requires=3.12
import asyncio

async def quick():
    return asyncio.current_task().get_name()

async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    task = asyncio.create_task(quick())
    print(task.done(), task.result(), asyncio.current_task().get_name())
    print(isinstance(task, asyncio.Task), type(task).__name__)

asyncio.run(main())
