import asyncio

async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()   # empty for now
    loop.call_later(1, future.set_result, "ready")
    print("done?", future.done())
    print(await future)             # waits 1 s
    print("done?", future.done())

asyncio.run(main())
