# expect: sequential
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    results = [await say_after(d, w) for d, w in [(2, 'hello'), (1, 'world')]]
    print(results)

asyncio.run(main())
