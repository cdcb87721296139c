# asyncio-dev: a coroutine never awaited warns at the line that dropped it
# conformance: stderr=full
import asyncio

async def test():
    print("never scheduled")

async def main():
    test()
    print("main goes on")

asyncio.run(main())
