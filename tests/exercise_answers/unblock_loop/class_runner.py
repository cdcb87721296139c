# expect: pass
import asyncio, time

async def blocking(name, t0):
    loop = asyncio.get_running_loop()
    print(f"{name} starts at {loop.time() - t0:.1f} s")
    await asyncio.sleep(1)
    print(f"{name} ends at {loop.time() - t0:.1f} s")

import sys
class Demo:
    async def run(self):
        t0 = asyncio.get_running_loop().time()
        print("go", file=sys.stderr)
        results = await asyncio.gather(*[blocking(n, t0) for n in ["A", "B"]])
        print(results, file=sys.stderr)

async def main():
    await Demo().run()

asyncio.run(main())
