# expect: pass
import asyncio, time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    print(f"started at {time.strftime('%X')}")
    for fut in asyncio.as_completed([say_after(2, 'world'), say_after(1, 'hello')], timeout=3):
        await fut
    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
