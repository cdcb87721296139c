import asyncio

async def wait_a_second():
    await asyncio.sleep(1)

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with asyncio.TaskGroup() as tg:
        for _ in range(10_000):
            tg.create_task(wait_a_second())
    elapsed = loop.time() - start
    print(f"10000 tasks done in {elapsed:.1f} s")

asyncio.run(main())
