# expect: pass
import asyncio, time

async def blocking(name, t0):
    loop = asyncio.get_running_loop()
    print(f"{name} starts at {loop.time() - t0:.1f} s")
    await asyncio.sleep(2 - 1)
    print(f"{name} ends at {loop.time() - t0:.1f} s")

async def main():
    t0 = asyncio.get_running_loop().time()
    pending = [asyncio.create_task(blocking(n, t0)) for n in ("A", "B")]
    while pending:
        _, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)

asyncio.run(main())
