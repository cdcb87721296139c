import asyncio

async def slow_call():
    await asyncio.sleep(10)
    return 'data'

async def main():
    async with asyncio.timeout(1):
        result = await slow_call()
    print(result)

asyncio.run(main())
