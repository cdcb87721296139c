# asyncio-task: a task that swallows CancelledError is not cancelled
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("ignoring the cancellation")
    return "finished anyway"

async def main():
    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0.05)
    task.cancel()
    print(await task, task.cancelled())

asyncio.run(main())
