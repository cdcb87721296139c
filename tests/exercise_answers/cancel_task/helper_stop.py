# expect: pass
import asyncio, sys

async def ticker():
    for i in range(10):
        print(f"tick {i}")
        await asyncio.sleep(1)

async def stop(t):
    # ask, then wait until it really ends
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("ticker stopped", file=sys.stderr)

async def main():
    task = asyncio.create_task(ticker())
    await asyncio.sleep(2.5)
    await stop(task)
    print('cancelled')

asyncio.run(main())
