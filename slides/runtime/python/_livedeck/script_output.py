"""stdout and stderr as ``python -u`` has them: every write reaches the worker at once.

So the two streams keep the order they were printed in (the worker splits the bytes into lines,
output-lines.js), and nothing waits in a buffer when a run ends or os._exit() stops it.
"""

import io
import sys


def install():
    """sys.stdout and sys.__stdout__ (stderr likewise) are one stream, as under ``python -u``: a script
    that puts ``sys.__stdout__`` back, or the interpreter's exit, writes through the same one."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        raw = io.FileIO(stream.fileno(), "w", closefd=False)
        wrapper = io.TextIOWrapper(raw, encoding="utf-8", errors=stream.errors, write_through=True)
        setattr(sys, name, wrapper)
        setattr(sys, f"__{name}__", wrapper)
