# asyncio-task: a task's exception nobody retrieved is logged when the task dies
import asyncio
import gc

async def fail():
    raise RuntimeError("nobody looks at me")

async def main():
    asyncio.create_task(fail())
    await asyncio.sleep(0.05)
    gc.collect()
    print("main done")

asyncio.run(main())
