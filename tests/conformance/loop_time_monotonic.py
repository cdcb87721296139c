# asyncio-eventloop: loop.time() is the monotonic clock
import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    print(abs(loop.time() - time.monotonic()) < 0.01)
    before = loop.time()
    await asyncio.sleep(0.2)
    print(f"{loop.time() - before:.1f}")

asyncio.run(main())
