"""The event loop of a live cell under JSPI: CPython's own loop, waiting the browser's way.

``ScriptLoop`` is ``asyncio.BaseEventLoop`` — CPython's ``_run_once``, timer heap,
``run_until_complete``, task factories, debug mode and slow-callback warnings,
``run_in_executor`` with a real ``ThreadPoolExecutor`` — with a selector that has no
file descriptors: ``select(timeout)`` suspends the loop's stack (green_threads.block)
until the timeout passes or another thread calls ``call_soon_threadsafe``. So
``asyncio.run``, ``asyncio.Runner`` and ``new_event_loop()`` are CPython's code.

``ScriptPolicy`` gives a cell CPython's event-loop rules (a loop per thread,
``get_event_loop`` raising when none is set) while a cell runs, and hands
everything else to Pyodide's own policy, whose WebLoop runs the worker itself.
"""

import threading
from asyncio import base_events, events, unix_events

from . import green_threads


class _Selector:
    """select() for a loop without file descriptors: wait for the timeout or a wake-up."""

    def __init__(self):
        self.waiter = None  # set while the loop's stack is suspended in select()
        self._woken = False

    def select(self, timeout=None):
        if self._woken:
            self._woken = False
        elif timeout is not None and timeout <= 0:
            green_threads.switch_if_due()
        else:
            self.waiter = green_threads.Waiter(timeout)
            try:
                green_threads.block(self.waiter)
            finally:
                self.waiter = None
            self._woken = False
        return []

    def wake(self):
        if self.waiter is not None:
            self.waiter.wake()
        else:
            self._woken = True

    def close(self):
        pass


class ScriptLoop(base_events.BaseEventLoop):
    def __init__(self):
        super().__init__()
        self._selector = _Selector()

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        self._selector.wake()

    # Called from another stack (a thread, a JavaScript callback) while the loop waits in select():
    # wake it, as a write to the self-pipe would.
    def _call_soon(self, callback, args, context):
        handle = super()._call_soon(callback, args, context)
        if self._selector.waiter is not None:
            self._selector.wake()
        return handle

    def call_at(self, when, callback, *args, context=None):
        timer = super().call_at(when, callback, *args, context=context)
        if self._selector.waiter is not None:
            self._selector.wake()
        return timer


class ScriptPolicy(unix_events._UnixDefaultEventLoopPolicy):
    """CPython's rules for the cell's threads while a cell runs; Pyodide's policy otherwise."""

    def __init__(self, host):
        self._host = host
        self._loops = {}  # thread ident → its event loop (set_event_loop)
        self.active = False

    def begin_run(self):
        self._loops.clear()
        self.active = True

    def end_run(self):
        self.active = False
        self._loops.clear()

    def get_event_loop(self):
        if not self.active:
            return self._host.get_event_loop()
        loop = self._loops.get(threading.get_ident())
        if loop is None:
            raise RuntimeError("There is no current event loop in thread %r." % threading.current_thread().name)
        return loop

    def set_event_loop(self, loop):
        if not self.active:
            return self._host.set_event_loop(loop)
        if loop is not None and not isinstance(loop, events.AbstractEventLoop):
            raise TypeError(f"loop must be an instance of AbstractEventLoop or None, not '{type(loop).__name__}'")
        self._loops[threading.get_ident()] = loop

    def new_event_loop(self):
        if not self.active:
            return self._host.new_event_loop()
        return ScriptLoop()


# Named as what CPython's asyncio makes on Linux, which these behave as: type(loop), repr(loop) and the
# policy show a script what they show under CPython, not this runtime's module.
for _cls, _name in ((ScriptLoop, "_UnixSelectorEventLoop"), (ScriptPolicy, "_UnixDefaultEventLoopPolicy")):
    _cls.__name__ = _cls.__qualname__ = _name
    _cls.__module__ = "asyncio.unix_events"


def install():
    """Make ScriptPolicy the policy (without 3.14's deprecation warning); returns it.

    CPython's names for the loop and the policy make these: ``asyncio.SelectorEventLoop()``,
    ``asyncio.EventLoop()`` and ``asyncio.DefaultEventLoopPolicy().new_event_loop()`` give a ScriptLoop
    (``isinstance(loop, asyncio.SelectorEventLoop)`` holds, as in CPython); the real ones need a
    self-pipe, which this platform lacks (``OSError: [Errno 138] Not supported``). And
    ``asyncio.set_event_loop_policy(None)`` (unittest's tearDownModule in CPython's own tests) brings
    back the default policy, which here is this one, with no loop set."""
    import asyncio

    policy = ScriptPolicy(events._get_event_loop_policy())
    events._set_event_loop_policy(policy)
    asyncio.SelectorEventLoop = asyncio.EventLoop = ScriptLoop
    unix_events.SelectorEventLoop = unix_events.EventLoop = unix_events._UnixSelectorEventLoop = ScriptLoop
    unix_events._UnixDefaultEventLoopPolicy._loop_factory = ScriptLoop

    def default_policy():
        with events._lock:
            if events._event_loop_policy is None:
                policy._loops.clear()
                events._event_loop_policy = policy

    events._init_event_loop_policy = default_policy
    return policy
