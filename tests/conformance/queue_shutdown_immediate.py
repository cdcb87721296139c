# asyncio-queue: shutdown(immediate=True) drops what is queued (3.13+)
# conformance: requires=3.13
import asyncio

async def main():
    queue = asyncio.Queue()
    for i in range(3):
        queue.put_nowait(i)
    queue.shutdown(immediate=True)
    print(queue.qsize(), queue.empty())
    try:
        await queue.get()
    except asyncio.QueueShutDown:
        print("shut down")

asyncio.run(main())
