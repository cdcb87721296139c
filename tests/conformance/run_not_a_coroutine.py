# asyncio-runner: run() wants a coroutine
import asyncio

asyncio.run(print)
