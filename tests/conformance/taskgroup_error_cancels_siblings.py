# asyncio-task: a failing task cancels its siblings; except* picks the error out
import asyncio

async def sibling():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("sibling cancelled")
        raise

async def fail():
    await asyncio.sleep(0.05)
    raise ValueError("no good")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sibling())
            tg.create_task(fail())
    except* ValueError as group:
        print("caught", [str(e) for e in group.exceptions])

asyncio.run(main())
