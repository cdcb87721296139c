import asyncio

async def download(name, gate, t0):
    async with gate:  # 한 번에 둘까지만 들어갑니다
        now = asyncio.get_running_loop().time() - t0
        print(f"{name} starts at {now:.1f} s")
        await asyncio.sleep(1)  # 내려받는 척

async def main():
    gate = asyncio.Semaphore(2)
    t0 = asyncio.get_running_loop().time()
    jobs = [download(n, gate, t0) for n in "ABCDE"]
    await asyncio.gather(*jobs)
    print("all done")

asyncio.run(main())
