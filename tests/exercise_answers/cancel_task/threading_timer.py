# expect: pass
import asyncio

async def ticker():
    for i in range(10):
        print(f"tick {i}")
        await asyncio.sleep(1)

async def main():
    task = asyncio.create_task(ticker())
    loop = asyncio.get_running_loop()
    stopped = loop.create_future()
    loop.call_later(2.5, lambda: (task.cancel(), task.add_done_callback(lambda t: stopped.set_result(None))))
    await stopped
    print('cancelled')

asyncio.run(main())
