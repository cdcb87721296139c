# asyncio-task: wait(FIRST_EXCEPTION)
import asyncio

async def ok():
    await asyncio.sleep(0.3)

async def bad():
    await asyncio.sleep(0.05)
    raise RuntimeError("failed early")

async def main():
    tasks = [asyncio.create_task(ok()), asyncio.create_task(bad())]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending), [repr(t.exception()) for t in done])
    await asyncio.wait(pending)

asyncio.run(main())
