# expect: pass
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    a = asyncio.ensure_future(say_after(2, 'hello'))
    b = asyncio.ensure_future(say_after(1, 'world'))
    print(await asyncio.gather(a, b))

asyncio.run(main())
