# expect: neverAwaited
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    results = []
    for delay, what in [(2, 'hello'), (1, 'world')]:
        results.append(say_after(delay, what))
    print(results)

asyncio.run(main())
