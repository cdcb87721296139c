# expect: pass
import asyncio

async def ticker():
    for i in range(10):
        print(f"tick {i}")
        await asyncio.sleep(1)

async def main():
    group = asyncio.gather(ticker())
    await asyncio.sleep(2.5)
    group.cancel()
    try:
        await group
    except asyncio.CancelledError:
        print('cancelled')

asyncio.run(main())
