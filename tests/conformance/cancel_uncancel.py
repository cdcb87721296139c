# asyncio-task: cancelling() counts requests; uncancel() takes one back
# conformance: requires=3.13
import asyncio

async def main():
    task = asyncio.current_task()
    print(task.cancelling())
    task.cancel()
    task.cancel()
    print(task.cancelling())
    print(task.uncancel(), task.uncancel())
    await asyncio.sleep(0.05)
    print("still running, cancelling =", task.cancelling())

asyncio.run(main())
