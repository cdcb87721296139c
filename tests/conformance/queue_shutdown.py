# asyncio-queue: shutdown() (3.13+) wakes the getters with QueueShutDown
# conformance: requires=3.13
import asyncio

async def consumer(queue):
    while True:
        try:
            item = await queue.get()
        except asyncio.QueueShutDown:
            print("queue shut down")
            return
        print("got", item)

async def main():
    queue = asyncio.Queue()
    task = asyncio.create_task(consumer(queue))
    await queue.put(1)
    await queue.put(2)
    await asyncio.sleep(0.05)
    queue.shutdown()
    await task
    try:
        queue.put_nowait(3)
    except asyncio.QueueShutDown:
        print("no more puts")

asyncio.run(main())
