import asyncio

async def slow_call():
    await asyncio.sleep(10)
    return 'data'

async def main():
    try:
        print(await asyncio.wait_for(slow_call(), timeout=3))
    except TimeoutError:
        print('timed out')

asyncio.run(main())
