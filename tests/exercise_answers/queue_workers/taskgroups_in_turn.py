# expect: oneWorker
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
    for name in "AB":
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker(name, queue))

asyncio.run(main())
