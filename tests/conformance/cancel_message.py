# asyncio-task: cancel(msg) passes the message to CancelledError
import asyncio

async def sleeper():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as error:
        print("inside:", error.args)
        raise

async def main():
    task = asyncio.create_task(sleeper())
    await asyncio.sleep(0.05)
    task.cancel("stop now")
    try:
        await task
    except asyncio.CancelledError as error:
        print("outside:", error.args)

asyncio.run(main())
