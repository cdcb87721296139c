# expect: printedByTask
import asyncio

async def ticker():
    try:
        for i in range(10):
            print(f"tick {i}")
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('cancelled')
        raise

async def main():
    task = asyncio.create_task(ticker())
    await asyncio.sleep(2.5)

    task.cancel()
    await asyncio.wait([task])

asyncio.run(main())
