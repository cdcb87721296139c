# expect: pass
import asyncio

async def ticker():
    for i in range(10):
        print(f"tick {i}")
        await asyncio.sleep(1)

async def main():
    task = asyncio.create_task(ticker())
    for _ in range(5):
        await asyncio.sleep(0.5)
    task.cancel()
    await asyncio.wait([task])
    print('cancelled')

asyncio.run(main())
