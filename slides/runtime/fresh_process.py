"""What a new CPython process starts with, given afresh to every run of a cell.

The deck keeps one interpreter for many runs, so a counter the interpreter keeps would go on
counting: asyncio's C Task numbers its unnamed tasks from one counter per interpreter, and a
learner's first task would be called ``Task-80``. Here a task created without a name gets
``Task-<n>`` from a counter that restarts with each run, as in a new ``python script.py``.
"""

import asyncio
import itertools
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
    tasks.Task = asyncio.Task = Task
    tasks.eager_task_factory = asyncio.eager_task_factory = tasks.create_eager_task_factory(Task)


def new_run():
    global _next_number
    _next_number = itertools.count(1).__next__
