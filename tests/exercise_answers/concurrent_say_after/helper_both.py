# expect: pass
import asyncio, time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def both(*coros):
    tasks = [asyncio.create_task(c) for c in coros]
    for t in tasks:
        await t

async def main():
    print(f"started at {time.strftime('%X')}", file=__import__('sys').stdout)
    await both(say_after(1, 'hello'), say_after(2, 'world'))
    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
