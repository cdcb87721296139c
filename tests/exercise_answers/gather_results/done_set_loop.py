# expect: doneSetOrder
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    done, _ = await asyncio.wait([asyncio.create_task(say_after(2, 'hello')),
                                  asyncio.create_task(say_after(1, 'world'))])
    results = []
    for task in done:
        results.append(task.result())
    print(results)

asyncio.run(main())
