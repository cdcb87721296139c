# expect: pass
import asyncio, time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    print(f"started at {time.strftime('%X')}")
    pending = {asyncio.create_task(say_after(1, 'hello')), asyncio.create_task(say_after(2, 'world'))}
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
