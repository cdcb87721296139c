# expect: pass
import asyncio, time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    print(f"started at {time.strftime('%X')}")
    await asyncio.gather(*(say_after(*a) for a in [(1, 'hello'), (2, 'world')]))
    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
