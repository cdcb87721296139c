# asyncio-task: wait_for() returns the result when it comes in time
import asyncio

async def answer():
    await asyncio.sleep(0.1)
    return 42

async def main():
    print(await asyncio.wait_for(answer(), timeout=1))

asyncio.run(main())
