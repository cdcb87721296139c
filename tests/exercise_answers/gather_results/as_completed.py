# expect: finishOrder
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    results = []
    calls = [say_after(2, 'hello'), say_after(1, 'world')]
    for next_done in asyncio.as_completed(calls):
        results.append(await next_done)
    print(results)

asyncio.run(main())
