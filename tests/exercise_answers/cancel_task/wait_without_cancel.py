# expect: printedEarly
import asyncio

async def ticker():
    for i in range(10):
        print(f"tick {i}")
        await asyncio.sleep(1)

async def main():
    task = asyncio.create_task(ticker())
    await asyncio.wait([task], timeout=2.5)
    print('cancelled')

asyncio.run(main())
