# expect: delays
import asyncio, time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def say_first(delay, what):
    print(what)
    await asyncio.sleep(delay)

async def main():
    print(f"started at {time.strftime('%X')}")
    await asyncio.gather(say_first(1, 'hello'), say_first(2, 'world'))
    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
