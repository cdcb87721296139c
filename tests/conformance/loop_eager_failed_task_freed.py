# asyncio-task: a task whose eager first step fails dies with its last reference, as any task does (3.12+)
# conformance: requires=3.12
import asyncio
import gc
import weakref

async def fail_at_once():
    raise RuntimeError("failed in its first step")

async def main():
    gc.disable()  # no collector: only a reference cycle through the task could keep it
    task = asyncio.Task(fail_at_once(), loop=asyncio.get_running_loop(), eager_start=True)
    print(task.done(), repr(task.exception()))
    alive = weakref.ref(task)
    del task
    print("task freed:", alive() is None)
    gc.enable()

asyncio.run(main())
