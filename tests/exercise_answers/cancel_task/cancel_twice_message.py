# expect: pass
import asyncio

async def ticker():
    for i in range(10):
        print(f"tick {i}")
        await asyncio.sleep(1)

class Runner:
    def __init__(self):
        self.task = asyncio.create_task(ticker())
    async def stop_after(self, s):
        await asyncio.sleep(s)
        self.task.cancel("enough")
        await asyncio.gather(self.task, return_exceptions=True)

async def main():
    r = Runner()
    await r.stop_after(2.5)
    print('cancelled')

asyncio.run(main())
