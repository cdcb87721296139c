# asyncio-sync: abort() breaks the barrier for those waiting
import asyncio

async def party(barrier):
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError:
        print("broken barrier")

async def main():
    barrier = asyncio.Barrier(3)
    tasks = [asyncio.create_task(party(barrier)) for _ in range(2)]
    await asyncio.sleep(0.05)
    await barrier.abort()
    await asyncio.gather(*tasks)
    print(barrier.broken)

asyncio.run(main())
