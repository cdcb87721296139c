"""Brotli and gzip copies of what a browser fetches, beside each file (<file>.br, <file>.gz).

A server sends the best copy the browser accepts, with `Content-Encoding` (deckkit/serve.py; nginx's
`brotli_static`/`gzip_static`): over a learner's link Pyodide's 9.6 MB of WebAssembly cost 2.8 MB.
A copy is written only where it saves at least a twentieth (not for fonts, images, Pyodide's zipped
standard library) and kept while it is newer than its file: Pyodide's files keep their dates, so only
the first build compresses them (brotli's best quality, with the 16 MB window above 1 MB: ~1 min for
Pyodide's files, once).
"""

import gzip
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli

SUFFIXES = {"br": ".br", "gzip": ".gz"}  # Content-Encoding → the copy's suffix
COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".zip", ".txt", ".marshal"}
SKIPPED_FOLDERS = {"snapshots", "stdlib"}  # written compressed only (deckkit/snapshot.py, stdlib_archive.py)
MIN_BYTES = 1024
WORTH_IT = 0.95  # a copy is kept only when it is at most this share of the file
LARGE = 1 << 20  # above this, brotli's largest window (16 MB) finds repeats further apart
# Copies older than the code that makes them were made another way (a lower quality): made again once,
# after this code changed.
POLICY_TIME = os.path.getmtime(__file__)


def brotli_bytes(data: bytes) -> bytes:
    return brotli.compress(data, quality=11, lgwin=24 if len(data) > LARGE else 22)


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)  # mtime=0: the same file gives the same copy


COMPRESSORS = {".br": brotli_bytes, ".gz": gzip_bytes}


def is_current(copy: str | Path, source: str | Path) -> bool:
    """A copy older than its file is stale (a deck rebuilt by `invoke serve`); a copy without a file is
    how the build keeps its snapshot (only compressed)."""
    if not os.path.isfile(copy):
        return False
    return not os.path.isfile(source) or os.path.getmtime(copy) >= os.path.getmtime(source)


def candidates(site: Path) -> list[Path]:
    return sorted(
        path for path in site.rglob("*")
        if path.is_file() and path.suffix in COMPRESSIBLE and path.stat().st_size >= MIN_BYTES
        and not SKIPPED_FOLDERS & set(path.relative_to(site).parts[:-1])
    )


def compress_file(source: Path) -> list[Path]:
    """Write the file's brotli and gzip copies unless current; drop those not worth keeping. Returns the
    copies there are."""
    data = None
    kept = []
    for suffix, compress in COMPRESSORS.items():
        copy = source.with_name(source.name + suffix)
        if is_current(copy, source) and os.path.getmtime(copy) >= POLICY_TIME:
            kept.append(copy)
            continue
        data = source.read_bytes() if data is None else data
        packed = compress(data)
        if len(packed) <= WORTH_IT * len(data):
            copy.write_bytes(packed)
            kept.append(copy)
        else:
            copy.unlink(missing_ok=True)
    return kept


def drop_orphans(site: Path) -> None:
    """Copies whose file is gone (a chunk of an older runtime bundle)."""
    for suffix in COMPRESSORS:
        for copy in site.rglob(f"*{suffix}"):
            if SKIPPED_FOLDERS & set(copy.relative_to(site).parts[:-1]):
                continue
            if copy.suffix == suffix and not copy.with_name(copy.name.removesuffix(suffix)).exists():
                copy.unlink()


def precompress(site: Path) -> list[Path]:
    """Brotli and gzip copies of every compressible file under *site* (two at a time: brotli and zlib
    let go of the GIL while they work)."""
    drop_orphans(site)
    with ThreadPoolExecutor(min(2, os.cpu_count() or 1)) as pool:
        return [copy for copies in pool.map(compress_file, candidates(site)) for copy in copies]
