# expect: pass
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    calls = [(2, 'hello'), (1, 'world')]
    async def indexed(i, d, w):
        return i, await say_after(d, w)
    results = [None] * len(calls)
    for fut in asyncio.as_completed([indexed(i, d, w) for i, (d, w) in enumerate(calls)]):
        i, r = await fut
        results[i] = r
    print(results)

asyncio.run(main())
