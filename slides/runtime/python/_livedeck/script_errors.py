"""Tracebacks and warnings as CPython prints them for a script: the runtime stays out of sight.

* Every traceback and stack (uncaught errors, logging's, ``traceback.format_exc()`` and
  ``print_stack()``, ``inspect.stack()``, asyncio's debug ``created at`` stacks) leaves out the
  frames of the deck's runtime (/home/pyodide/*.py) and of Pyodide's own modules (pyodide/,
  _pyodide/), and every frame that called the script's module: what is left is the learner's
  frames and the standard library's, as under CPython, where ``<module>`` is the outermost.
* A warning raised while the runtime's own code is on top of the stack — what dies when the
  script ends, e.g. a coroutine never awaited — is printed as CPython 3.13+ prints those it
  raises while clearing ``__main__`` at exit, with no Python frame left:
  ``<sys>:0: RuntimeWarning: coroutine 'f' was never awaited``. Each run starts with CPython's
  warning filters and registries afresh, so a warning shown in one run is shown again in the next.
"""

import inspect
import linecache
import sys
import traceback
import types
import warnings

_filters = None  # the interpreter's warning filters at boot: a fresh process's
_script_code = None  # the code of the running script's module (live_runtime.run_cell sets it)


def is_runtime_file(filename):
    return filename.startswith("/home/pyodide/") or "/pyodide/" in filename or "/_pyodide/" in filename


def running_script(code):
    global _script_code
    _script_code = code


def _hidden(frames):
    """Which of *frames* (in either order) a script's stack would not have: the runtime's, and those
    that called the script's module frame (the worker's event loop, the runtime's run_cell)."""
    frames = list(frames)
    callers = set()
    module = next((f for f in frames if f.f_code is _script_code), None)
    caller = module.f_back if module is not None else None
    while caller is not None:
        callers.add(id(caller))
        caller = caller.f_back
    return {id(f) for f in frames if id(f) in callers or is_runtime_file(f.f_code.co_filename)}


def install():
    global _filters
    _filters = list(warnings.filters)
    original = traceback.StackSummary._extract_from_extended_frame_gen.__func__
    if getattr(original, "__hides_runtime__", False):
        return

    def without_runtime(klass, frame_gen, **kwargs):
        frames = list(frame_gen)
        hidden = _hidden(f for f, _ in frames)
        return original(klass, ((f, position) for f, position in frames if id(f) not in hidden), **kwargs)

    without_runtime.__hides_runtime__ = True
    traceback.StackSummary._extract_from_extended_frame_gen = classmethod(without_runtime)
    outer_frames = inspect.getouterframes

    def getouterframes(frame, context=1):  # inspect.stack() too
        infos = outer_frames(frame, context)
        hidden = _hidden(info.frame for info in infos)
        return [info for info in infos if id(info.frame) not in hidden]

    inspect.getouterframes = getouterframes


def _showwarnmsg_impl(msg):
    if is_runtime_file(msg.filename):
        msg.filename, msg.lineno, msg.line, msg.source = "<sys>", 0, None, None
    elif msg.line is None:
        _cache_zipped_source(msg.filename)
    _showwarnmsg_of_python(msg)


def _cache_zipped_source(filename):
    """A warning raised in the standard library shows its source line, as CPython's does from the file:
    Pyodide's library is a zip (/lib/python314.zip/…), which linecache reads only through the module's loader."""
    if ".zip/" not in filename or filename in linecache.cache:
        return
    for module in list(sys.modules.values()):
        if getattr(module, "__file__", None) == filename:
            linecache.lazycache(filename, vars(module))
            return


def report_unraisable(error, message):
    """As CPython's PyErr_FormatUnraisable (an error it cannot raise: a thread's, a flush's at exit):
    sys.unraisablehook's default prints *message*, a colon and the traceback to sys.stderr; a script's own
    hook gets the same arguments (CPython's type for them cannot be made here)."""
    hook = sys.unraisablehook
    try:
        if hook is sys.__unraisablehook__:
            if sys.stderr is None:  # print(file=None) would write to sys.stdout; CPython's hook writes nothing
                return
            print(f"{message}:", file=sys.stderr)
            traceback.print_exception(error, file=sys.stderr)
        else:
            hook(types.SimpleNamespace(exc_type=type(error), exc_value=error, exc_traceback=error.__traceback__,
                                       err_msg=message, object=None))
    except BaseException:  # as CPython's: an error while reporting is dropped
        pass


_showwarnmsg_of_python = warnings._showwarnmsg_impl  # what prints a warning (3.14: warnings → _py_warnings)


def new_run():
    """A script starts in a fresh process: default warning filters, no 'already shown' registry."""
    warnings.resetwarnings()  # also invalidates every module's __warningregistry__
    if _filters is not None:
        warnings.filters[:] = _filters
    warnings.showwarning = warnings._showwarning_orig
    warnings._showwarnmsg_impl = _showwarnmsg_impl
