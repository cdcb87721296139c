"""The one entry into the runtime for the worker (slides/runtime/worker/python-worker.js): install it
once, run a cell, grade an exercise's run. The worker imports this module and nothing else of the package.

What this module imports is what a memory snapshot holds (the worker's PRELOAD imports it): it
holds no JavaScript reference until ``install``. The grader is imported at an exercise's first run.
"""

import asyncio

from . import fresh_process
from . import live_runtime
from . import platform_limits
from . import platform_notes
from . import script_errors
from . import script_exit
from . import script_main
from . import script_output
from . import script_stdin
from . import shared_bytecode

_PER_RUN = (platform_notes, script_errors, script_stdin)  # what starts each run afresh
_kept = {}  # a cell marked `keep`: its __main__ module, kept across its runs


def install(note, retire, ask):
    """Patch the interpreter once, at worker start (after a snapshot's restore too): CPython's loop and
    green threads under JSPI, and a script's behaviours — unbuffered output in print order, tracebacks
    and warnings without the runtime, a new process's state in every run, the platform's limits
    announced through *note(key, args)*, ``os._exit(n)`` calling *retire(n)*, and ``sys.stdin`` reading
    the keyboard: *ask()* when a read waits for a line (feed_stdin gives it)."""
    live_runtime.install()
    for module in (script_output, script_errors, fresh_process, shared_bytecode):
        module.install()
    platform_limits.install(network=live_runtime.has_loopback())
    platform_notes.connect(note)
    script_exit.install(retire)
    script_stdin.install(ask)


def warm_up(source, filename):
    """Once, at worker start, as the worker has said it is ready and before it takes a run: take the way into
    the interpreter and back that a run's start takes through Pyodide's JavaScript — a call from the worker,
    a callback the loop schedules (call_soon: a run's task starts so), and a future the worker awaits, as it
    awaits a run's task. A new worker's first pass over that JavaScript cost its first run ~10 ms. The
    interpreter is left as it was: no task, no output, no module; *source* and *filename* are not used."""
    loop = asyncio.get_event_loop()
    done = loop.create_future()
    loop.call_soon(done.set_result, None)
    return done


def feed_stdin(line):
    """A line typed in the cell's output panel (Enter), or None (Ctrl+D): script_stdin.feed."""
    script_stdin.feed(line)


def stdin_waiting():
    """Does a read of sys.stdin wait for a line?"""
    return script_stdin.waiting()


def run(source, name, keep=False, on_timeline=None):
    """Run *source* as the script ``<name>.py``: a task whose result is its live_runtime.Result. With *keep*,
    it runs in the cell's own ``__main__``, kept from its previous runs. *on_timeline(svg)*: traced
    (live_runtime.run_cell)."""
    for module in _PER_RUN:
        module.new_run()
    filename = f"{name}.py"
    main = None
    if keep:
        main = _kept.get(name) or _kept.setdefault(name, script_main.new_main(filename))
    # Named: an unnamed task would take Task-1 from the interpreter's counter (fresh_process.py).
    return asyncio.get_event_loop().create_task(live_runtime.run_cell(source, filename, main, on_timeline),
                                                name="livedeck-run")


def take_bytecode():
    """The standard library's modules this interpreter compiled since the last call, for the page to
    share with later interpreters (shared_bytecode.py): {path: (source hash, marshal data)}."""
    return shared_bytecode.take_fresh()


def add_bytecode(entries=None, blob=None):
    """Modules other interpreters compiled (take_bytecode's), or the whole library's compiled at build
    (*blob*), reused when this one imports them."""
    if entries is not None:
        shared_bytecode.add(entries)
    if blob is not None:
        shared_bytecode.add_blob(blob)


def grade(request, result):
    """An exercise's verdict on a run (*result*, whose trace it reads): grader.grade_json's, as JSON."""
    from . import grader

    return grader.grade_json(request, result.trace)
