# expect: output
import asyncio, time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    print(f"started at {time.strftime('%X')}")
    await say_after(1, 'hello')
    await asyncio.sleep(1)
    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
