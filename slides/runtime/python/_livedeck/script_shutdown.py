"""How a script's interpreter exits, after its threads and atexit handlers: CPython's Py_FinalizeEx.

1. ``flush_std_files()``: sys.stdout and sys.stderr flushed, unless the script closed them or set them to None;
2. ``collect_at_exit()``: a collection while ``__main__`` stands, if gc is enabled — gc callbacks see it, and
   the garbage the script left in cycles is finalized then;
3. ``__main__`` goes (script_main.leave), its globals not cleared: a module's death does not clear them;
4. ``collect_at_shutdown()``: sys.stdin, stdout and stderr are the interpreter's own again (``__stdin__``…:
   what a script swapped in is no longer written to), and a collection without gc callbacks finalizes what
   only the script's globals kept alive — in CPython's order, each ``__del__`` still seeing every global;
5. ``flush_std_files()`` again.
"""

import gc
import sys


def flush_std_files():
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name, None)
        if stream is None or getattr(stream, "closed", False):
            continue
        try:
            stream.flush()
        except Exception:  # CPython goes on exiting too
            pass


def collect_at_exit():
    if gc.isenabled():
        gc.collect()


def collect_at_shutdown():
    for name in ("stdin", "stdout", "stderr"):
        setattr(sys, name, getattr(sys, f"__{name}__", None))
    callbacks = gc.callbacks[:]
    gc.callbacks.clear()
    try:
        gc.collect()
    finally:
        gc.callbacks[:] = callbacks
