# expect: pass
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(say_after(2, 'hello'))
        t2 = tg.create_task(say_after(1, 'world'))
    print([t1.result(), t2.result()])

asyncio.run(main())
