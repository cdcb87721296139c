# asyncio-task: wait(FIRST_COMPLETED) returns done and pending sets
import asyncio

async def nap(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    tasks = [asyncio.create_task(nap(n, d)) for n, d in (("fast", 0.05), ("slow", 0.3))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print([t.result() for t in done], len(pending))
    for t in pending:
        t.cancel()

asyncio.run(main())
