import asyncio

async def slow_call():
    await asyncio.sleep(10)
    return 'data'

async def main():
    try:
        async with asyncio.timeout(1):
            print(await slow_call())
    except TimeoutError:
        print('too slow')

asyncio.run(main())
