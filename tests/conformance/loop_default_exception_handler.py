# asyncio-eventloop: the default handler logs an error in a callback and goes on
import asyncio

def broken():
    1 / 0

async def main():
    asyncio.get_running_loop().call_soon(broken)
    await asyncio.sleep(0.05)
    print("the loop goes on")

asyncio.run(main())
