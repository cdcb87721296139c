# asyncio-task: two failures end the script with an ExceptionGroup traceback
import asyncio

async def fail(delay, exc):
    await asyncio.sleep(delay)
    raise exc

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail(0.05, ValueError("first")))
        tg.create_task(fail(0.05, TypeError("second")))

asyncio.run(main())
