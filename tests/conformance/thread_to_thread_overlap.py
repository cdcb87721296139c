# asyncio-task: to_thread() runs a blocking call beside the loop (the pitfall's fix)
import asyncio
import time

async def job(name, loop, t0):
    print(f"{name} starts at {loop.time() - t0:.1f} s")
    await asyncio.to_thread(time.sleep, 0.3)
    print(f"{name} ends at {loop.time() - t0:.1f} s")

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.gather(job("A", loop, t0), job("B", loop, t0))

asyncio.run(main())
