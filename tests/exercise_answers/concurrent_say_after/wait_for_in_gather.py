# expect: pass
import asyncio, time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    print(f"started at {time.strftime('%X')}")
    await asyncio.gather(asyncio.wait_for(say_after(1, 'hello'), 5),
                         asyncio.wait_for(say_after(2, 'world'), 5))
    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
