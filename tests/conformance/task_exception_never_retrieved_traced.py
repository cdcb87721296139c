# asyncio-task: a failed task nobody awaited is reported when its last reference goes, before the next line (timeline on)
import asyncio
import logging
import sys

logging.basicConfig(stream=sys.stdout, format="%(message)s")  # the report in print order


async def fail():
    raise ValueError("nobody retrieved me")


async def main():
    task = asyncio.create_task(fail())
    await asyncio.sleep(0.01)
    print("task done:", task.done())
    del task
    print("after the last reference went")
    await asyncio.sleep(0.01)
    print("main ends")

asyncio.run(main())
