# expect: pass
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    results = []
    tasks = [asyncio.create_task(say_after(d, w)) for d, w in [(2, 'hello'), (1, 'world')]]
    for task in tasks:
        results.append(await task)
    print(results)

asyncio.run(main())
