# asyncio-queue: LifoQueue hands out the last entry first
import asyncio

async def main():
    queue = asyncio.LifoQueue()
    for item in "abc":
        queue.put_nowait(item)
    print([queue.get_nowait() for _ in range(queue.qsize())])

asyncio.run(main())
