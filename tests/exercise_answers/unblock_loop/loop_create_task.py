# expect: pass
import asyncio, time

async def blocking(name, t0):
    loop = asyncio.get_running_loop()
    print(f"{name} starts at {loop.time() - t0:.1f} s")
    await asyncio.sleep(1)
    print(f"{name} ends at {loop.time() - t0:.1f} s")

async def main():
    t0 = asyncio.get_running_loop().time()
    loop = asyncio.get_running_loop()
    tasks = [loop.create_task(blocking(n, t0)) for n in "AB"]
    for t in tasks:
        await t

asyncio.run(main())
