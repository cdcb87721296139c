"""The standard library's bytecode, made at build for the deck's interpreters (shared_bytecode.py).

Pyodide ships its standard library as sources, which each interpreter compiles as it imports them; with
an interpreter per run, a program's first imports cost each run what a Python without __pycache__ pays
(`import doctest`: ~0.3 s in a cell, 0.04 s in CPython). The build compiles every module once, with
Pyodide's own CPython under Node (deckkit/compile-stdlib.mjs), into one file the page fetches once Python
is ready — off a first open's path — and gives to every interpreter.
"""

import hashlib
import subprocess
from pathlib import Path

from .paths import NODE_MODULES, ROOT

NAME = "python_stdlib.bytecode.marshal"  # beside python_stdlib.zip in dist/pyodide/


def _fingerprint(stdlib: Path) -> str:
    version = (NODE_MODULES / "pyodide" / "package.json").read_bytes()
    compiler = (ROOT / "deckkit" / "compile-stdlib.mjs").read_bytes()  # its layout
    return hashlib.sha256(stdlib.read_bytes() + version + compiler).hexdigest()


def write_bytecode(pyodide_dir: Path) -> Path:
    """dist/pyodide/<NAME>, compiled again only when Pyodide or its library changed."""
    out = pyodide_dir / NAME
    stamp = out.with_name(f".{out.name}.source")  # what it was compiled from
    stdlib = pyodide_dir / "python_stdlib.zip"
    fingerprint = _fingerprint(stdlib)
    if out.exists() and stamp.exists() and stamp.read_text() == fingerprint:
        return out
    result = subprocess.run(["node", str(ROOT / "deckkit" / "compile-stdlib.mjs"), str(stdlib), str(out)],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        from .build import BuildError

        raise BuildError(f"✗ compiling Pyodide's standard library failed:\n{result.stderr}")
    stamp.write_text(fingerprint)
    return out
