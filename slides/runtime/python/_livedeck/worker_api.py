"""The one entry into the runtime for the worker (slides/runtime/worker/python-worker.js): install it
once, run a cell, grade an exercise's run. The worker imports this module and nothing else of the package.

What this module imports is what a memory snapshot holds (the worker's PRELOAD imports it): it
holds no JavaScript reference until ``install``. The grader is imported at an exercise's first run.
"""

import asyncio
import gc
import linecache

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
from pyodide.ffi import can_run_sync

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


# A run's way, taken once by warm_up: a script printing a line from a named task of a loop of its own.
_WARM_UP = """\
import asyncio

async def main():
    await asyncio.sleep(0)
    print()

loop = asyncio.new_event_loop()
loop.run_until_complete(loop.create_task(main(), name="warm-up"))
loop.close()
"""


# The way taken more than once: V8 compiles the worker's JavaScript functions past its interpreter once they have
# run a few times. Three took about as long as one (26–53 ms against 32–57: the first and the collection weigh),
# and a new worker's first output message came 5.1 against 7.5 ms after Run (interleaved, 30 runs a build).
WARM_UP_RUNS = 3


def warm_up():
    """Once, at worker start, as the worker has said it is ready and before it takes a run: WARM_UP_RUNS runs of a
    script that prints from a task (under JSPI), their output dropped (the worker has no run current). A new worker
    takes a run's way through Pyodide's JavaScript and the runtime's Python for the first time: its first run
    printed its first line ~10 ms later than a second one. The interpreter is then left as a new process has it:
    - no garbage: what the runtime's start and the warm-up left is collected, so that a script's first
      ``gc.collect()`` finds none of it (it found 187 objects, from the runtime's install; CPython finds 0);
    - what it holds frozen (``gc.freeze()``): the ~24,000 objects of the interpreter's start (CPython's holds
      ~5,000), which every full collection walked — a new worker's first took ~25 ms, the next ~9, and a run's
      exit makes two (script_shutdown.py): Run → the run's end took ~48 ms for a cell printing one line, ~12
      frozen (the one-interpreter deck's took ~21). Collections still walk all the script makes; a script's
      ``gc.unfreeze()`` gives them back. What differs from CPython: ``gc.get_freeze_count()`` counts them, and
      ``gc.get_objects()`` and ``gc.get_referrers()`` leave them out, as they leave out whatever a script froze;
    - no atexit handler run: the warm-up runs in a module of its own, as a kept cell's run, whose end runs
      none (a new process's would run those the snapshot's modules registered, and clear them);
    - Task-1 still to take: its tasks are named (a coroutine given to JavaScript would be wrapped in an
      unnamed task), as an unnamed one would take it from the interpreter's counter (fresh_process.py);
    - no module, thread or line of source of its own."""

    async def take_the_way():
        if can_run_sync():  # JSPI (compat mode's loop would run the script's task later, maybe in a run)
            # What it leaves in _PER_RUN's modules, the first run's new_run() clears. Its module is held by
            # the run alone: collected at the end with what it holds.
            for _ in range(WARM_UP_RUNS):
                await live_runtime.run_cell(_WARM_UP, "warm-up.py", script_main.new_main("warm-up.py"), collect=False)
            linecache.cache.pop("warm-up.py", None)
        gc.collect()
        gc.freeze()

    return asyncio.get_event_loop().create_task(take_the_way(), name="livedeck-warm-up")


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
