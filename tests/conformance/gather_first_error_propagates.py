# asyncio-task: the first exception propagates; the other awaitables keep running
import asyncio

async def slow():
    await asyncio.sleep(0.2)
    print("slow finished anyway")

async def bad():
    await asyncio.sleep(0.05)
    raise KeyError("boom")

async def main():
    try:
        await asyncio.gather(slow(), bad())
    except KeyError as error:
        print("caught", repr(error))
    await asyncio.sleep(0.3)

asyncio.run(main())
