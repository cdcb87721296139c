"""Instant Python: the deck keeps a memory snapshot of a booted interpreter and restores it on
reopen and after Stop; anything wrong with the snapshot falls back to a cold boot."""

import re

import pytest

from tests.deck_page import DeckPage

pytestmark = pytest.mark.browser

# The deck's snapshots, read from the page: the origin private file system (slides/runtime/snapshot.js).
FOLDER = "(await navigator.storage.getDirectory()).getDirectoryHandle('asyncio-live-deck-snapshots')"
SNAPSHOTS = f"""async () => {{
  const names = []
  for await (const name of (await {FOLDER}).keys()) names.push(name)
  return names.sort()
}}"""
SIZE = f"async (name) => (await (await (await {FOLDER}).getFileHandle(name)).getFile()).size"
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


@pytest.fixture
def deck_with_snapshot(page, base_url):
    """A first visit: cold boot, and the standby worker stores a snapshot."""
    deck = DeckPage(page, base_url, "asyncio.en").wait_python_ready()
    assert page.evaluate("document.documentElement.dataset.pythonBoot") == "cold"
    page.wait_for_function("window.liveDeck.pool.standby?.info", timeout=60_000)
    assert page.evaluate("window.liveDeck.pool.standby.info.snapshot") == "made"
    kept = page.evaluate(SNAPSHOTS)
    assert len(kept) == 1 and KEPT_NAME.match(kept[0]), kept
    assert page.evaluate(SIZE, kept[0]) > 1_000_000  # a whole interpreter's heap
    return deck


def boot_mode(page):
    return page.evaluate("document.documentElement.dataset.pythonBoot")


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
    assert boot_mode(page) == "snapshot"


def test_reopening_the_deck_restores_python_from_the_snapshot(deck_with_snapshot, page):
    page.reload()
    deck = deck_with_snapshot.wait_python_ready()
    assert boot_mode(page) == "snapshot"
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
    assert boot_mode(page) == "cold"
    # corrupt: the restore was tried and failed (the file dropped); stale: no file of this runtime's name.
    assert page.evaluate("window.liveDeck.pool.active.info.snapshot") == {"corrupt": "dropped", "stale": "none"}[damage]
    assert deck.run("say_after_tasks") == "done"
    assert deck.output("say_after_tasks").splitlines()[1:3] == ["hello", "world"]
    # The standby boots cold too and keeps a good snapshot in place of the bad one, and only it.
    page.wait_for_function("window.liveDeck.pool.standby?.info", timeout=60_000)
    assert page.evaluate("window.liveDeck.pool.standby.info.snapshot") == "made"
    assert page.evaluate(SNAPSHOTS) == [kept]
    assert page.evaluate(SIZE, kept) > 1_000_000


def test_after_stop_the_next_run_works_on_a_restored_worker(deck_with_snapshot, page):
    page.reload()
    deck = deck_with_snapshot.wait_python_ready()
    page.wait_for_function("window.liveDeck.pool.standby?.info", timeout=30_000)
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


def test_a_snapshot_never_restores_an_older_runtime(browser, built_site, tmp_path):
    """The snapshot carries the runtime modules: a deck redeployed with a changed one boots cold."""
    from deckkit.serve import serve_in_background, url

    for entry in built_site.iterdir():
        (tmp_path / entry.name).symlink_to(entry)
    (tmp_path / "runtime").unlink()
    (tmp_path / "runtime").mkdir()
    for entry in (built_site / "runtime").iterdir():
        (tmp_path / "runtime" / entry.name).symlink_to(entry)
    # The worker's bundle carries the runtime's Python modules as string literals
    # (slides/runtime/runtime-modules.js): a changed runtime is a changed python-worker.js.
    worker = tmp_path / "runtime" / "python-worker.js"
    bundle = worker.read_text()
    worker.unlink()
    worker.write_text(bundle)
    docstring = '"""Run a live cell'
    assert bundle.count(docstring) == 1, "live_runtime.py's docstring is no longer in the worker's bundle"
    server = serve_in_background(tmp_path)
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        page = context.new_page()
        deck = DeckPage(page, url(server), "asyncio.en").wait_python_ready()
        page.wait_for_function("window.liveDeck.pool.standby?.info?.snapshot === 'made'", timeout=60_000)
        worker.write_text(bundle.replace(docstring, '"""A new release. Run a live cell', 1))
        page.reload()
        deck.wait_python_ready()
        assert boot_mode(page) == "cold"
        deck.set_code("await_coroutine", "import live_runtime\nprint(live_runtime.__doc__.split('.')[0])\n")
        deck.show("await_coroutine")
        deck.click("await_coroutine", "run")
        assert deck.wait_state("await_coroutine", "done", "error") == "done"
        assert deck.output("await_coroutine").strip() == "A new release"
    finally:
        context.close()
        server.shutdown()
