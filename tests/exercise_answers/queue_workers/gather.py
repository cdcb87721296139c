# expect: pass
import asyncio

async def worker(name, queue):
    while not queue.empty():
        job = queue.get_nowait()
        await asyncio.sleep(1)
        print(f"{name} did job {job}")

async def main():
    queue = asyncio.Queue()
    for job in range(1, 5):
        queue.put_nowait(job)
    await asyncio.gather(worker("A", queue), worker("B", queue))
    print("all done")

asyncio.run(main())
