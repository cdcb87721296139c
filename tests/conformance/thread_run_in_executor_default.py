# asyncio-eventloop: run_in_executor(None, ...) uses the loop's default executor
import asyncio
import threading
import time

def where():
    time.sleep(0.1)
    return threading.current_thread() is threading.main_thread()

async def main():
    loop = asyncio.get_running_loop()
    print("in the main thread?", await loop.run_in_executor(None, where))

asyncio.run(main())
