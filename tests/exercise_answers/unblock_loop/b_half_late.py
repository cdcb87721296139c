# expect: lateStart
import asyncio, time

async def blocking(name, t0):
    loop = asyncio.get_running_loop()
    print(f"{name} starts at {loop.time() - t0:.1f} s")
    await asyncio.sleep(1)
    print(f"{name} ends at {loop.time() - t0:.1f} s")

async def main():
    t0 = asyncio.get_running_loop().time()
    a = asyncio.create_task(blocking("A", t0))
    await asyncio.sleep(0.5)
    b = asyncio.create_task(blocking("B", t0))
    await a; await b

asyncio.run(main())
