# asyncio-eventloop: call_later() and call_at() run by their due time
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    now = loop.time()
    loop.call_later(0.2, print, "later 0.2")
    loop.call_at(now + 0.1, print, "at +0.1")
    handle = loop.call_later(0.15, print, "cancelled: never printed")
    handle.cancel()
    loop.call_later(0.3, done.set_result, None)
    loop.call_soon(print, "soon")
    await done
    print(handle.cancelled(), round(loop.time() - now, 1))

asyncio.run(main())
