# asyncio-exceptions: except Exception does not catch CancelledError
import asyncio

async def sleeper():
    try:
        await asyncio.sleep(1)
    except Exception:
        print("never here")

async def main():
    task = asyncio.create_task(sleeper())
    await asyncio.sleep(0.05)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    print("cancelled:", task.cancelled())

asyncio.run(main())
