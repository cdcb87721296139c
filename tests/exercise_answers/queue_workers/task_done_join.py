# expect: pass
import asyncio

async def worker(name, queue):
    while True:
        job = await queue.get()
        await asyncio.sleep(1)
        print(f"{name} did job {job}")
        queue.task_done()

async def main():
    queue = asyncio.Queue()
    for job in range(1, 5):
        queue.put_nowait(job)
    workers = [asyncio.create_task(worker(n, queue)) for n in "AB"]
    await queue.join()
    for task in workers:
        task.cancel()

asyncio.run(main())
