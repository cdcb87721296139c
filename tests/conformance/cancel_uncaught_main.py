# asyncio-task: cancelling the main task ends asyncio.run with CancelledError
import asyncio

async def main():
    asyncio.get_running_loop().call_later(0.05, asyncio.current_task().cancel)
    await asyncio.sleep(1)

asyncio.run(main())
