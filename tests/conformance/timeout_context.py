# asyncio-task: asyncio.timeout() cancels the block and raises TimeoutError
import asyncio

async def long_running_task():
    await asyncio.sleep(1)

async def main():
    try:
        async with asyncio.timeout(0.1) as cm:
            await long_running_task()
    except TimeoutError:
        print("The long operation timed out, but we've handled it.")
    print("expired:", cm.expired())
    print("This statement will run regardless.")

asyncio.run(main())
