"""The interpreter's clocks never repeat a reading, as Linux's do not.

Chromium's performance.now — behind Pyodide's time.monotonic and time.perf_counter — ticks in
0.1 ms outside cross-origin isolation: nearly every two consecutive readings are equal. CPython
on Linux reads nanoseconds, so each reading is later than the one before. asyncio's loop depends
on it: its timer heap orders timers by due time only, so eight ``asyncio.sleep(0.1)`` started in
order got eight equal due times in the browser and woke in the heap's order (A C G F H E B D),
where CPython wakes them A…H. (Timers made from one reading — ``now = loop.time()``, then
``call_at(now + 0.1)`` twice — tie under CPython too, and keep the heap's order here as well.)

So a reading equal to (or, never expected, earlier than) the last one is given the next float after
it: readings within one tick are a few 1e-13 s apart, and a reading after the clock ticked is the
clock's own.
"""

import math
import time

_CLOCKS = ("monotonic", "perf_counter")
_installed = False


def strictly_increasing(read):
    """*read* (a clock returning float seconds), its readings made strictly increasing."""
    last = -math.inf

    def reading():
        nonlocal last
        now = read()
        last = now if now > last else math.nextafter(last, math.inf)
        return last

    reading.__name__, reading.__qualname__, reading.__doc__ = read.__name__, read.__qualname__, read.__doc__
    return reading


def strictly_increasing_ns(read_ns):
    """*read_ns* (a clock returning int nanoseconds), its readings made strictly increasing."""
    last = -1

    def reading():
        nonlocal last
        now = read_ns()
        last = now if now > last else last + 1
        return last

    reading.__name__, reading.__qualname__, reading.__doc__ = read_ns.__name__, read_ns.__qualname__, read_ns.__doc__
    return reading


def install():
    """Once per interpreter: time.monotonic, time.perf_counter and their _ns twins never repeat a reading."""
    global _installed
    if _installed:
        return
    _installed = True
    for name in _CLOCKS:
        setattr(time, name, strictly_increasing(getattr(time, name)))
        setattr(time, f"{name}_ns", strictly_increasing_ns(getattr(time, f"{name}_ns")))
