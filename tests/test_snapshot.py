"""Instant Python: the deck keeps a memory snapshot of a booted interpreter and restores it on
reopen and after Stop; anything wrong with the snapshot falls back to a cold boot."""

import pytest

from tests.deck_page import DeckPage

pytestmark = pytest.mark.browser

SNAPSHOTS = "caches.open('asyncio-live-deck-python').then((cache) => cache.keys()).then((keys) => keys.map((k) => k.url))"


@pytest.fixture
def deck_with_snapshot(page, base_url):
    """A first visit: cold boot, and the standby worker stores a snapshot."""
    deck = DeckPage(page, base_url, "asyncio.en").wait_python_ready()
    assert page.evaluate("document.documentElement.dataset.pythonBoot") == "cold"
    page.wait_for_function("window.liveDeck.pool.standby?.info", timeout=60_000)
    assert page.evaluate("window.liveDeck.pool.standby.info.snapshot") == "made"
    assert len(page.evaluate(SNAPSHOTS)) == 1
    return deck


def boot_mode(page):
    return page.evaluate("document.documentElement.dataset.pythonBoot")


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
    if damage == "corrupt":  # the stored bytes are garbage
        page.evaluate(
            f"""{SNAPSHOTS}.then(async ([key]) => {{
                 const cache = await caches.open('asyncio-live-deck-python')
                 await cache.put(key, new Response(new Uint8Array(4096).fill(7)))
               }})"""
        )
    else:  # a snapshot of another runtime build lies there, and the current one is gone
        page.evaluate(
            f"""{SNAPSHOTS}.then(async ([key]) => {{
                 const cache = await caches.open('asyncio-live-deck-python')
                 const bytes = await (await cache.match(key)).arrayBuffer()
                 await cache.delete(key)
                 await cache.put(key.replace(/[^/]+$/, '0.0.0-old.bin'), new Response(bytes))
               }})"""
        )
    page.reload()
    deck = deck_with_snapshot.wait_python_ready()
    assert boot_mode(page) == "cold"
    assert deck.run("say_after_tasks") == "done"
    assert deck.output("say_after_tasks").splitlines()[1:3] == ["hello", "world"]


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
    module = tmp_path / "runtime" / "live_runtime.py"
    source = module.read_text()
    server = serve_in_background(tmp_path)
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        page = context.new_page()
        deck = DeckPage(page, url(server), "asyncio.en").wait_python_ready()
        page.wait_for_function("window.liveDeck.pool.standby?.info?.snapshot === 'made'", timeout=60_000)
        module.unlink()
        module.write_text(source.replace('"""Run a live cell', '"""A new release. Run a live cell', 1))
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
