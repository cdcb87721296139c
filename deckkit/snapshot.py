"""The deck's own memory snapshot of Python, made at build time by the deck's worker in Chromium.

Served compressed beside the deck, it lets a browser that never ran the deck restore Python on its first
open instead of booting it cold (slides/runtime/worker/snapshot.js). Its name is the worker's: <Pyodide's
version>-<hash of the runtime it holds>.bin, so a deck whose runtime changed never restores an older one;
the build reuses a current one as is. Only its copies are written, dist/snapshots/<name>.br (brotli) and
<name>.gz (gzip), never the 31 MB file: a host that serves precompressed copies answers a request for
<name> with the copy the browser accepts; any other answers the request for <name>.gz. The copies hold
the snapshot in its served form (deckkit/served_snapshot.py): without the 3.2 MB that Pyodide's
WebAssembly writes into memory itself, 2.6 MB in brotli instead of 4.2.
"""

import argparse
import gzip
import sys
from pathlib import Path

from .browser import CHROMIUM, CHROMIUM_ARGS
from .compress import COMPRESSORS
from .serve import serve_in_background, url
from .served_snapshot import SERVED_MAGIC, pyodide_form, served_form
from .wasm_image import pyodide_initial_memory

FOLDER = "snapshots"

# In a page of the built site: start the deck's worker as a standby in a fresh profile. It restores
# the deck's current snapshot if there is one (and keeps a copy: 'copied'), or boots cold and makes
# one ('made'); either way the browser's file system then holds it. Returns its name, and posts its
# bytes when they are new.
_MAKE = """async () => {
  const info = await new Promise((resolve, reject) => {
    const worker = new Worker('runtime/python-worker.js?role=standby&snapshot=none', { type: 'module' })
    worker.onmessage = ({ data }) => data.type === 'ready' ? resolve(data) : data.type === 'failed' && reject(new Error(data.reason))
    worker.onerror = (event) => reject(new Error(event.message || 'the worker failed to start'))
  })
  if (!['made', 'copied'].includes(info.snapshot)) throw new Error(`no snapshot: ${info.snapshot}`)
  const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('asyncio-live-deck-snapshots')
  const [name] = await Array.fromAsync(folder.keys())
  if (info.snapshot === 'made') {
    const file = await (await folder.getFileHandle(name)).getFile()
    await fetch(`/__made-snapshot__/${name}`, { method: 'POST', body: file })
  }
  return name
}"""


class SnapshotError(RuntimeError):
    pass


def make_snapshot(dist: Path, chromium: str = CHROMIUM) -> Path:
    """dist/snapshots/<name>.br and <name>.gz for the runtime in *dist*, made or kept; older ones removed.
    Returns dist/snapshots/<name>, the path a browser asks for."""
    from playwright.sync_api import sync_playwright

    folder = dist / FOLDER
    folder.mkdir(exist_ok=True)
    made = {}
    server = serve_in_background(dist)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                page.route("**/__made-snapshot__/*", lambda route: (
                    made.update(bytes=route.request.post_data_buffer), route.fulfill(status=204)))
                page.goto(url(server, "index.html"))
                name = page.evaluate(_MAKE)
            finally:
                browser.close()
    except Exception as error:  # noqa: BLE001 - whatever failed, say so; the deck still boots cold
        raise SnapshotError(str(error).splitlines()[0]) from error
    finally:
        server.shutdown()
    target = folder / name
    copies = {target.with_name(name + suffix): compress for suffix, compress in COMPRESSORS.items()}
    image = pyodide_initial_memory(dist / "pyodide")
    if "bytes" not in made:
        kept = gzip.decompress(target.with_name(name + ".gz").read_bytes())
        if not kept.startswith(SERVED_MAGIC) or not all(copy.exists() for copy in copies):
            made["bytes"] = pyodide_form(kept, image)  # copies of an earlier build's form, made again
    if "bytes" in made:
        served = served_form(made["bytes"], image)
        for copy, compress in copies.items():
            copy.write_bytes(compress(served))
    for stale in folder.iterdir():
        if stale not in copies:
            stale.unlink()
    return target


def main() -> None:
    """`python -m deckkit.snapshot DIST`: the build runs it in a process of its own, as Playwright's sync
    API cannot run inside another's event loop (a test session's browser)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("dist", type=Path)
    parser.add_argument("--chromium", default=CHROMIUM)
    arguments = parser.parse_args()
    try:
        print(make_snapshot(arguments.dist, arguments.chromium))
    except SnapshotError as error:
        sys.exit(str(error))


if __name__ == "__main__":
    main()
