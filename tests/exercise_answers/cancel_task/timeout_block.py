# expect: pass
import asyncio

async def ticker():
    for i in range(10):
        print(f"tick {i}")
        await asyncio.sleep(1)

async def main():
    task = asyncio.create_task(ticker())
    try:
        async with asyncio.timeout(2.5):
            await task
    except TimeoutError:
        print('cancelled')

asyncio.run(main())
