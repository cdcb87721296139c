"""The standard library's bytecode, shared by a page's interpreters as processes share ``__pycache__``.

Pyodide ships the standard library as sources in a zip, and ``zipimport`` writes no bytecode: each
interpreter compiles every module it imports. With an interpreter per run, every run did so —
``import doctest`` took ~0.5 s in a cell, 0.04 s in CPython, which reads the bytecode an earlier
process left. Here a module compiled in one run is handed to the page (python-pool.js), which gives it to
every later interpreter: a page compiles each module once, as a machine does. And once Python is ready,
the page fetches the whole library's bytecode, compiled at build (deckkit/stdlib_bytecode.py), and
gives it to every interpreter too: then none compiles a module of the library.

What is shared is ``marshal`` data of the code, keyed by the source file's path in the zip (which no
run can change), checked against a hash of the source as CPython checks a hash-based ``.pyc``.
"""

import marshal
import types
import zipimport
from functools import partial
from importlib.util import source_hash

_compile_source = zipimport._compile_source  # CPython's: compile a zip entry's source
_known = {}  # path → (source hash, marshal data): every compiled module this interpreter has
_fresh = {}  # those compiled here, not yet handed to the page
_built = {}  # path → (source hash, what reads its marshal data): the build's, read as a module is imported (add_blob)


def _compile_or_reuse(pathname, source):
    digest = source_hash(source)
    known = _known.get(pathname)
    if known is None and pathname in _built:
        built_digest, read = _built[pathname]
        known = (built_digest, read())
    if known is not None and known[0] == digest:
        code = _code(known[1])
        if code is not None:
            return code
    code = _compile_source(pathname, source)
    _known[pathname] = _fresh[pathname] = (digest, marshal.dumps(code))
    return code


def _code(data):
    """The code in *data*, or None if it holds none (a damaged file): then the module is compiled."""
    try:
        code = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    return code if isinstance(code, types.CodeType) else None


def install():
    zipimport._compile_source = _compile_or_reuse


def add(entries):
    """Bytecode other interpreters compiled: {path: (source hash, marshal data)}, the data as bytes or
    as JavaScript's Uint8Array."""
    for path, (digest, data) in entries.items():
        _known[path] = (_bytes(digest), _bytes(data))


def add_blob(blob):
    """The whole library's bytecode, compiled at build (deckkit/compile-stdlib.mjs), as JavaScript's
    Uint8Array: a 4-byte little-endian length, marshal data of that length, {path: (source hash, start,
    end)}, then each module's marshal data at [start:end]. Only the index is read now (~1 ms): a module's
    data is read as it is imported, from the page's bytes — not the 10 MB copied into every interpreter's
    memory as it restores, and 559 modules unmarshalled, most of which no run imports."""

    def part(start, end):
        return blob.subarray(start, end).to_bytes()

    try:
        length = int.from_bytes(part(0, 4), "little")
        index = marshal.loads(part(4, 4 + length))
        built = {path: (digest, partial(part, start, end)) for path, (digest, start, end) in index.items()}
    except Exception:  # another layout (a browser's cached copy from an older build): each import compiles
        return
    _built.update(built)


def _bytes(data):
    return data.to_bytes() if hasattr(data, "to_bytes") else bytes(data)


def take_fresh():
    """What this interpreter compiled since the last call, for the page to share: {path: (hash, data)}."""
    fresh = dict(_fresh)
    _fresh.clear()
    return fresh
