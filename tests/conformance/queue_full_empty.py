# asyncio-queue: QueueFull and QueueEmpty; put() waits for room
import asyncio

async def main():
    queue = asyncio.Queue(maxsize=1)
    queue.put_nowait("a")
    try:
        queue.put_nowait("b")
    except asyncio.QueueFull:
        print("full", queue.full())
    asyncio.get_running_loop().call_later(0.1, queue.get_nowait)
    await queue.put("b")
    print("put after room was made:", queue.get_nowait())
    try:
        queue.get_nowait()
    except asyncio.QueueEmpty:
        print("empty", queue.empty())

asyncio.run(main())
