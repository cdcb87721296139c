# process: a script starts as in a new process: no asyncgen hooks, no loop running, nothing the runtime did alive
# conformance: runs=2
import asyncio
import gc
import sys

print("asyncgen hooks:", sys.get_asyncgen_hooks())
print("running loop:", asyncio._get_running_loop())
print("finished futures alive:", [o for o in gc.get_objects() if isinstance(o, asyncio.Future) and o.done()])


async def ticks():
    yield 1
    yield 2


agen = ticks()
try:
    agen.__anext__().send(None)  # its first value, with no loop
except StopIteration as stop:
    print("first tick:", stop.value)
del agen  # left unfinished: with no hooks set, nothing schedules its aclose()
gc.collect()


async def main():
    print("main task:", asyncio.current_task().get_name())


asyncio.run(main())
print("asyncgen hooks after asyncio.run:", sys.get_asyncgen_hooks())
