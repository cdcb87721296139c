# expect: printedEarly
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    results = []
    async def collect(delay, what):
        results.append(await say_after(delay, what))
    t1 = asyncio.create_task(collect(2, 'hello'))
    t2 = asyncio.create_task(collect(1, 'world'))
    await asyncio.sleep(1.5)
    print(results)
    await asyncio.gather(t1, t2)

asyncio.run(main())
