# expect: pass
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    t1 = asyncio.create_task(say_after(2, 'hello'))
    t2 = asyncio.create_task(say_after(1, 'world'))
    done, pending = await asyncio.wait([t1, t2])
    print([t1.result(), t2.result()])

asyncio.run(main())
