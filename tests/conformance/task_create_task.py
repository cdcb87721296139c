# asyncio-task: tasks run concurrently
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    task1 = asyncio.create_task(say_after(0.2, "hello"))
    task2 = asyncio.create_task(say_after(0.3, "world"))
    await task1
    await task2
    print(f"took {loop.time() - t0:.1f} s")

asyncio.run(main())
