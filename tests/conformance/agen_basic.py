# async generators: async for, and an async comprehension
import asyncio

async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i

async def main():
    async for i in ticker(3, 0.05):
        print("tick", i)
    print([i async for i in ticker(4, 0.01) if i % 2 == 0])

asyncio.run(main())
