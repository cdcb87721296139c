# expect: cancelled
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
    try:
        async with asyncio.timeout(1.5):
            await asyncio.gather(worker("A", queue), worker("B", queue))
    except TimeoutError:
        print("gave up")

asyncio.run(main())
