# asyncio-task: the docs' to_thread example: the loop keeps running meanwhile
import asyncio
import time

def blocking_io():
    print("start blocking_io")
    time.sleep(0.3)
    print("blocking_io complete")

async def main():
    print("started main")
    await asyncio.gather(asyncio.to_thread(blocking_io), asyncio.sleep(0.1))
    print("finished main")

asyncio.run(main())
