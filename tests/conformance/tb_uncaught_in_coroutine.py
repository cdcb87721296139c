# tracebacks: an error deep in a coroutine shows the user's frames
import asyncio

async def level2():
    await asyncio.sleep(0.01)
    return {}["missing"]

async def level1():
    return await level2()

asyncio.run(level1())
