# expect: pass
import asyncio, time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    print(f"started at {time.strftime('%X')}")
    loop = asyncio.get_running_loop()
    t1 = loop.create_task(say_after(1, 'hello'))
    t2 = loop.create_task(say_after(2, 'world'))
    await t1
    await t2
    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
