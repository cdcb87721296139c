# asyncio-dev: debug mode; a failed task nobody awaited is logged
import asyncio

async def bug():
    raise Exception("not consumed")

async def main():
    asyncio.create_task(bug())
    await asyncio.sleep(0.05)

asyncio.run(main(), debug=True)
