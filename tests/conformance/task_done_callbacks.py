# asyncio-task: done callbacks run in the order they were added, after the task finishes
import asyncio

async def work():
    await asyncio.sleep(0.05)
    return "value"

async def main():
    task = asyncio.create_task(work())
    task.add_done_callback(lambda t: print("first", t.result()))
    task.add_done_callback(lambda t: print("second", t.done()))
    removed = task.remove_done_callback(print)
    print("removed", removed)
    await task
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
