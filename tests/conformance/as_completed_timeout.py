# asyncio-task: as_completed(timeout=) raises TimeoutError for the rest
import asyncio

async def nap(delay):
    await asyncio.sleep(delay)
    return delay

async def main():
    try:
        for coro in asyncio.as_completed([nap(0.05), nap(1)], timeout=0.2):
            print(await coro)
    except TimeoutError:
        print("the rest timed out")

asyncio.run(main())
