# expect: pass
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    results = []
    print(results)
    results = await asyncio.gather(say_after(2, 'hello'), say_after(1, 'world'))
    print(results)

asyncio.run(main())
