# async context managers: contextlib.asynccontextmanager
import asyncio
import contextlib

@contextlib.asynccontextmanager
async def connection(name):
    print("open", name)
    await asyncio.sleep(0.05)
    try:
        yield name.upper()
    finally:
        print("close", name)

async def main():
    async with connection("db") as conn:
        print("using", conn)

asyncio.run(main())
