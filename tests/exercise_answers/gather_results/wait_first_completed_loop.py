# expect: pass
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    order = [asyncio.create_task(say_after(d, w)) for d, w in [(2, 'hello'), (1, 'world')]]
    pending = set(order)
    while pending:
        _, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    results = [t.result() for t in order]
    print(results)

asyncio.run(main())
