# asyncio-future: wrap_future() turns a concurrent.futures.Future into an awaitable
import asyncio
import concurrent.futures
import time

async def main():
    with concurrent.futures.ThreadPoolExecutor() as pool:
        cf = pool.submit(time.sleep, 0.1)
        print(await asyncio.wrap_future(cf), cf.done())

asyncio.run(main())
