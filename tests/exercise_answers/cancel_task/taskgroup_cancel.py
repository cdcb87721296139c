# expect: pass
import asyncio

async def ticker():
    for i in range(10):
        print(f"tick {i}")
        await asyncio.sleep(1)

async def main():
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(ticker())
        await asyncio.sleep(2.5)
        t.cancel()
    print('cancelled')

asyncio.run(main())
