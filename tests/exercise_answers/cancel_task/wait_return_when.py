# expect: pass
import asyncio

async def ticker():
    for i in range(10):
        print(f"tick {i}")
        await asyncio.sleep(1)

async def main():
    task = asyncio.create_task(ticker())
    done, pending = await asyncio.wait([task], timeout=2.5)
    for t in pending:
        t.cancel()
    await asyncio.wait(pending, return_when=asyncio.ALL_COMPLETED)
    print('cancelled')

asyncio.run(main())
