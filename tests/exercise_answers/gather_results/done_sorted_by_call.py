# expect: pass
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    tasks = [asyncio.create_task(say_after(2, 'hello')), asyncio.create_task(say_after(1, 'world'))]
    done, _ = await asyncio.wait(tasks)
    print([t.result() for t in sorted(done, key=tasks.index)])

asyncio.run(main())
