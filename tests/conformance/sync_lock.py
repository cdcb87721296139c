# asyncio-sync: a Lock lets one task at a time in
import asyncio

lock = asyncio.Lock()

async def worker(name):
    async with lock:
        print(name, "has the lock")
        await asyncio.sleep(0.05)
        print(name, "releases it")

async def main():
    await asyncio.gather(worker("a"), worker("b"), worker("c"))
    print(lock.locked())

asyncio.run(main())
