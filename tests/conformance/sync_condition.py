# asyncio-sync: Condition.notify() and notify_all()
import asyncio

async def consumer(cond, name, items):
    async with cond:
        await cond.wait_for(lambda: items)
        print(name, "got", items.pop(0))

async def main():
    cond = asyncio.Condition()
    items = []
    tasks = [asyncio.create_task(consumer(cond, n, items)) for n in ("c1", "c2")]
    await asyncio.sleep(0.05)
    async with cond:
        items.extend(["x", "y"])
        cond.notify_all()
    await asyncio.gather(*tasks)

asyncio.run(main())
