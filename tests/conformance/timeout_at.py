# asyncio-task: timeout_at() takes an absolute loop time
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 0.15
    try:
        async with asyncio.timeout_at(deadline):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out at the deadline:", loop.time() >= deadline)

asyncio.run(main())
