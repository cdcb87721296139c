# asyncio-task: cancelling gather() cancels the awaitables not yet done
import asyncio

async def worker(n):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(f"worker {n} cancelled")
        raise

async def main():
    group = asyncio.gather(worker(1), worker(2))
    await asyncio.sleep(0.1)
    group.cancel()
    try:
        await group
    except asyncio.CancelledError:
        print("gather cancelled:", group.cancelled())

asyncio.run(main())
