# asyncio-future: set_exception(), done callbacks, cancel()
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback, done:", f.done()))
    fut.set_exception(ValueError("bad value"))
    await asyncio.sleep(0)
    print(repr(fut.exception()))
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError as error:
        print("InvalidStateError:", error)
    other = loop.create_future()
    print(other.cancel(), other.cancelled(), other.cancel())
    print(asyncio.isfuture(fut), asyncio.isfuture(42))

asyncio.run(main())
