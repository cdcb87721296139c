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
    tasks = [asyncio.create_task(worker(n, queue)) for n in "AB"]
    for task in tasks:
        await task

asyncio.run(main())
