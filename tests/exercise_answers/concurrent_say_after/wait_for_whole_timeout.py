# expect: pass
import asyncio, time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    print(f"started at {time.strftime('%X')}")
    async with asyncio.timeout(5):
        async with asyncio.TaskGroup() as tg:
            tg.create_task(say_after(1, 'hello'))
            tg.create_task(say_after(2, 'world'))
    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
