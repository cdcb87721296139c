# asyncio-task: as_completed() yields in the order they finish
import asyncio

async def nap(delay):
    await asyncio.sleep(delay)
    return delay

async def main():
    for coro in asyncio.as_completed([nap(0.3), nap(0.1), nap(0.2)]):
        print(await coro)

asyncio.run(main())
