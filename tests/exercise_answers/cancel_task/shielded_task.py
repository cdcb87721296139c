# expect: printedEarly
import asyncio

async def ticker():
    for i in range(10):
        print(f"tick {i}")
        await asyncio.sleep(1)

async def main():
    task = asyncio.create_task(ticker())
    try:
        await asyncio.wait_for(asyncio.shield(task), 2.5)
    except TimeoutError:
        print('cancelled')

asyncio.run(main())
