# expect: pass
import asyncio

async def ticker():
    for i in range(10):
        print(f"tick {i}")
        await asyncio.sleep(1)

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 2.5):
            await ticker()
    except TimeoutError:
        print('cancelled')

asyncio.run(main())
