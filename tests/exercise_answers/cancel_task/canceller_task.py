# expect: pass
import asyncio

async def ticker():
    for i in range(10):
        print(f"tick {i}")
        await asyncio.sleep(1)

async def cancel_later(task, after):
    await asyncio.sleep(after)
    task.cancel()

async def main():
    task = asyncio.create_task(ticker())
    asyncio.create_task(cancel_later(task, 2.5))
    try:
        await task
    except asyncio.CancelledError:
        print('cancelled')

asyncio.run(main())
