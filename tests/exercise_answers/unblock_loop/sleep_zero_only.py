# expect: waitChanged
import asyncio, time

async def blocking(name, t0):
    loop = asyncio.get_running_loop()
    print(f"{name} starts at {loop.time() - t0:.1f} s")
    await asyncio.sleep(0)
    print(f"{name} ends at {loop.time() - t0:.1f} s")

async def main():
    t0 = asyncio.get_running_loop().time()
    await asyncio.gather(blocking("A", t0), blocking("B", t0))

asyncio.run(main())
