# expect: pass
import asyncio, time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    print(f"started at {time.strftime('%X')}")
    pairs = [(1, 'hello'), (2, 'world')]
    await asyncio.gather(*(say_after(d, w) for d, w in pairs))
    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
