# expect: pass
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    a = asyncio.create_task(say_after(2, 'hello'))
    b = asyncio.create_task(say_after(1, 'world'))
    results = [await a, await b]
    print(results)

asyncio.run(main())
