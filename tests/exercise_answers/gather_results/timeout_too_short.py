# expect: cancelled
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    try:
        results = await asyncio.wait_for(asyncio.gather(say_after(2, 'hello'), say_after(1, 'world')), timeout=1.5)
        print(results)
    except TimeoutError:
        print('too slow')

asyncio.run(main())
