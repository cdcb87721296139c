# expect: cancelled
import asyncio, time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    print(f"started at {time.strftime('%X')}")
    try:
        await asyncio.wait_for(asyncio.gather(say_after(1, 'hello'), say_after(2, 'world')), timeout=1.5)
    except TimeoutError:
        pass
    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
