# expect: doneSetOrder
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    t1 = asyncio.create_task(say_after(2, 'hello'))
    t2 = asyncio.create_task(say_after(1, 'world'))
    done, pending = await asyncio.wait([t1, t2])
    print([t.result() for t in done])

asyncio.run(main())
