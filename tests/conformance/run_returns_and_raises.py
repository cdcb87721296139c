# asyncio-runner: run() returns the coroutine's result and lets its exception through
import asyncio

async def value():
    return "the result"

async def error():
    raise ValueError("from the coroutine")

print(asyncio.run(value()))
try:
    asyncio.run(error())
except ValueError as exc:
    print("caught:", exc)
