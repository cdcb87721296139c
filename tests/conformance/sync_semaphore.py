# asyncio-sync: a Semaphore lets two tasks in at a time
import asyncio

async def job(sem, n, active, peak):
    async with sem:
        active.append(n)
        peak.append(len(active))
        await asyncio.sleep(0.1)
        active.remove(n)

async def main():
    sem = asyncio.Semaphore(2)
    active, peak = [], []
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.gather(*(job(sem, n, active, peak) for n in range(5)))
    print("most at once:", max(peak), "rounds:", round((loop.time() - t0) / 0.1))

asyncio.run(main())
