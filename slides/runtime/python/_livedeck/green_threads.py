"""Threads for live cells: every thread a green thread on a stack of its own (JSPI).

Pyodide has no OS threads. Under JSPI a Python stack entered from JavaScript can
suspend (``pyodide.ffi.run_sync``) while the browser runs other stacks, so the
browser's event loop serves as the OS scheduler: a thread starts on a new stack,
and a blocking call (``time.sleep``, a lock, ``join``, a queue) suspends only its
own stack. Threads then overlap as in CPython: ``asyncio.to_thread(time.sleep, 1)``
lets the event loop go on, and three of them take 1 s, not 3 s.

Pyodide keeps the exception being handled, the contextvars context and the current task
with each stack, and one thread state for all of them: what CPython keeps per thread
beyond those — the thread's identity (``threading.get_ident``), its running event loop,
its async-generator hooks, its profile and trace functions — is kept here and put back
at every switch (every suspension goes through ``block()``).

A profile or trace function (``sys.setprofile``/``settrace``) belongs to the thread that set it,
as in CPython: only the running stack's is installed, taken off before the stack suspends, put
back when it resumes. ``threading.setprofile_all_threads``/``settrace_all_threads`` give every
thread alive theirs.

What cannot follow CPython: Python code that computes never yields, so threads
that compute do not take turns (CPython switches every 5 ms). When one held the
CPU long enough to delay another thread or the event loop noticeably, the run gets
one note saying so (platform_notes.py, in the deck's language).
"""

import _thread
import asyncio
import collections
import itertools
import sys
import threading
import time
from asyncio import events

from pyodide.ffi import can_run_sync, create_once_callable, run_sync

from . import platform_notes, script_errors

MAIN = _thread.get_ident()  # the main thread keeps the interpreter's own ident
SWITCH_INTERVAL = 0.005  # s, as sys.getswitchinterval(): how long a stack may keep others waiting
# A stack that ran HOLD s without yielding held the CPU; a wake-up LATE s late while another stack
# held it is worth a note. Both well above what a busy machine's scheduler stretches a short step to.
HOLD = 0.1
LATE = 0.1
_MAX_TIMEOUT_MS = 2**31 - 1

# Bound by install(): this module holds no JavaScript reference until then (memory snapshots).
_js_waiter = None  # see _JS_WAITER
_schedule = None  # Pyodide's scheduleCallback(callback, ms)
_orig_sleep = time.sleep

_current = MAIN  # ident of the thread whose stack runs now
_idents = itertools.count(MAIN + 1)
_generation = 0  # bumped at the end of each run: threads of an earlier run die at their next switch
_generation_of = {}  # ident → the run generation it belongs to
_resumed_at = 0.0  # loop clock when the running stack got the CPU
_holds = collections.deque(maxlen=16)  # (end, length, ident) of stacks that held the CPU ≥ HOLD
_ready = set()  # woken waiters (and started threads) whose stacks have not run yet
_timed_dues = {}  # waiter → when its timeout is due
_clock = time.monotonic
_hooks = {}  # ident → (profile function, trace function) of a thread that set one
_real_setprofile, _real_settrace = sys.setprofile, sys.settrace


def get_ident():
    return _current


class _Immediate:
    """The "loop" of a waiter's future: its done-callbacks (which resolve the JavaScript promise
    the stack waits on) run at once, on no event loop; run_sync() accepts a future as it is."""

    def get_debug(self):
        return False

    def call_soon(self, callback, *args, context=None):
        callback(*args)

    def call_exception_handler(self, context):
        pass


_IMMEDIATE = _Immediate()


class Waiter:
    """One suspension: woken by wake() from another stack, or by its timeout."""

    __slots__ = ("future", "_fire", "due", "woken_at")

    def __init__(self, timeout=None):
        ms = -1 if timeout is None else min(max(timeout, 0.0) * 1000.0, _MAX_TIMEOUT_MS)
        self.future = asyncio.Future(loop=_IMMEDIATE)
        self._fire = _js_waiter(ms, create_once_callable(self.future.set_result))
        self.due = None if timeout is None else _clock() + timeout
        self.woken_at = None
        if self.due is not None:
            _timed_dues[self] = self.due

    def wake(self):
        if self.woken_at is None:
            self.woken_at = _clock()
            _ready.add(self)
            self._fire(True)


def _install_hooks(ident):
    """The profile and trace functions of the thread whose stack runs now (none between stacks)."""
    profile, trace = _hooks.get(ident, (None, None))
    _real_settrace(trace)
    _real_setprofile(profile)


_KEEP = object()


def _keep_hooks(idents, profile=_KEEP, trace=_KEEP):
    for ident in idents:
        old_profile, old_trace = _hooks.pop(ident, (None, None))
        hooks = (old_profile if profile is _KEEP else profile, old_trace if trace is _KEEP else trace)
        if hooks != (None, None):
            _hooks[ident] = hooks


# Each installs the function last, so that the profiler sees as little of this module as can be.
def setprofile(function):
    """sys.setprofile: for this thread only."""
    _keep_hooks([_current], profile=function)
    _real_setprofile(function)


def settrace(function):
    """sys.settrace: for this thread only."""
    _keep_hooks([_current], trace=function)
    _real_settrace(function)


def _every_thread():
    return {MAIN, _current, *_generation_of}


def setprofile_all_threads(function):
    """sys._setprofileallthreads (threading.setprofile_all_threads): every thread alive gets it."""
    _keep_hooks(_every_thread(), profile=function)
    _real_setprofile(function)


def settrace_all_threads(function):
    """sys._settraceallthreads (threading.settrace_all_threads): every thread alive gets it."""
    _keep_hooks(_every_thread(), trace=function)
    _real_settrace(function)


def _end_segment(ident, now):
    length = now - _resumed_at
    if length >= HOLD:
        _holds.append((now, length, ident))


def _resume(ident, due, now):
    """*ident*'s stack runs again; a wake-up far later than *due* because another stack held the CPU is noted."""
    global _current, _resumed_at
    _current = ident
    _resumed_at = now
    if _hooks:
        _install_hooks(ident)
    if due is None or now - due < LATE:
        return
    if any(end > due and length >= HOLD and who != ident for end, length, who in _holds):
        platform_notes.announce("cpuThreads")


def block(waiter):
    """Suspend this stack until *waiter* is woken or times out; True if woken. Every switch passes here."""
    me = _current
    if not can_run_sync():
        raise RuntimeError("cannot block here: this code does not run on a suspendable stack")
    _end_segment(me, _clock())
    if _hooks:
        _install_hooks(None)  # this thread's hooks suspend with its stack
    # Per-thread state Pyodide keeps once for all its stacks: this stack's is put back when it resumes.
    running_loop, asyncgen_hooks = events._get_running_loop(), sys.get_asyncgen_hooks()
    try:
        woken = bool(run_sync(waiter.future))
    finally:
        events._set_running_loop(running_loop)
        sys.set_asyncgen_hooks(*asyncgen_hooks)
        _timed_dues.pop(waiter, None)
        _ready.discard(waiter)
        now = _clock()
        due = waiter.woken_at if waiter.woken_at is not None else waiter.due
        _resume(me, due, now)
    if _generation_of.get(me, _generation) != _generation:
        raise SystemExit  # a thread left over from an earlier run ends; threading says nothing of it
    return woken


def others_waiting():
    """Is another stack ready to run (woken, or its timeout due)?"""
    if _ready:
        return True
    now = _clock()
    return any(due <= now for due in _timed_dues.values())


def switch_if_due():
    """Let other stacks run if this one kept them waiting a switch interval (CPython's GIL hand-off)."""
    if _clock() - _resumed_at >= SWITCH_INTERVAL and others_waiting() and can_run_sync():
        waiter = Waiter(0)
        waiter.woken_at = _clock()  # due now
        block(waiter)


def sleep(seconds):
    """time.sleep: suspends this thread's stack only (on the main thread: the event loop with it)."""
    if not can_run_sync():
        return _orig_sleep(seconds)
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    sys.audit("time.sleep", seconds)  # as CPython's time.sleep does: the tracer names the blocking call
    deadline = _clock() + seconds
    while True:
        block(Waiter(max(deadline - _clock(), 0.0)))
        if _clock() >= deadline - 0.0005:  # timers fire at whole milliseconds
            return


def _wait_until(condition, timeout, waiters):
    """Block until condition() holds or *timeout* (None: forever) passes; True if it holds."""
    deadline = None if timeout is None else _clock() + timeout
    while not condition():
        remaining = None if deadline is None else deadline - _clock()
        if remaining is not None and remaining <= 0:
            return False
        waiter = Waiter(remaining)
        waiters.append(waiter)
        try:
            block(waiter)
        finally:
            try:
                waiters.remove(waiter)
            except ValueError:
                pass
    return True


class GreenLock:
    """_thread.lock for green threads: a blocking acquire suspends only this thread."""

    def __init__(self):
        self._locked = False
        self._waiters = collections.deque()

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError("timeout value must be a non-negative number")
        if not self._locked:
            self._locked = True
            return True
        if not blocking:
            return False
        if not _wait_until(lambda: not self._locked, None if timeout == -1 else timeout, self._waiters):
            return False
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False
        if self._waiters:
            self._waiters.popleft().wake()

    def locked(self):
        return self._locked

    acquire_lock = acquire
    release_lock = release
    locked_lock = locked

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def _at_fork_reinit(self):
        self._locked = False
        self._waiters.clear()

    def __repr__(self):
        state = "locked" if self._locked else "unlocked"
        return f"<{state} _thread.lock object at {id(self):#x}>"


class GreenThreadHandle:
    """_thread._ThreadHandle: a thread's ident and a join that suspends only the joiner."""

    def __init__(self):
        self.ident = None
        self._done = False
        self._joiners = []

    def is_done(self):
        return self._done

    def _set_done(self):
        self._done = True
        for waiter in self._joiners:
            waiter.wake()

    def join(self, timeout=None):
        if self.ident == _current and not self._done:
            raise RuntimeError("Cannot join current thread")
        _wait_until(self.is_done, timeout, self._joiners)

    def __repr__(self):
        return f"<_thread._ThreadHandle object: ident={self.ident}>"


def start_joinable_thread(function, handle=None, daemon=True):
    """_thread.start_joinable_thread: *function* runs on a new stack, from the browser's event loop."""
    return _start(function, (), {}, handle)


def start_new_thread(function, args, kwargs=None):
    """_thread.start_new_thread: an unjoinable thread; an uncaught exception is reported and ignored."""
    return _start(function, args, kwargs or {}).ident


def _start(function, args, kwargs, handle=None):
    """*function(*args, **kwargs)* on a new stack, from the browser's event loop; returns its handle."""
    if _schedule is None:
        raise RuntimeError("can't start new thread")
    if handle is None:
        handle = GreenThreadHandle()
    handle.ident = ident = next(_idents)
    _generation_of[ident] = _generation
    scheduled = _clock()
    _ready.add(handle)  # ready to run, like a woken waiter

    def bootstrap():
        _bootstrap(function, args, kwargs, handle, scheduled)

    _schedule(create_once_callable(bootstrap, _may_syncify=True), 0)
    return handle


def _bootstrap(function, args, kwargs, handle, scheduled):
    global _current
    _ready.discard(handle)
    ident = handle.ident
    _resume(ident, scheduled, _clock())
    try:
        if _generation_of.get(ident) == _generation:
            events._set_running_loop(None)  # a new thread has no running event loop
            sys.set_asyncgen_hooks(None, None)
            function(*args, **kwargs)
    except SystemExit:  # as CPython's thread_run: a thread's SystemExit ends it quietly
        pass
    except BaseException as error:  # reported as CPython's thread_run does, from the function's frame on
        if _generation_of.get(ident) == _generation:
            script_errors.report_unraisable(error.with_traceback(error.__traceback__.tb_next),
                                            f"Exception ignored in thread started by {function!r}")
    finally:
        _end_segment(ident, _clock())
        _generation_of.pop(ident, None)
        if _hooks.pop(ident, None):
            _install_hooks(None)
        handle._set_done()
        _current = MAIN  # whatever enters Python next from JavaScript is the host


def begin_run():
    """A cell starts: its stack is the main thread."""
    global _current, _resumed_at
    _current = MAIN
    _resumed_at = _clock()
    _holds.clear()
    _ready.clear()  # what an earlier run left waiting
    _hooks.clear()  # a new process profiles and traces nothing


def finish_run():
    """As CPython at the end of a script: threading's atexit calls (executors shut down), then
    join every non-daemon thread. Threads still alive (daemons) die at their next switch."""
    global _generation
    import concurrent.futures.thread as executor_threads

    atexits = list(threading._threading_atexits)
    threading._SHUTTING_DOWN = True
    try:
        for call in reversed(threading._threading_atexits):
            call()
        while True:
            pending = [t for t in threading.enumerate()
                       if t is not threading.main_thread() and not t.daemon and t.is_alive()]
            if not pending:
                break
            for thread in pending:
                thread.join()
    finally:
        threading._SHUTTING_DOWN = False
        threading._threading_atexits[:] = atexits
        executor_threads._shutdown = False
        _generation += 1
        _hooks.clear()
        _install_hooks(None)  # the runtime's work after the script is none of the script's profiler's
        for ident, thread in list(threading._active.items()):
            if thread is not threading.main_thread() and ident in _generation_of:
                del threading._active[ident]
        _current = MAIN


# (ms, settle) → fire: settle(false) after ms (ms < 0: never), or settle(true) when fire(true) comes first.
_JS_WAITER = """
(schedule) => (ms, settle) => {
  let timer
  let done = false
  const fire = (woken) => {
    if (done) return
    done = true
    if (timer !== undefined) clearTimeout(timer)
    settle(woken)
  }
  if (ms === 0) schedule(() => fire(false), 0)
  else if (ms > 0) timer = setTimeout(() => fire(false), Math.ceil(ms))
  return fire
}
"""


def install(schedule_callback):
    """Replace the threading primitives with green ones (JSPI only; once per worker)."""
    global _js_waiter, _schedule
    import queue
    import _threading_local
    from pyodide.code import run_js

    _schedule = schedule_callback
    _js_waiter = run_js(_JS_WAITER)(schedule_callback)

    _thread.get_ident = threading.get_ident = get_ident
    _thread.get_native_id = threading.get_native_id = get_ident
    _thread.allocate_lock = _thread.allocate = threading._allocate_lock = GreenLock
    _thread.LockType = threading._LockType = threading.Lock = GreenLock
    threading._CRLock = None  # threading.RLock() is then the pure-Python one, on green locks
    _thread.start_joinable_thread = threading._start_joinable_thread = start_joinable_thread
    _thread.start_new_thread = _thread.start_new = start_new_thread
    sys.setprofile, sys.settrace = setprofile, settrace
    sys._setprofileallthreads, sys._settraceallthreads = setprofile_all_threads, settrace_all_threads
    _thread._ThreadHandle = threading._ThreadHandle = GreenThreadHandle
    threading.local = _threading_local.local  # one per green thread, not one per interpreter
    threading._active_limbo_lock = threading.RLock()
    queue.SimpleQueue = queue._PySimpleQueue  # ThreadPoolExecutor's work queue, on green locks
    import concurrent.futures.thread as executor_threads

    executor_threads._global_shutdown_lock = GreenLock()
    time.sleep = sleep
