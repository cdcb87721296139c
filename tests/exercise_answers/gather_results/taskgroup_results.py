# expect: pass
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(say_after(d, w)) for d, w in [(2, 'hello'), (1, 'world')]]
    results = [t.result() for t in tasks]
    print(results)

asyncio.run(main())
