# asyncio-task: wait_for() cancels the awaitable on timeout
import asyncio

async def eternity():
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        print("eternity cancelled")
        raise
    print("yay!")

async def main():
    try:
        await asyncio.wait_for(eternity(), timeout=0.1)
    except TimeoutError:
        print("timeout!")

asyncio.run(main())
