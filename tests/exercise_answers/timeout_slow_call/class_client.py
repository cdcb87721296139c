# expect: pass
import asyncio

async def slow_call():
    await asyncio.sleep(10)   # 느린 서버 응답
    return 'data'

class Client:
    def __init__(self, limit):
        self.limit = limit
    async def fetch(self):
        async with asyncio.timeout(self.limit):
            return await slow_call()

async def main():
    try:
        print(await Client(1).fetch())
    except TimeoutError:
        print("timed out")

asyncio.run(main())
