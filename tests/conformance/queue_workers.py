# asyncio-queue: the docs' workers example, with fixed sleeps
import asyncio

async def worker(name, queue, log):
    while True:
        sleep_for = await queue.get()
        await asyncio.sleep(sleep_for)
        queue.task_done()
        log.append(name)

async def main():
    queue = asyncio.Queue()
    for delay in (0.1, 0.25, 0.4, 0.05):
        queue.put_nowait(delay)
    log = []
    tasks = [asyncio.create_task(worker(f"worker-{i}", queue, log)) for i in range(3)]
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await queue.join()
    took = loop.time() - t0
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(log)
    print(f"3 workers slept in parallel for {took:.1f} seconds")

asyncio.run(main())
