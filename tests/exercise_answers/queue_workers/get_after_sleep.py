# expect: error
import asyncio

async def worker(name, queue):
    while not queue.empty():
        await asyncio.sleep(1)
        job = queue.get_nowait()
        print(f"{name} did job {job}")

async def main():
    queue = asyncio.Queue()
    for job in range(1, 5):
        queue.put_nowait(job)
    await asyncio.gather(worker("A", queue), worker("B", queue))

asyncio.run(main())
