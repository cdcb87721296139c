# expect: tasksDropped
import asyncio, time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    print(f"started at {time.strftime('%X')}")
    asyncio.create_task(say_after(2, 'world'))
    await say_after(1, 'hello')

asyncio.run(main())
