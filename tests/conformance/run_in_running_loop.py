# asyncio-runner: run() refuses to run inside a running loop
import asyncio

async def inner():
    return 1

async def main():
    coro = inner()
    try:
        asyncio.run(coro)
    except RuntimeError as error:
        print(error)
    finally:
        coro.close()

asyncio.run(main())
