import asyncio, time

async def blocking(name, start):
    loop = asyncio.get_running_loop()
    print(f"{name} starts at {loop.time() - start:.1f} s")
    time.sleep(1)   # blocks the whole event loop!
    print(f"{name} ends at {loop.time() - start:.1f} s")

async def main():
    start = asyncio.get_running_loop().time()
    await asyncio.gather(blocking("A", start),
                         blocking("B", start))

asyncio.run(main())
# fix: await asyncio.sleep(1)
#  or: await asyncio.to_thread(time.sleep, 1)
