"""Instant Python: the deck restores a memory snapshot of a booted interpreter — the one the build
made, on a browser's first open; the one the browser keeps, on reopen and after Stop — and anything
wrong with a snapshot falls back to a cold boot."""

import gzip
import hashlib
import re

import pytest

from deckkit.deck_driver import DeckDriver
from deckkit.serve import serve_in_background, url
from deckkit.served_snapshot import pyodide_form
from deckkit.wasm_image import pyodide_initial_memory

pytestmark = pytest.mark.browser

# The deck's snapshots, read from the page: the origin private file system (slides/runtime/snapshot.js).
FOLDER = "(await navigator.storage.getDirectory()).getDirectoryHandle('asyncio-live-deck-snapshots')"
SNAPSHOTS = f"""async () => {{
  const names = []
  for await (const name of (await {FOLDER}).keys()) names.push(name)
  return names.sort()
}}"""
SIZE = f"async (name) => (await (await (await {FOLDER}).getFileHandle(name)).getFile()).size"
DIGEST = f"""async (name) => {{
  const file = await (await (await {FOLDER}).getFileHandle(name)).getFile()
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()))
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')
}}"""
# Write the file *name*: *bytes*, or (when null) the bytes of the file *copied*.
WRITE = f"""async ([name, bytes, copied]) => {{
  const folder = await {FOLDER}
  const data = bytes ? new Uint8Array(bytes) : await (await (await folder.getFileHandle(copied)).getFile()).arrayBuffer()
  const writable = await (await folder.getFileHandle(name, {{ create: true }})).createWritable()
  await writable.write(data)
  await writable.close()
}}"""
REMOVE = f"async (name) => (await {FOLDER}).removeEntry(name)"
KEPT_NAME = re.compile(r"^\d+\.\d+\.\d+-[0-9a-z]+\.bin$")  # <Pyodide's version>-<hash of what it holds>.bin


def site_copy(built_site, target, served_snapshot=True):
    """The built site as links in *target*; runtime/ as a folder of links (a test may replace a file)."""
    for entry in built_site.iterdir():
        if entry.name == "snapshots" and not served_snapshot:
            continue
        (target / entry.name).symlink_to(entry)
    (target / "runtime").unlink()
    (target / "runtime").mkdir()
    for entry in (built_site / "runtime").iterdir():
        (target / "runtime" / entry.name).symlink_to(entry)
    return target


@pytest.fixture(scope="module")
def unserved_url(built_site, tmp_path_factory):
    """The deck served without the build's snapshot, as a deck built without Chromium is."""
    server = serve_in_background(site_copy(built_site, tmp_path_factory.mktemp("unserved"), served_snapshot=False))
    yield url(server)
    server.shutdown()


@pytest.fixture
def deck_with_snapshot(page, audit, unserved_url):
    """A first visit with no snapshot served: cold boot, and the standby worker stores a snapshot."""
    audit.allow(unserved_url)
    deck = DeckDriver.open(page, unserved_url, "asyncio.en").wait_python_ready()
    assert deck.python_boot() == "cold"
    deck.wait_standby()
    assert page.evaluate("window.liveDeck.pool.standby.info.snapshot") == "made"
    deck.wait_settled()  # the spare behind it restores from that file: a test may change it once none reads it
    kept = page.evaluate(SNAPSHOTS)
    assert len(kept) == 1 and KEPT_NAME.match(kept[0]), kept
    assert page.evaluate(SIZE, kept[0]) > 1_000_000  # a whole interpreter's heap
    return deck


def active_worker_url(page):
    [url] = [worker.url for worker in page.workers if "role=active" in worker.url]
    return url


def test_a_first_visit_boots_cold_without_looking_then_reopens_from_the_snapshot(deck_with_snapshot, page):
    """A browser that never kept a snapshot skips the file-system lookup (early-boot.js's hint); the mark
    left once one is made sends the next boot looking, and it restores."""
    assert "snapshot=none" in active_worker_url(page)
    assert page.evaluate("localStorage.getItem('asyncio-live-deck-snapshot')") == "1"
    page.reload()
    deck_with_snapshot.wait_python_ready()
    assert "snapshot=none" not in active_worker_url(page)
    assert deck_with_snapshot.python_boot() == "snapshot"


def test_reopening_the_deck_restores_python_from_the_snapshot(deck_with_snapshot, page):
    page.reload()
    deck = deck_with_snapshot.wait_python_ready()
    assert deck.python_boot() == "snapshot"
    assert deck.run("say_after_sequential") == "done"
    assert [line.split(" at ")[0] for line in deck.output("say_after_sequential").splitlines()] == [
        "started", "hello", "world", "finished"]
    assert 2.9 <= deck.elapsed("say_after_sequential") <= 3.8


@pytest.mark.parametrize("damage", ["corrupt", "stale"])
def test_a_bad_snapshot_falls_back_to_a_cold_boot(deck_with_snapshot, page, damage):
    [kept] = page.evaluate(SNAPSHOTS)
    if damage == "corrupt":  # the kept bytes are garbage
        page.evaluate(WRITE, [kept, [7] * 4096, None])
        assert page.evaluate(SIZE, kept) == 4096
    else:  # a snapshot of another runtime build lies there, and the current one is gone
        page.evaluate(WRITE, ["0.0.0-old.bin", None, kept])
        page.evaluate(REMOVE, kept)
        assert page.evaluate(SNAPSHOTS) == ["0.0.0-old.bin"]
    page.reload()
    deck = deck_with_snapshot.wait_python_ready()
    assert deck.python_boot() == "cold"
    # corrupt: the restore was tried and failed (the file dropped); stale: no file of this runtime's name.
    assert deck.active_snapshot() == {"corrupt": "dropped", "stale": "none"}[damage]
    assert deck.run("say_after_tasks") == "done"
    assert deck.output("say_after_tasks").splitlines()[1:3] == ["hello", "world"]
    # The interpreter restored behind the first boots cold too and keeps a good snapshot in place of the bad one,
    # and only it; the next one restores from that.
    deck.wait_standby()
    pool = "window.liveDeck.pool"
    assert page.evaluate(f"[{pool}.active.info.snapshot, {pool}.standby.info.snapshot]") == ["made", "kept"]
    assert page.evaluate(SNAPSHOTS) == [kept]
    assert page.evaluate(SIZE, kept) > 1_000_000


def test_after_stop_the_next_run_works_on_a_restored_worker(deck_with_snapshot, page):
    page.reload()
    deck = deck_with_snapshot.wait_python_ready()
    deck.wait_standby(timeout=30_000)
    assert page.evaluate("window.liveDeck.pool.standby.info.boot") == "snapshot"
    name = "await_coroutine"
    deck.show(name)
    deck.set_code(name, "while True:\n    pass\n")
    deck.click(name, "run")
    deck.wait_state(name, "running")
    deck.click(name, "stop")
    deck.wait_state(name, "stopped", timeout=1_000)
    assert page.evaluate("window.liveDeck.pool.active.info.boot") == "snapshot"
    assert deck.run("say_after_tasks") == "done"
    assert deck.output("say_after_tasks").splitlines()[1:3] == ["hello", "world"]


def test_a_snapshot_never_restores_an_older_runtime(contexts, built_site, tmp_path):
    """The snapshot carries the runtime modules: a deck redeployed with a changed one (and no snapshot
    built for it) boots cold — neither the browser's snapshot nor the one served is of its runtime."""
    site_copy(built_site, tmp_path)
    # The worker's bundle carries the runtime's Python modules as string literals
    # (slides/runtime/worker/python-package.js): a changed runtime is a changed python-worker.js.
    worker = tmp_path / "runtime" / "python-worker.js"
    bundle = worker.read_text()
    worker.unlink()
    worker.write_text(bundle)
    docstring = '"""Run a live cell'
    assert bundle.count(docstring) == 1, "live_runtime.py's docstring is no longer in the worker's bundle"
    server = serve_in_background(tmp_path)
    try:
        deck = contexts.open_deck("asyncio.en", site=url(server))
        page = deck.page
        deck.wait_standby(snapshot="copied")
        worker.write_text(bundle.replace(docstring, '"""A new release. Run a live cell', 1))
        page.reload()
        deck.wait_python_ready()
        assert deck.python_boot() == "cold"
        deck.set_code("await_coroutine", "from _livedeck import live_runtime\nprint(live_runtime.__doc__.split('.')[0])\n")
        deck.show("await_coroutine")
        deck.click("await_coroutine", "run")
        assert deck.wait_state("await_coroutine", "done", "error") == "done"
        assert deck.output("await_coroutine").strip() == "A new release"
    finally:
        server.shutdown()


# --- the snapshot the deck was built with (deckkit/snapshot.py) -------------------------------

def served_snapshot(built_site):
    """The build's gzip copy of its snapshot (beside it, the brotli one)."""
    [path] = (built_site / "snapshots").glob("*.gz")
    return path


def test_a_first_visit_restores_the_snapshot_the_deck_was_built_with(page, base_url, built_site):
    """A browser that never ran the deck restores the build's snapshot instead of booting cold, runs
    cells as CPython does, and keeps a copy: the next open reads it from the browser's own files."""
    served = served_snapshot(built_site)
    encodings = {}
    page.context.on("response", lambda r: "/snapshots/" in r.url and encodings.setdefault(
        r.url.rsplit("/", 1)[1], r.headers.get("content-encoding")))
    deck = DeckDriver.open(page, base_url, "asyncio.en").wait_python_ready()
    assert encodings == {served.name.removesuffix(".gz"): "br"}  # brotli, decoded by the browser as it arrives
    assert "snapshot=none" in active_worker_url(page)  # straight to the deck's: no file-system lookup first
    assert deck.python_boot() == "snapshot"
    assert deck.active_snapshot() == "served"
    assert deck.run("say_after_tasks") == "done"
    assert [line.split(" at ")[0] for line in deck.output("say_after_tasks").splitlines()] == [
        "started", "hello", "world", "finished"]
    assert 1.9 <= deck.elapsed("say_after_tasks") <= 2.8
    # The interpreter restored behind the first keeps the copy; the next one restores from it.
    deck.wait_standby()
    pool = "window.liveDeck.pool"
    assert page.evaluate(f"[{pool}.active.info.snapshot, {pool}.standby.info.snapshot]") == ["copied", "kept"]
    name = served.name.removesuffix(".gz")
    assert page.evaluate(SNAPSHOTS) == [name]
    # The browser keeps Pyodide's own form, the served one XORed back (deckkit/served_snapshot.py).
    made = pyodide_form(gzip.decompress(served.read_bytes()), pyodide_initial_memory(built_site / "pyodide"))
    assert page.evaluate(DIGEST, name) == hashlib.sha256(made).hexdigest() and made.startswith(b"\0snp")
    page.reload()
    deck.wait_python_ready()
    assert "snapshot=none" not in active_worker_url(page)
    assert deck.active_snapshot() == "kept"


def test_a_host_that_serves_no_precompressed_copy_gets_the_snapshot_from_its_gz(page, base_url, built_site):
    """A static host that cannot answer for <name> with a copy (404, or its own fallback page) gives the .gz,
    which the worker unzips as it arrives."""
    name = served_snapshot(built_site).name.removesuffix(".gz")
    page.context.route(f"**/snapshots/{name}", lambda route: route.fulfill(status=200, body="<!doctype html>"))
    asked = []
    page.context.on("request", lambda r: "/snapshots/" in r.url and asked.append(r.url.rsplit("/", 1)[1]))
    deck = DeckDriver.open(page, base_url, "asyncio.en").wait_python_ready()
    assert deck.python_boot() == "snapshot" and deck.active_snapshot() == "served"
    assert asked[:2] == [name, f"{name}.gz"]
    assert deck.run("say_after_tasks") == "done"


def not_xored_back(gz: bytes) -> bytes:
    """The served form with an extent past any memory: the worker cannot XOR it back, and Pyodide refuses
    its magic."""
    served = bytearray(gzip.decompress(gz))
    served[12:16] = (0xFFFF_FFF0).to_bytes(4, "little")
    return gzip.compress(bytes(served), compresslevel=1)


@pytest.mark.parametrize("damage", ["not a snapshot", "cut short", "not XORed back"])
def test_a_bad_served_snapshot_falls_back_to_a_cold_boot(page, base_url, built_site, damage):
    whole = served_snapshot(built_site).read_bytes()
    body = {"not a snapshot": lambda: gzip.compress(bytes(range(256)) * 64), "cut short": lambda: whole[: len(whole) // 2],
            "not XORed back": lambda: not_xored_back(whole)}[damage]()
    page.context.route("**/snapshots/*", lambda route: route.fulfill(status=200, body=body))
    deck = DeckDriver.open(page, base_url, "asyncio.en").wait_python_ready()
    assert deck.python_boot() == "cold"
    assert deck.active_snapshot() == "dropped"
    assert deck.run("say_after_tasks") == "done"
    assert deck.output("say_after_tasks").splitlines()[1:3] == ["hello", "world"]
    # The interpreter restored behind the first, served the same bytes, boots cold too and keeps a snapshot it
    # made; the next one restores from that (one restore at a time: two cold boots wrote it at once, and one
    # left a swap file behind).
    deck.wait_standby()
    pool = "window.liveDeck.pool"
    assert page.evaluate(f"[{pool}.active.info.snapshot, {pool}.standby.info.snapshot]") == ["made", "kept"]
    assert page.evaluate(SNAPSHOTS) == [served_snapshot(built_site).name.removesuffix(".gz")]


RANDOM = "import random\nprint(random.random())\n"
SEEDED = "import random\nrandom.seed(42)\nprint(random.random())\n"


def test_every_run_draws_from_a_fresh_seed_as_a_new_process_does(page, base_url):
    """A snapshot freezes the random module's state: without a fresh seed, every restore — every
    reload, every Stop, every learner's first open — would print the same "random" numbers, and a run
    after one that called random.seed(42) would go on with that sequence."""
    import random

    deck = DeckDriver.open(page, base_url, "asyncio.en").wait_python_ready()
    cell = "await_coroutine"
    deck.show(cell)
    drawn = []
    for code in (RANDOM, SEEDED, RANDOM):
        deck.set_code(cell, code)
        assert deck.run(cell) == "done"
        drawn.append(float(deck.output(cell)))
    seeded = random.Random(42)
    assert drawn[1] == seeded.random()  # the same Mersenne Twister as CPython's
    assert drawn[2] != seeded.random()  # a new run is a new process: not the seeded sequence's next
    page.reload()
    deck.wait_python_ready()
    assert deck.python_boot() == "snapshot"
    deck.show(cell)
    deck.set_code(cell, RANDOM)
    assert deck.run(cell) == "done"
    assert float(deck.output(cell)) not in drawn  # another restore of the same bytes, other numbers


TIME_ZONE = "import time\nprint(time.timezone, time.altzone, time.daylight)\nprint(time.tzname, time.strftime('%Z', time.localtime(1751371200)))\n"


def test_a_restored_interpreter_has_the_browsers_time_zone(contexts):
    """The build's snapshot was made in the build machine's zone; a learner's Python has their own —
    the figures CPython gives in that zone (north, south, without summer time), the names a cold boot
    gives there (Emscripten names zones by their offset)."""
    import subprocess
    import sys

    def printed(zone, query=""):
        deck = contexts.open_deck("asyncio.en", query, timezone_id=zone)
        try:
            assert deck.active_snapshot() == ("none" if query else "served")
            deck.show("await_coroutine")
            deck.set_code("await_coroutine", TIME_ZONE)
            assert deck.run("await_coroutine") == "done"
            return deck.output("await_coroutine").splitlines()
        finally:
            deck.page.context.close()  # one browser zone at a time

    restored = {}
    for zone in ("Asia/Seoul", "Europe/Berlin", "Australia/Sydney"):
        cpython = subprocess.run([sys.executable, "-c", TIME_ZONE], capture_output=True, text=True, check=True,
                                 env={"TZ": zone}).stdout.splitlines()
        restored[zone] = printed(zone)
        assert restored[zone][0] == cpython[0], zone
    assert restored["Europe/Berlin"] == printed("Europe/Berlin", "?snapshots=off")
    assert restored["Europe/Berlin"][1] == "('UTC+0100', 'UTC+0200') UTC+0200"  # 1 July 2025: summer time
