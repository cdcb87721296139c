# expect: tasksDropped
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
    asyncio.create_task(worker("A", queue))
    asyncio.create_task(worker("B", queue))

asyncio.run(main())
