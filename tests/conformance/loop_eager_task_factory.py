# asyncio-task: eager_task_factory (3.12+) runs a task's first step at creation
# conformance: requires=3.12
import asyncio

async def quick():
    print("running eagerly")
    return "done at once"

async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(asyncio.eager_task_factory)
    task = asyncio.create_task(quick())
    print("created; done already?", task.done())
    print(await task)

asyncio.run(main())
