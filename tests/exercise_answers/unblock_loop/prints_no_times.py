import asyncio, time

async def blocking(name, t0):
    print(f"{name} starts")
    await asyncio.sleep(1)
    print(f"{name} ends at last")

async def main():
    t0 = asyncio.get_running_loop().time()
    await asyncio.gather(blocking("A", t0),
                         blocking("B", t0))

asyncio.run(main())
