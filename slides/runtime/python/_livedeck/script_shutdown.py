"""How a script's interpreter exits, after its threads and atexit handlers: CPython's Py_FinalizeEx.
From the first step on, ``sys.is_finalizing()`` is True (``finalizing()``).

1. ``flush_std_files()``: sys.stdout and sys.stderr flushed, unless the script closed them or set them to None
   (a flush that raises makes the exit status 120);
2. ``collect_at_exit()``: a collection while ``__main__`` stands, if gc is enabled — gc callbacks see it, and
   the garbage the script left in cycles is finalized then;
3. ``__main__`` goes (script_main.leave), its globals not cleared: a module's death does not clear them;
4. ``collect_at_shutdown()``: sys.stdin, stdout and stderr are the interpreter's own again (``__stdin__``…:
   what a script swapped in is no longer written to), and a collection without gc callbacks finalizes what
   only the script's globals kept alive — in CPython's order, each ``__del__`` still seeing every global;
5. ``flush_std_files()`` again.
"""

import contextlib
import gc
import sys

from . import script_errors

# Py_RunMain's exit status when finalizing failed: a std stream's flush raised (whatever status the script gave).
FLUSH_FAILED = 120


@contextlib.contextmanager
def finalizing(exiting=True):
    """While the interpreter exits (*exiting*: not a kept session's run), ``sys.is_finalizing()`` is True, as in
    Py_FinalizeEx once the atexit handlers have run: a ``__del__`` at exit sees it. Then the real one again, for
    what the runtime itself runs before this interpreter ends (grading, the page's bytecode)."""
    if not exiting:
        yield
        return
    real = sys.is_finalizing
    sys.is_finalizing = lambda: True
    try:
        yield
    finally:
        sys.is_finalizing = real


def flush_std_files():
    """Flush sys.stdout and sys.stderr; False if either flush raised. CPython goes on exiting: stdout's
    error is reported as an unraisable exception, stderr's dropped (there is nowhere left to print it)."""
    flushed = True
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name, None)
        if stream is None or _closed(stream):
            continue
        try:
            stream.flush()
        except BaseException as error:
            flushed = False
            if name == "stdout":
                script_errors.report_unraisable(error.with_traceback(error.__traceback__.tb_next),  # its frames
                                                "Exception ignored while flushing sys.stdout")
    return flushed


def _closed(stream):
    try:
        return bool(stream.closed)
    except Exception:  # no `closed` (or a broken one): CPython flushes it
        return False


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
