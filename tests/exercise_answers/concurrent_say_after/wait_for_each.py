# expect: oneAtATime
import asyncio, time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    print(f"started at {time.strftime('%X')}")
    await asyncio.wait_for(say_after(1, 'hello'), timeout=5)
    await asyncio.wait_for(say_after(2, 'world'), timeout=5)
    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
