# expect: pass
import asyncio

async def ticker():
    for i in range(10):
        print(f"tick {i}")
        await asyncio.sleep(1)

async def main():
    task = asyncio.create_task(ticker())
    asyncio.get_running_loop().call_later(2.5, task.cancel)
    try:
        await task
    except asyncio.CancelledError:
        print('cancelled')

asyncio.run(main())
