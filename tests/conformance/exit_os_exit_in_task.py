# os._exit(n) inside a running event loop
import asyncio
import os

async def main():
    print("in the loop")
    await asyncio.sleep(0.05)
    os._exit(4)

try:
    asyncio.run(main())
finally:
    print("never printed")
