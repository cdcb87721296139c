"""The event loop of a live cell under JSPI: CPython's own, on the cell's loopback network.

A cell's loop is asyncio's ``_UnixSelectorEventLoop`` itself — CPython's ``_run_once``, timer
heap, ``run_until_complete``, task factories, debug mode, ``run_in_executor`` with a real
``ThreadPoolExecutor``, ``sock_*``, ``create_server``, ``create_connection``, transports — over
the interpreter's loopback network (loopback/): its ``selectors.EpollSelector`` waits in the
loopback's ``epoll.poll``, which suspends the loop's stack (green_threads.block) until a socket
it watches is ready or the timeout passes, and ``call_soon_threadsafe`` wakes it through its
self-pipe, a loopback socketpair. So ``asyncio.run``, ``asyncio.Runner``, ``new_event_loop()``,
``asyncio.EventLoop()`` and ``asyncio.SelectorEventLoop()`` are CPython's code.

``ScriptPolicy`` gives a cell CPython's event-loop rules (a loop per thread,
``get_event_loop`` raising when none is set) while a cell runs, and hands
everything else to Pyodide's own policy, whose WebLoop runs the worker itself.
"""

import threading
from asyncio import events, unix_events


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
        return unix_events.SelectorEventLoop()


# Named as what CPython's asyncio makes on Linux, which it behaves as: the policy shows a script what it
# shows under CPython, not this runtime's module.
ScriptPolicy.__name__ = ScriptPolicy.__qualname__ = "_UnixDefaultEventLoopPolicy"
ScriptPolicy.__module__ = "asyncio.unix_events"


def install():
    """Make ScriptPolicy the policy (without 3.14's deprecation warning); returns it. (The loopback
    network is installed first: the loop's self-pipe is a socketpair.)

    ``asyncio.set_event_loop_policy(None)`` (unittest's tearDownModule in CPython's own tests) brings
    back the default policy, which here is this one, with no loop set."""
    policy = ScriptPolicy(events._get_event_loop_policy())
    events._set_event_loop_policy(policy)

    def default_policy():
        with events._lock:
            if events._event_loop_policy is None:
                policy._loops.clear()
                events._event_loop_policy = policy

    events._init_event_loop_policy = default_policy
    return policy
