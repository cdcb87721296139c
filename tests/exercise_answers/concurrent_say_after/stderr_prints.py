# expect: pass
import asyncio, time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

import sys
async def main():
    print(f"started at {time.strftime('%X')}")
    a = asyncio.ensure_future(say_after(1, 'hello'))
    print("scheduled hello", file=sys.stderr)
    b = asyncio.ensure_future(say_after(2, 'world'))
    print("scheduled world", file=sys.stderr)
    await asyncio.wait([a, b])
    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
