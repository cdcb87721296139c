# expect: pass
import asyncio

async def ticker():
    for i in range(10):
        print(f"tick {i}")
        await asyncio.sleep(1)

async def main():
    task = asyncio.create_task(ticker())
    await asyncio.sleep(2.5)
    while not task.cancelled():
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
    print('cancelled')

asyncio.run(main())
