# expect: pass
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    tasks = [asyncio.create_task(say_after(d, w)) for d, w in [(2, 'hello'), (1, 'world')]]
    results = []
    for t in tasks:
        results.append(await t)
    print(results)

asyncio.run(main())
