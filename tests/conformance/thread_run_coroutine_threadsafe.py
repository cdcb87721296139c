# asyncio-task: run_coroutine_threadsafe() from another thread
import asyncio
import threading

async def add(a, b):
    await asyncio.sleep(0.05)
    return a + b

def from_thread(loop, results):
    future = asyncio.run_coroutine_threadsafe(add(1, 2), loop)
    results.append(future.result(timeout=2))

async def main():
    loop = asyncio.get_running_loop()
    results = []
    thread = threading.Thread(target=from_thread, args=(loop, results))
    thread.start()
    await asyncio.to_thread(thread.join)
    print(results)

asyncio.run(main())
