# asyncio-task: equal sleeps started in order wake in that order; call_at() from one reading ties
import asyncio

async def worker(name):
    await asyncio.sleep(0.1)
    print(name)

async def main():
    await asyncio.gather(*(worker(name) for name in "ABCDEFGH"))
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    now = loop.time()
    for name in "ABCDEFG":
        loop.call_at(now + 0.1, print, "at", name)
    loop.call_later(0.2, done.set_result, None)
    await done

asyncio.run(main())
