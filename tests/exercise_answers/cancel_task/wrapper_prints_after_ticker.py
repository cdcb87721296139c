# expect: pass
import asyncio

async def ticker():
    for i in range(10):
        print(f"tick {i}")
        await asyncio.sleep(1)

async def main():
    async def guarded():
        try:
            await ticker()
        except asyncio.CancelledError:
            print('cancelled')
            raise
    task = asyncio.create_task(guarded())
    await asyncio.sleep(2.5)
    task.cancel()
    await asyncio.wait([task])

asyncio.run(main())
