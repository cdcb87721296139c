import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    first = await asyncio.gather(say_after(2, 'hello'))
    second = await asyncio.gather(say_after(1, 'world'))
    print(first + second)

asyncio.run(main())
