# platform limit: a CPU-bound thread; in CPython the loop still gets turns between its bytecodes
# conformance: limit=cpuThreads
import asyncio
import time

def spin(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass

async def ticker(ticks):
    while True:
        await asyncio.sleep(0.02)
        ticks.append(1)

async def main():
    ticks = []
    task = asyncio.create_task(ticker(ticks))
    print("spinning in a thread")
    await asyncio.to_thread(spin, 0.3)
    task.cancel()
    print("the loop ticked meanwhile:", len(ticks) >= 5)

asyncio.run(main())
