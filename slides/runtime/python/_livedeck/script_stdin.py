"""sys.stdin as a terminal's keyboard: the presenter types a line in the cell's output panel.

``input()`` finds no console here (``sys.stdin.fileno()`` is unsupported), so it does what CPython does
with any other stdin: writes the prompt to ``sys.stdout``, flushes it, then calls ``sys.stdin.readline()``
— an empty string (end of file) raising ``EOFError``. A read with nothing typed yet asks the worker
for a line (*ask()*: the page shows a field after the output) and suspends its own stack until the
line comes (*feed*, from the worker: a line and its newline, or None for Ctrl+D), as a terminal read
blocks only its own thread: ``await asyncio.to_thread(input, "name? ")`` lets the loop go on.
Lines typed ahead of a read wait for it; an end of file is consumed by one read, as on a terminal
(the next read waits for the keyboard again).

Without JSPI (compat mode) nothing can wait: the read says why (a note) and ends the file.
"""

import collections
import io
import sys

from pyodide.ffi import can_run_sync

from . import green_threads
from . import platform_notes

_ask = None  # the worker's callback: show the field (bound by install(): no JavaScript in a snapshot)
_asked = False  # the field shows: the worker asked for a line, none came yet
_typed = ""  # what was typed and not read yet (whole lines: Enter sends a line)
_ends = 0  # Ctrl+D presses not read yet
_waiters = collections.deque()  # reads waiting for the keyboard, first come first served


def _ready(size, line):
    """Can a read of *size* characters (-1: no limit) — up to a newline if *line* — be answered now?"""
    return bool(_ends) or (line and "\n" in _typed) or 0 <= size <= len(_typed)


def _take(size, line):
    """What that read returns from what was typed; '' at an end of file (which it consumes)."""
    global _typed, _ends
    end = len(_typed)
    if line and "\n" in _typed:
        end = _typed.index("\n") + 1
    if size >= 0:
        end = min(end, size)
    if end == 0 and _ends:
        _ends -= 1
        return ""
    text, _typed = _typed[:end], _typed[end:]
    return text


def _ask_once():
    global _asked
    if not _asked:
        _asked = True
        _ask()


def _wait():
    """Suspend this read's stack (only it: green_threads) until the keyboard sends something;
    False where nothing can wait (compat mode: said in a note)."""
    if not can_run_sync():
        platform_notes.announce("inputCompat")
        return False
    waiter = green_threads.Waiter()
    _waiters.append(waiter)
    _ask_once()
    try:
        green_threads.block(waiter)
    finally:
        try:
            _waiters.remove(waiter)
        except ValueError:
            pass
        if _waiters:
            _ask_once()  # another read still waits: the field shows again
    return True


def _read(size, line):
    if size == 0:
        return ""
    while not _ready(size, line):
        if not _wait():
            _ends_now()
    return _take(size, line)


def _ends_now():
    global _ends
    _ends += 1


def feed(line):
    """The worker's: the presenter pressed Enter (*line*, without its newline) or Ctrl+D (None)."""
    global _typed, _asked
    _asked = False
    if line is None:
        _ends_now()
    else:
        _typed += line + "\n"
    if _waiters:
        _waiters[0].wake()  # the first read takes it; it asks again if it wants more


def waiting():
    """Does a read wait for a line? (The worker takes a line only then.)"""
    return _asked


class Keyboard(io.TextIOBase):
    """sys.stdin: lines typed in the cell's output panel."""

    encoding = "utf-8"
    errors = "strict"
    newlines = None
    name = "<stdin>"
    mode = "r"

    def readable(self):
        return True

    def isatty(self):
        return True  # a keyboard; fileno() stays unsupported, so input() prompts through sys.stdout

    def readline(self, size=-1):
        self._checkClosed()
        return _read(-1 if size is None else size, line=True)

    def read(self, size=-1):
        self._checkClosed()
        if size is not None and size >= 0:
            return _read(size, line=False)
        parts = []
        while piece := _read(-1, line=True):  # until an end of file, as a terminal's read() does
            parts.append(piece)
        return "".join(parts)

    def __repr__(self):
        return "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>"


def new_run():
    """A run starts: nothing typed for an earlier one reaches it."""
    global _typed, _ends, _asked
    _typed, _ends, _asked = "", 0, False
    _waiters.clear()


def install(ask):
    """sys.stdin (and sys.__stdin__, which a script puts back) read the keyboard; *ask()* shows the field."""
    global _ask
    _ask = ask
    sys.stdin = sys.__stdin__ = Keyboard()
