# asyncio-task: gather(return_exceptions=True) returns errors as results
import asyncio

async def ok(x):
    await asyncio.sleep(0.05)
    return x

async def bad():
    await asyncio.sleep(0.01)
    raise ValueError("bad input")

async def main():
    results = await asyncio.gather(ok(1), bad(), ok(3), return_exceptions=True)
    print(results)

asyncio.run(main())
