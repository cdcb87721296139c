# expect: tasksDropped
import asyncio, time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    print(f"started at {time.strftime('%X')}")
    t1 = asyncio.create_task(say_after(1, 'hello'))
    t2 = asyncio.create_task(say_after(2, 'world'))
    print(f"finished at {time.strftime('%X')}")
    await asyncio.sleep(0)

asyncio.run(main())
