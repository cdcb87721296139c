"""Run a live cell in Pyodide the way CPython runs a script.

The deck must never teach what CPython does not do, and Pyodide's asyncio
differs from CPython's exactly where the slides make claims:

* Pyodide's ``asyncio.run`` reuses one never-closed WebLoop and may be nested;
  CPython's makes a new loop, closes it at the end and refuses to run inside a
  running loop.
* Pyodide's ``time.sleep`` yields to the browser (JSPI), so other tasks keep
  running; CPython's blocks the thread and stalls the event loop.

This module restores the CPython behaviour, then runs each cell as
``__main__`` in a fresh namespace. Where the browser lacks JSPI (no
``WebAssembly.Suspending``), blocking ``asyncio.run`` cannot work: top-level
``asyncio.run(...)`` calls are then awaited instead ("compat" mode).
"""

import ast
import asyncio
import builtins
import collections
import gc
import heapq
import inspect
import linecache
import sys
import time
import traceback
from asyncio import events

import asyncio_timeline
from pyodide import webloop
from pyodide.ffi import can_run_sync, create_once_callable

# Pyodide's scheduler (a JavaScript function), bound by install(): this module holds no
# JavaScript reference until then, so the worker can keep it in a memory snapshot.
_schedule_callback = None


class ScriptLoop(webloop.WebLoop):
    """A WebLoop that schedules like CPython's loops and closes like them.

    WebLoop gives every callback and timer its own browser timer: 10,000 tasks
    sleeping 1 s then take ~4 s instead of CPython's ~1 s. This loop keeps a
    ready queue and a timer heap, as asyncio.BaseEventLoop does, and asks the
    browser for one wake-up at a time.
    """

    def __init__(self):
        super().__init__()
        self._ready = collections.deque()
        self._timers = []  # heap of asyncio.TimerHandle
        self._wakeup_at = None  # loop time of the pending browser wake-up
        self._closed = False

    def close(self):
        self._closed = True
        self._ready.clear()
        self._timers.clear()

    def is_closed(self):
        return self._closed

    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        handle = asyncio.Handle(callback, args, self, context=context)
        self._ready.append(handle)
        self._wake_up_at(self.time())
        return handle

    def call_later(self, delay, callback, *args, context=None):
        if delay < 0:
            delay = 0
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        self._check_closed()
        timer = asyncio.TimerHandle(when, callback, args, self, context=context)
        heapq.heappush(self._timers, timer)
        timer._scheduled = True
        self._wake_up_at(when)
        return timer

    def _timer_handle_cancelled(self, handle):
        pass  # cancelled timers are skipped when they come due

    def _wake_up_at(self, when):
        if self._wakeup_at is not None and self._wakeup_at <= when:
            return
        self._wakeup_at = when
        delay_ms = max(0.0, (when - self.time()) * 1000)
        _schedule_callback(create_once_callable(self._run_once, _may_syncify=True), delay_ms)

    def _run_once(self):
        """One pass of the loop, as BaseEventLoop._run_once: due timers, then the ready queue."""
        self._wakeup_at = None
        if self._closed:
            return
        self._install_running_loop()
        self._install_asyncgen_hooks()
        now = self.time()
        while self._timers and self._timers[0].when() <= now:
            timer = heapq.heappop(self._timers)
            timer._scheduled = False
            self._ready.append(timer)
        for _ in range(len(self._ready)):
            handle = self._ready.popleft()
            if not handle.cancelled():
                handle._run()
            if self._closed:
                return
        if self._ready:
            self._wake_up_at(self.time())
        elif self._timers:
            while self._timers and self._timers[0].cancelled():
                heapq.heappop(self._timers)
            if self._timers:
                self._wake_up_at(self._timers[0].when())


def _new_script_loop():
    loop = ScriptLoop()
    # WebLoop() registers itself as the running loop; a new CPython loop is not running yet.
    events._set_running_loop(None)
    return loop


def _cpython_run(main, *, debug=None, loop_factory=None):
    """asyncio.run as CPython does it: a new loop per call, closed at the end."""
    running = events._get_running_loop()
    try:
        if not can_run_sync():
            if running is not None:
                raise RuntimeError("asyncio.run() cannot be called from a running event loop")
            raise RuntimeError(
                "this browser cannot block on asyncio.run() here (no JSPI); "
                "call it at the top level of the cell"
            )
        return webloop._orig_run(main, debug=debug, loop_factory=loop_factory or _new_script_loop)
    finally:
        events._set_running_loop(running)


async def _compat_run(main):
    """Top-level asyncio.run(...) without JSPI: await the coroutine on the page's loop."""
    return await asyncio.ensure_future(main)


class _AwaitTopLevelRuns(ast.NodeTransformer):
    """Rewrite module-level ``asyncio.run(x)`` into ``await __live_run__(x)``."""

    def visit_FunctionDef(self, node):
        return node

    visit_AsyncFunctionDef = visit_ClassDef = visit_Lambda = visit_FunctionDef

    def visit_Call(self, node):
        self.generic_visit(node)
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "run"
            and isinstance(func.value, ast.Name)
            and func.value.id == "asyncio"
            and len(node.args) == 1
        ):
            call = ast.Call(ast.Name("__live_run__", ast.Load()), node.args, [])
            return ast.copy_location(ast.Await(call), node)
        return node


def install():
    """Patch the interpreter once, at worker start (after a snapshot restore too)."""
    global _schedule_callback
    from pyodide_js._api import scheduleCallback as _schedule_callback
    asyncio.run = _cpython_run
    time.sleep = webloop._orig_sleep
    sys.argv = ["main.py"]


# How the last cell ran: "jspi" (blocking asyncio.run, as CPython) or "compat";
# and its wall time in seconds: compiling and running the code, not the cleanup after it.
last_mode = None
last_elapsed = 0.0
last_trace = None  # the last traced run's asyncio_timeline trace (a dict)


def _print_exception(error):
    # Drop this module's frames: the learner sees the traceback of their script.
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
        tb = tb.tb_next
    traceback.print_exception(type(error), error, tb)


def _tracer(on_timeline):
    if on_timeline is None:
        return None

    def publish(tracer):
        if tracer.lanes:
            on_timeline(asyncio_timeline.render_svg(tracer.as_dict()))

    return asyncio_timeline.Tracer(on_update=publish).install()


def _fresh_namespace(filename):
    return {"__name__": "__main__", "__file__": filename, "__builtins__": builtins}


async def run_cell(source, filename, namespace=None, on_timeline=None):
    """Run *source* as a script named *filename*; return its exit status.

    With *on_timeline*, the run is traced (asyncio_timeline) and the callback gets
    the timeline as SVG while the tasks run, and once more at the end.
    """
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    global last_mode, last_elapsed, last_trace
    ns = _fresh_namespace(filename) if namespace is None else namespace
    status = 0
    last_mode = "jspi" if can_run_sync() else "compat"
    tracer = _tracer(on_timeline)
    started = time.perf_counter()
    try:
        if last_mode == "jspi":
            code = compile(source, filename, "exec", dont_inherit=True)
            outer = events._get_running_loop()
            events._set_running_loop(None)  # a script starts with no running loop
            try:
                exec(code, ns)
            finally:
                events._set_running_loop(outer)
        else:
            tree = _AwaitTopLevelRuns().visit(ast.parse(source, filename))
            ast.fix_missing_locations(tree)
            code = compile(tree, filename, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
            ns["__live_run__"] = _compat_run
            result = eval(code, ns)
            if inspect.iscoroutine(result):
                await result
    except SystemExit as exit_:
        code = exit_.code
        status = code if isinstance(code, int) else (0 if code is None else 1)
        if code is not None and not isinstance(code, int):
            print(code, file=sys.stderr)
    except BaseException as error:  # the learner's error: report it, keep the worker
        _print_exception(error)
        status = 1
    finally:
        last_elapsed = time.perf_counter() - started
        if tracer is not None:
            tracer.uninstall()
        last_trace = tracer.as_dict() if tracer is not None else None  # what an exercise's grader reads
        # CPython reports never-awaited coroutines when the script's objects die.
        if namespace is None:
            ns.clear()
        gc.collect()
        sys.stdout.flush()
        sys.stderr.flush()
    return status
