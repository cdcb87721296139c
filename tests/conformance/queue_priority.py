# asyncio-queue: PriorityQueue hands out the lowest entry first
import asyncio

async def main():
    queue = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "high"), (2, "mid")]:
        await queue.put(item)
    while not queue.empty():
        print(await queue.get())

asyncio.run(main())
