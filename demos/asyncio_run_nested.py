import asyncio

async def inner():
    return "never runs"

async def main():
    coro = inner()
    try:
        asyncio.run(coro)  # a loop is running!
    except RuntimeError as error:
        print("RuntimeError:", error)
    coro.close()

asyncio.run(main())
