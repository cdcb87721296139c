# expect: jobs
import asyncio

async def worker(name):
    queue = asyncio.Queue()
    for job in range(1, 5):
        queue.put_nowait(job)
    while not queue.empty():
        job = queue.get_nowait()
        await asyncio.sleep(1)
        print(f"{name} did job {job}")

async def main():
    await asyncio.gather(worker("A"), worker("B"))

asyncio.run(main())
