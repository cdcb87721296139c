# expect: pass
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    t1 = asyncio.create_task(say_after(2, 'hello'))
    t2 = asyncio.create_task(say_after(1, 'world'))
    second = await t2
    first = await t1
    print([first, second])

asyncio.run(main())
