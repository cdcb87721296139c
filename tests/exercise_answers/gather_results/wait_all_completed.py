# expect: pass
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    t1 = asyncio.create_task(say_after(2, 'hello'))
    t2 = asyncio.create_task(say_after(1, 'world'))
    await asyncio.wait({t1, t2}, return_when=asyncio.ALL_COMPLETED)
    results = [t1.result(), t2.result()]
    print(results)

asyncio.run(main())
