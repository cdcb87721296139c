# asyncio-task: the docs' display_date example, shortened (loop time, not wall time)
import asyncio

async def display_date():
    loop = asyncio.get_running_loop()
    end_time = loop.time() + 0.5
    ticks = 0
    while True:
        ticks += 1
        if (loop.time() + 0.1) >= end_time:
            break
        await asyncio.sleep(0.1)
    print("ticks:", ticks)

asyncio.run(display_date())
