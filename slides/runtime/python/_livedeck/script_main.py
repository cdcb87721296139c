"""The main module of every run of a cell: a module, as ``python script.py`` makes ``__main__``, and
``sys.modules['__main__']`` while the script runs.

A plain dict as the script's globals lacked ``__doc__``, ``__spec__`` and ``__package__`` — so the
names fell through to the builtins module, and ``print(__doc__)`` printed its docstring — and left
``sys.modules['__main__']`` without the script's classes and functions: ``pickle``,
``typing.get_type_hints`` with string annotations, ``doctest.testmod()`` failed where CPython works.
"""

import builtins
import sys
import types
from importlib.machinery import SourceFileLoader


def new_main(filename):
    """The module a script named *filename* runs in (CPython 3.14's attributes: no ``__annotations__``
    until the script annotates something)."""
    main = types.ModuleType("__main__")  # __doc__, __package__, __spec__: None
    main.__file__ = filename
    main.__cached__ = None
    main.__loader__ = SourceFileLoader("__main__", filename)
    main.__builtins__ = builtins
    return main


def enter(main):
    """*main* becomes ``sys.modules['__main__']`` while the script runs, with ``sys.argv`` as a script run
    with no arguments has it (``[its file]``); returns what leave() puts back."""
    previous = sys.modules.get("__main__")
    sys.modules["__main__"] = main
    sys.argv = [main.__file__]
    return previous


def leave(previous):
    """The interpreter's own ``__main__`` again (*previous*, from enter()): the script's is no longer held."""
    if previous is not None:
        sys.modules["__main__"] = previous

