# expect: pass
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    results = await asyncio.gather(say_after(1, 'world'), say_after(2, 'hello'))
    print(sorted(results))

asyncio.run(main())
