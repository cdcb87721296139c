"""Tracebacks and warnings as CPython prints them for a script: the runtime stays out of sight.

* Every traceback (uncaught errors, logging's, ``traceback.format_exc()``, asyncio's debug
  ``created at`` stacks) leaves out the frames of the deck's runtime (/home/pyodide/*.py)
  and of Pyodide's own modules (pyodide/, _pyodide/): what is left is the learner's frames
  and the standard library's, as under CPython.
* What dies when the script ends (a coroutine never awaited) warns at ``sys:1``, as when
  CPython clears ``__main__`` at exit; each run starts with CPython's warning filters and
  registries afresh, so a warning shown in one run is shown again in the next.
"""

import gc
import sys
import traceback
import warnings

_filters = None  # the interpreter's warning filters at boot: a fresh process's


def is_runtime_file(filename):
    return filename.startswith("/home/pyodide/") or "/pyodide/" in filename or "/_pyodide/" in filename


def install():
    global _filters
    _filters = list(warnings.filters)
    original = traceback.StackSummary._extract_from_extended_frame_gen.__func__
    if getattr(original, "__hides_runtime__", False):
        return

    def without_runtime(klass, frame_gen, **kwargs):
        frames = ((f, position) for f, position in frame_gen if not is_runtime_file(f.f_code.co_filename))
        return original(klass, frames, **kwargs)

    without_runtime.__hides_runtime__ = True
    traceback.StackSummary._extract_from_extended_frame_gen = classmethod(without_runtime)


def new_run():
    """A script starts in a fresh process: default warning filters, no 'already shown' registry."""
    warnings.resetwarnings()  # also invalidates every module's __warningregistry__
    if _filters is not None:
        warnings.filters[:] = _filters


# Runs in a frame whose file is "sys", line 1: CPython's location for warnings raised while it
# clears __main__ at exit (no Python frame left), e.g. "sys:1: RuntimeWarning: coroutine … never awaited".
_AT_EXIT = compile("namespace.clear() if namespace is not None else None; gc.collect()", "sys", "exec")


def end_script(namespace):
    """Clear the script's namespace (None: keep it) and collect, as CPython does at exit."""
    exec(_AT_EXIT, {"__name__": "sys", "namespace": namespace, "gc": gc})
    sys.stdout.flush()
    sys.stderr.flush()
