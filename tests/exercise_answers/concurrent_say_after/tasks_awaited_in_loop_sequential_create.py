# expect: oneAtATime
import asyncio, time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    print(f"started at {time.strftime('%X')}")
    for d, w in [(1, 'hello'), (2, 'world')]:
        t = asyncio.create_task(say_after(d, w))
        await t
    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
