# expect: finishOrder
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    calls = sorted([(2, 'hello'), (1, 'world')])
    results = await asyncio.gather(*(say_after(d, w) for d, w in calls))
    print(results)

asyncio.run(main())
