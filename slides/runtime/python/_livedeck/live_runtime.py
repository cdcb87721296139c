"""Run a live cell in Pyodide the way CPython runs a script.

The deck must never teach what CPython does not do, and Pyodide's asyncio
differs from CPython's exactly where the slides make claims:

* Pyodide's ``asyncio.run`` reuses one never-closed WebLoop and may be nested;
  CPython's makes a new loop, closes it at the end and refuses to run inside a
  running loop.
* Pyodide's ``time.sleep`` yields to the browser (JSPI), so other tasks keep
  running; CPython's blocks the thread and stalls the event loop.

* Pyodide has no threads: ``asyncio.to_thread`` and executors run their work
  inline, one call after the other.

Under JSPI this module restores the CPython behaviour by wiring in CPython's own
event loop (script_loop.py: ``asyncio.run``, ``Runner`` and ``new_event_loop`` are
CPython's code), green threads (green_threads.py: a thread is a stack of its
own, a blocking call suspends only that stack) and a loopback network (loopback/:
sockets to 127.0.0.1 and ::1, on which the loop waits). It then runs each cell as
``__main__`` in a fresh module (script_main.py) and, as CPython at a script's end, waits for its
threads, runs its atexit handlers and lets its objects die as an interpreter's exit does
(script_shutdown.py). Where the browser lacks JSPI (no ``WebAssembly.Suspending``), blocking
``asyncio.run`` cannot work: top-level ``asyncio.run(...)`` calls are then awaited
on Pyodide's loop instead ("compat" mode), without threads.
"""

import ast
import asyncio
import atexit
import gc
import inspect
import linecache
import sys
import time
import traceback
from asyncio import events

from . import asyncio_timeline
from . import clock
from . import fresh_process
from . import green_threads
from . import loopback
from . import platform_notes
from . import script_errors
from . import script_loop
from . import script_main
from . import script_shutdown
from pyodide import webloop
from pyodide.ffi import can_run_sync

_policy = None  # script_loop.ScriptPolicy under JSPI


def has_loopback():
    """Does this interpreter have the loopback network (JSPI), once installed?"""
    return loopback.is_installed()


def _cpython_run(main, *, debug=None, loop_factory=None):
    """Compat mode's asyncio.run where it cannot block (not at a cell's top level): say why."""
    if events._get_running_loop() is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    raise RuntimeError(
        "this browser cannot block on asyncio.run() here (no JSPI); "
        "call it at the top level of the cell"
    )


def _inline_executor(run_in_executor):
    """Compat mode: WebLoop runs an executor's call inline, blocking the loop; say so."""

    def announced(self, executor, func, *args):
        platform_notes.announce("inlineThreads")
        return run_in_executor(self, executor, func, *args)

    return announced


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
            # Each new node placed where the call was: ast.fix_missing_locations would leave garbage (a cycle of
            # its inner function) that a script's first gc.collect() would find.
            name = ast.copy_location(ast.Name("__live_run__", ast.Load()), node)
            call = ast.copy_location(ast.Call(name, node.args, []), node)
            return ast.copy_location(ast.Await(call), node)
        return node


def install():
    """Patch the interpreter once, at worker start (after a snapshot restore too)."""
    global _policy
    # JavaScript is reached only from here: this module holds no JavaScript reference at import,
    # so the worker can keep it in a memory snapshot.
    import js
    from pyodide_js._api import scheduleCallback

    # A script's uncaught exception goes to CPython's own hook (Pyodide's is traceback.print_exception).
    sys.excepthook = sys.__excepthook__
    clock.install()  # readings never repeat, as on Linux: equal sleeps wake in order
    if hasattr(js.WebAssembly, "Suspending"):  # JSPI: CPython's loop and green threads
        asyncio.run = webloop._orig_run
        green_threads.install(scheduleCallback)
        loopback.install()
        _policy = script_loop.install()
    else:
        asyncio.run = _cpython_run
        time.sleep = webloop._orig_sleep
        if not hasattr(webloop.WebLoop.run_in_executor, "__wrapped_inline__"):
            webloop.WebLoop.run_in_executor = _inline_executor(webloop.WebLoop.run_in_executor)
            webloop.WebLoop.run_in_executor.__wrapped_inline__ = True


def _begin_threads():
    green_threads.begin_run()
    if _policy is not None:
        _policy.begin_run()


def _end_threads():
    """As CPython when a script ends: wait for its threads; then the loop rules go back to the host."""
    try:
        green_threads.finish_run()
    except BaseException as error:
        _print_exception(error)
    finally:
        if _policy is not None:
            _policy.end_run()
            events._set_event_loop_policy(_policy)  # the host's loop rules again, whatever the script set


class Result:
    """How a run ended: its exit *status*; the code's own wall time in seconds, *elapsed* (compiling
    and running it, not the cleanup after it); the *mode* it ran in, "jspi" (blocking asyncio.run,
    as CPython) or "compat"; and a traced run's asyncio_timeline *trace* (a dict), which an
    exercise's grader reads."""

    __slots__ = ("status", "elapsed", "mode", "trace")

    def __init__(self, status, elapsed, mode, trace):
        self.status, self.elapsed, self.mode, self.trace = status, elapsed, mode, trace


def _print_exception(error):
    """An uncaught exception, as CPython reports it: through sys.excepthook (a script may set its own)."""
    # Drop this module's frames: the learner sees the traceback of their script.
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
        tb = tb.tb_next
    try:
        sys.excepthook(type(error), error, tb)
    except BaseException as hook_error:  # as CPython's PyErr_Display says a failing hook
        print("Error in sys.excepthook:", file=sys.stderr)
        traceback.print_exception(hook_error)
        print("\nOriginal exception was:", file=sys.stderr)
        traceback.print_exception(type(error), error, tb)


def _tracer(on_timeline):
    if on_timeline is None:
        return None

    def publish(tracer):
        if tracer.lanes:
            on_timeline(asyncio_timeline.render_svg(tracer.as_dict()))

    return asyncio_timeline.Tracer(on_update=publish).install()


async def run_cell(source, filename, main=None, on_timeline=None, collect=True):
    """Run *source* as a script named *filename*; return how it ended (a Result).

    It runs in *main*, a module kept across runs (script_main.new_main), or in a fresh one. A kept module's
    run ends with a collection of what it let go, unless *collect* is False (the worker's warm-up, which
    collects once, at its very end: worker_api.warm_up).
    With *on_timeline*, the run is traced (asyncio_timeline) and the callback gets
    the timeline as SVG while the tasks run, and once more at the end.
    """
    if main is None:
        fresh_process.new_seed()  # a new `python script.py`; a kept module is one session going on
    # A fresh module is referenced from _run_script's frame only: it can die at the script's exit.
    return await _run_script(source, filename, main or script_main.new_main(filename), fresh=main is None,
                             on_timeline=on_timeline, collect=collect)


async def _run_script(source, filename, main, fresh, on_timeline, collect):
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    ns = main.__dict__
    previous_main = script_main.enter(main)
    status = 0
    outer = None  # the host's loop, task and asyncgen hooks, put back once the script has ended
    mode = "jspi" if can_run_sync() else "compat"
    tracer = _tracer(on_timeline)
    started = time.perf_counter()
    try:
        if mode == "jspi":
            code = compile(source, filename, "exec", dont_inherit=True)
            script_errors.running_script(code)
            outer = _leave_host_loop()
            _begin_threads()
            exec(code, ns)
        else:
            tree = _AwaitTopLevelRuns().visit(ast.parse(source, filename))
            code = compile(tree, filename, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
            script_errors.running_script(code)
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
        try:
            # The script ends as an interpreter exits: its non-daemon threads waited for, then its atexit
            # handlers (a kept module's session goes on: not yet), with no loop running and no task current.
            if mode == "jspi":
                _end_threads()
            if fresh:
                atexit._run_exitfuncs()  # each one's error is printed as CPython prints it, and the next runs
            if mode == "jspi":
                loopback.end_run()  # its sockets close, as a process's do when it exits
            elapsed = time.perf_counter() - started
            if tracer is not None:
                tracer.uninstall()
            trace = tracer.as_dict() if tracer is not None else None
            with script_shutdown.finalizing(fresh):
                flushed = script_shutdown.flush_std_files()
                if fresh:  # then its objects die as at CPython's exit (script_shutdown.py)
                    script_shutdown.collect_at_exit()
                    script_main.leave(previous_main)
                    main = ns = None
                    script_shutdown.collect_at_shutdown()
                else:  # a kept module's session goes on; what its run let go is collected (and reported) now
                    script_main.leave(previous_main)
                    if collect:
                        gc.collect()
                flushed = script_shutdown.flush_std_files() and flushed
            if fresh and not flushed:
                status = script_shutdown.FLUSH_FAILED
        finally:
            if outer is not None:
                _return_to_host_loop(*outer)
    return Result(status, elapsed, mode, trace)


def _leave_host_loop():
    """A script starts with no running loop, no current task (this coroutine is Pyodide's task) and no
    asyncgen hooks (Pyodide's loop set its own as it ran this task): CPython's loop refuses to enter a task
    while another runs, a log's taskName is None outside a task, and an async generator the script leaves
    unfinished outside a loop is not handed to Pyodide's. Returns the host's (loop, task, hooks), for
    _return_to_host_loop once the script has ended."""
    loop = events._get_running_loop()
    task = asyncio.tasks._swap_current_task(loop, None) if loop is not None else None
    events._set_running_loop(None)
    hooks = sys.get_asyncgen_hooks()
    sys.set_asyncgen_hooks(None, None)
    return loop, task, hooks


def _return_to_host_loop(loop, task, hooks):
    events._set_running_loop(loop)
    if task is not None:
        asyncio.tasks._swap_current_task(loop, task)
    sys.set_asyncgen_hooks(*hooks)
