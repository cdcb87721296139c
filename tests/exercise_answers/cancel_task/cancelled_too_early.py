# expect: tooEarly
import asyncio

async def ticker():
    for i in range(10):
        print(f"tick {i}")
        await asyncio.sleep(1)

async def main():
    task = asyncio.create_task(ticker())
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print('cancelled')

asyncio.run(main())
