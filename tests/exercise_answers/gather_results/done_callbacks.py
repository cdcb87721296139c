# expect: finishOrder
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    results = []
    t1 = asyncio.create_task(say_after(2, 'hello'))
    t2 = asyncio.create_task(say_after(1, 'world'))
    for t in (t1, t2):
        t.add_done_callback(lambda t: results.append(t.result()))
    await asyncio.gather(t1, t2)
    print(results)

asyncio.run(main())
