# expect: pass
import asyncio, time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    print(f"started at {time.strftime('%X')}")
    tasks = [asyncio.create_task(say_after(d, w))
             for d, w in [(1, 'hello'), (2, 'world')]]
    for task in tasks:
        await task
    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
