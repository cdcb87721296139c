# asyncio-eventloop: run_in_executor with a ThreadPoolExecutor, three blocking calls at once
import asyncio
import concurrent.futures
import time

def blocking(n):
    time.sleep(0.3)
    return n * n

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, blocking, n) for n in range(3)))
    print(results, f"in {loop.time() - t0:.1f} s")

asyncio.run(main())
