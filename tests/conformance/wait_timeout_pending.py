# asyncio-task: wait(timeout=) does not cancel what is still pending
# conformance: unordered
import asyncio

async def nap(delay):
    await asyncio.sleep(delay)
    return delay

async def main():
    tasks = {asyncio.create_task(nap(d)) for d in (0.05, 0.1, 0.4)}
    done, pending = await asyncio.wait(tasks, timeout=0.2)
    for t in done:
        print("done", t.result())
    for t in pending:
        print("pending, cancelled?", t.cancelled())
    await asyncio.wait(pending)

asyncio.run(main())
