# expect: pass
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    tasks = {w: asyncio.create_task(say_after(d, w)) for d, w in [(2, 'hello'), (1, 'world')]}
    await asyncio.gather(*tasks.values())
    results = [tasks['hello'].result(), tasks['world'].result()]
    print(results)

asyncio.run(main())
