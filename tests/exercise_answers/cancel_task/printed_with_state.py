# expect: output
import asyncio

async def ticker():
    for i in range(10):
        print(f"tick {i}")
        await asyncio.sleep(1)

async def main():
    task = asyncio.create_task(ticker())
    await asyncio.sleep(2.5)
    task.cancel()
    await asyncio.sleep(0.1)
    print('cancelled', task.cancelled())

asyncio.run(main())
