"""What a new CPython process starts with, given afresh to every run of a cell.

An interpreter restored from a memory snapshot would repeat what the snapshot froze: the
``random`` module's seed (every reload, every Stop, every learner given the same "random"
numbers) and the time zone read at start-up (the build machine's, for the deck's own snapshot).
Each run gets a fresh seed and each interpreter reads the browser's time zone, as a process does.

Unnamed tasks need nothing here: asyncio's C Task numbers them from a counter of the interpreter's,
which no unnamed task has moved when a run starts (the snapshot froze it unmoved, and the runtime names
its own task: worker_api.run), so a script's first is ``Task-1`` as in a new ``python script.py``. A
subclass of Task that named them would put a Python ``__init__`` frame under every eager task's first
step, and a traceback of that step would keep the task alive through it.
"""

import random
import time


def install():
    """Once per interpreter, after the worker has had C's tzset() read the browser's zone again."""
    _read_time_zone()


def _read_time_zone():
    """time's zone constants, computed as CPython's start-up computes them on this platform (its
    init_timezone() without tzset: from the local time half a year apart), now from the browser's zone.
    (This build has no time.tzset(); localtime() itself asks the browser at every call.)"""
    year = (365 * 24 + 6) * 3600
    start = int(time.time()) // year * year
    january, july = time.localtime(start), time.localtime(start + year // 2)
    zones = [(-t.tm_gmtoff, t.tm_zone[:9]) for t in (january, july)]
    if zones[0][0] < zones[1][0]:  # summer time in January: the southern hemisphere
        zones.reverse()
    (standard, standard_name), (summer, summer_name) = zones
    time.timezone, time.altzone, time.daylight = standard, summer, int(standard != summer)
    time.tzname = (standard_name, summer_name)


def new_seed():
    """A new process's seed, from the OS's randomness (a run in a kept namespace goes on with its own)."""
    random.seed()
