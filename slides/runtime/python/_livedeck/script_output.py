"""stdout and stderr as ``python -u`` has them: every write reaches the worker at once.

So the two streams keep the order they were printed in (the worker splits the bytes into lines,
output-lines.js), and nothing waits in a buffer when a run ends or os._exit() stops it.
"""

import io
import sys


def install():
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        raw = io.FileIO(stream.fileno(), "w", closefd=False)
        setattr(sys, name, io.TextIOWrapper(raw, encoding="utf-8", errors=stream.errors, write_through=True))
