"""What a new CPython process starts with, given afresh to every run of a cell.

The deck keeps one interpreter for many runs, so a counter the interpreter keeps would go on
counting: asyncio's C Task numbers its unnamed tasks from one counter per interpreter, and a
learner's first task would be called ``Task-80``. Here a task created without a name gets
``Task-<n>`` from a counter that restarts with each run, as in a new ``python script.py``.

An interpreter restored from a memory snapshot would also repeat what the snapshot froze: the
``random`` module's seed (every reload, every Stop, every learner given the same "random"
numbers) and the time zone read at start-up (the build machine's, for the deck's own snapshot).
Each run gets a fresh seed and each interpreter reads the browser's time zone, as a process does.
"""

import asyncio
import itertools
import random
import time
from asyncio import tasks

_native = tasks.Task
_next_number = itertools.count(1).__next__


class Task(_native):
    __doc__ = _native.__doc__

    def __init__(self, coro, *, loop=None, name=None, **kwargs):
        if name is None:
            name = f"Task-{_next_number()}"
        super().__init__(coro, loop=loop, name=name, **kwargs)


Task.__module__ = _native.__module__  # <class '_asyncio.Task'>, as CPython shows it


def install():
    """Once per interpreter, after the worker has had C's tzset() read the browser's zone again."""
    tasks.Task = asyncio.Task = Task
    tasks.eager_task_factory = asyncio.eager_task_factory = tasks.create_eager_task_factory(Task)
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


def new_run():
    global _next_number
    _next_number = itertools.count(1).__next__


def new_seed():
    """A new process's seed, from the OS's randomness (a run in a kept namespace goes on with its own)."""
    random.seed()
