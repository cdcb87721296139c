# asyncio-sync: BoundedSemaphore refuses a release too many
import asyncio

async def main():
    sem = asyncio.BoundedSemaphore(1)
    async with sem:
        print("inside", sem.locked())
    try:
        sem.release()
    except ValueError as error:
        print("ValueError:", error)

asyncio.run(main())
