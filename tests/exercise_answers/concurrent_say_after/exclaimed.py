# expect: output
import asyncio, time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def shout(delay, what):
    await say_after(delay, what + '!')

async def main():
    print(f"started at {time.strftime('%X')}")
    await asyncio.gather(shout(1, 'hello'), shout(2, 'world'))
    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
