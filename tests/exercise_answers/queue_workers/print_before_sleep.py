# expect: timing
import asyncio

async def worker(name, queue):
    while not queue.empty():
        job = queue.get_nowait()
        print(f"{name} did job {job}")
        await asyncio.sleep(1)

async def main():
    queue = asyncio.Queue()
    for job in range(1, 5):
        queue.put_nowait(job)
    await asyncio.gather(worker("A", queue), worker("B", queue))

asyncio.run(main())
