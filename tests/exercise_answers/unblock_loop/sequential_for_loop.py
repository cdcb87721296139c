# expect: oneAtATime
import asyncio, time

async def blocking(name, t0):
    loop = asyncio.get_running_loop()
    print(f"{name} starts at {loop.time() - t0:.1f} s")
    await asyncio.sleep(1)
    print(f"{name} ends at {loop.time() - t0:.1f} s")

async def main():
    t0 = asyncio.get_running_loop().time()
    for n in "AB":
        await blocking(n, t0)

asyncio.run(main())
