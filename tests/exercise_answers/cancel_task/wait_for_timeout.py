# expect: pass
import asyncio

async def ticker():
    for i in range(10):
        print(f"tick {i}")
        await asyncio.sleep(1)

async def main():
    try:
        await asyncio.wait_for(ticker(), timeout=2.5)
    except TimeoutError:
        print('cancelled')

asyncio.run(main())
