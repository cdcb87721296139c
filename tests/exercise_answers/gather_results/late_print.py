# expect: late
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    results = await asyncio.gather(say_after(2, 'hello'), say_after(1, 'world'))
    await asyncio.sleep(0.5)
    print(results)

asyncio.run(main())
