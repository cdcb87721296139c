import asyncio

async def slow_call():
    await asyncio.sleep(10)
    return 'data'

async def main():
    await asyncio.sleep(1)
    print('timed out')

asyncio.run(main())
