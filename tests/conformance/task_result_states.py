# asyncio-task: result() and exception() before and after the task is done
import asyncio

async def fail():
    await asyncio.sleep(0.01)
    raise LookupError("missing")

async def main():
    task = asyncio.create_task(fail())
    try:
        task.result()
    except asyncio.InvalidStateError as error:
        print("InvalidStateError:", error)
    await asyncio.sleep(0.05)
    print(task.done(), repr(task.exception()))
    try:
        task.result()
    except LookupError as error:
        print("result() raises", repr(error))

asyncio.run(main())
