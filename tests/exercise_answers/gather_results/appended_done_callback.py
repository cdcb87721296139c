# expect: finishOrder
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    results = []
    ts = [asyncio.create_task(say_after(d, w)) for d, w in [(2, 'hello'), (1, 'world')]]
    for t in ts:
        t.add_done_callback(lambda t: results.append(t.result()))
    await asyncio.gather(*ts)
    print(results)

asyncio.run(main())
