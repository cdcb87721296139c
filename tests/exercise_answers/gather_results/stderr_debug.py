# expect: pass
import asyncio

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

import sys
async def main():
    print("gathering", file=sys.stderr)
    out = await asyncio.gather(*(say_after(d, w) for d, w in [(2, 'hello'), (1, 'world')]))
    print("done", out, file=sys.stderr)
    print(out)

asyncio.run(main())
