# asyncio-eventloop: call_soon_threadsafe() wakes the loop from a thread
import asyncio
import threading
import time

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    def worker():
        time.sleep(0.1)
        loop.call_soon_threadsafe(fut.set_result, "set from a thread")

    threading.Thread(target=worker).start()
    print(await fut)

asyncio.run(main())
