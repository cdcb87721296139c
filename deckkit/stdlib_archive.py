"""The standard library as the deck's worker fetches it: Pyodide's python_stdlib.zip with every file stored
whole instead of deflated, dist/stdlib/python_stdlib-<hash of its bytes>.zip — written only as its brotli
and gzip copies, as the snapshot is: a host that serves precompressed copies answers for the name with the
brotli one; any other answers 404, and the worker asks for the .gz copy (stdlib.js). Never the 9.7 MB
file, which a host that compresses by content type would send as it is (application/zip).

Pyodide deflates each file of its archive on its own (2.5 MB), which no compressor squeezes further; stored
whole, the 9.7 MB of sources make one brotli stream of 1.6 MB, ~0.4 s less on a 20 Mbit/s first open. The
worker keeps the decoded archive in the browser's private file system beside its snapshot
(slides/runtime/worker/snapshot.js), so a later boot never decodes the brotli copy the HTTP cache holds.
Its name changes with its bytes: the worker is bundled with it (deckkit/bundle-runtime.mjs), and the
snapshot's name covers it, as a snapshot's zipimport holds the archive's directory (each file's offset).
Pyodide's own archive stays in dist/pyodide/, untouched (the bench's bare Pyodide page fetches that one).
"""

import functools
import hashlib
import io
import shutil
import zipfile
from pathlib import Path

from .compress import COMPRESSORS
from .paths import NODE_MODULES, ROOT

PYODIDE_ARCHIVE = NODE_MODULES / "pyodide" / "python_stdlib.zip"
PREFIX = "python_stdlib-"
FOLDER = "stdlib"  # dist/stdlib/: written compressed only, as the snapshot is (deckkit/compress.py skips it)
CACHE = ROOT / "build" / "stdlib"  # the copies, made once per Pyodide


@functools.cache
def stored_archive(source: Path = PYODIDE_ARCHIVE) -> tuple[str, bytes]:
    """(name, bytes) of *source* with its files stored: same names, order, dates and modes."""
    out = io.BytesIO()
    with zipfile.ZipFile(source) as deflated, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as stored:
        for info in deflated.infolist():
            copy = zipfile.ZipInfo(info.filename, info.date_time)
            copy.external_attr, copy.create_system = info.external_attr, info.create_system
            stored.writestr(copy, deflated.read(info))
    data = out.getvalue()
    return f"{PREFIX}{hashlib.sha256(data).hexdigest()[:12]}.zip", data


def write_stored_archive(dist: Path, source: Path = PYODIDE_ARCHIVE, cache: Path = CACHE) -> Path:
    """dist/stdlib/<name>.br and <name>.gz, copied from build/stdlib/, where they are made only when they are not
    there (brotli's best quality takes ~1 min for its 9.7 MB, once per Pyodide: not again for every dist/, such
    as `invoke serve`'s); older ones removed. Returns dist/stdlib/<name>, the path a browser asks for."""
    name, data = stored_archive(source)
    folder = dist / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    copies = [target.with_name(name + suffix) for suffix in COMPRESSORS]
    for copy in copies:
        if copy.exists():
            continue
        made = cache / copy.name
        if not made.exists():
            cache.mkdir(parents=True, exist_ok=True)
            part = made.with_name(made.name + ".part")  # an interrupted build leaves no half copy
            part.write_bytes(COMPRESSORS[copy.suffix](data))
            part.replace(made)
        shutil.copyfile(made, copy)
    for stale in folder.iterdir():
        if stale not in copies:
            stale.unlink()
    return target
