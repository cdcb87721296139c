# asyncio-task: shield() protects the inner task from the outer cancellation
import asyncio

async def inner():
    await asyncio.sleep(0.2)
    print("inner finished")
    return "result"

async def main():
    task = asyncio.create_task(inner())
    outer = asyncio.ensure_future(asyncio.shield(task))
    await asyncio.sleep(0.05)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled; inner cancelled?", task.cancelled())
    print(await task)

asyncio.run(main())
