"""`invoke bench` reopens a page the way it says: in a new tab of the same window, or in a new window; and
its emulated link paces the page and its workers."""

import random
from types import SimpleNamespace

import pytest

from deckkit import bench
from deckkit.link import LINKS, emulate

pytestmark = pytest.mark.browser


def window_of(context, page):
    return context.new_cdp_session(page).send("Browser.getWindowForTarget")["windowId"]


def test_a_new_tab_opens_in_the_same_window_and_a_closed_last_tab_opens_a_new_one(browser, contexts, base_url, tmp_path):
    playwright = SimpleNamespace(chromium=browser.browser_type)  # the session's Playwright, a persistent profile
    url = f"{base_url}index.html"
    context, page = bench._launch(playwright, tmp_path / "profile")
    contexts.guard(context)
    page.goto(url)
    first = window_of(context, page)
    page, opened_at = bench._reopen(context, url, lambda page: page.evaluate("location.href"), page)
    assert opened_at == url
    assert window_of(context, page) == first
    assert context.pages == [page]  # the tab that kept the window open is gone again
    page, _ = bench._reopen(context, url, lambda page: None, page, window_kept=False)
    assert window_of(context, page) != first  # the window closed with its last tab


# A worker of the page fetches a file and says how long it took, in ms.
_WORKER_FETCH = """async (path) => {
  const code = `onmessage = async ({ data }) => {
    const started = performance.now()
    const bytes = await (await fetch(data, { cache: 'no-store' })).arrayBuffer()
    postMessage([bytes.byteLength, performance.now() - started])
  }`
  const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })))
  const done = new Promise((resolve) => (worker.onmessage = ({ data }) => resolve(data)))
  worker.postMessage(new URL(path, location.href).href)
  return await done
}"""
_PAGE_FETCH = """async (path) => {
  const started = performance.now()
  const bytes = await (await fetch(path, { cache: 'no-store' })).arrayBuffer()
  return [bytes.byteLength, performance.now() - started]
}"""


@pytest.mark.parametrize("link", LINKS, ids=lambda link: link.label)
def test_the_page_and_its_workers_fetch_at_the_emulated_links_pace(contexts, base_url, built_site, link):
    """Pyodide's zipped standard library (2.5 MB, sent as it is: it has no compressed copy) takes at least its
    bytes over the bandwidth, plus a round trip — from the page and from a worker."""
    size = (built_site / "pyodide" / "python_stdlib.zip").stat().st_size
    least_ms = size * 8 / (link.mbit * 1e6) * 1000 + link.rtt_ms
    context = contexts.new_context()
    page = context.new_page()
    page.goto(f"{base_url}index.html")
    unthrottled = page.evaluate(_WORKER_FETCH, "pyodide/python_stdlib.zip")
    emulate(context, page, link)
    for fetched in (page.evaluate(_PAGE_FETCH, "pyodide/python_stdlib.zip"),
                    page.evaluate(_WORKER_FETCH, "pyodide/python_stdlib.zip")):
        assert fetched[0] == size
        assert least_ms * 0.95 <= fetched[1] <= least_ms * 3 + 2000, (fetched, least_ms)
    if link.mbit <= 20:
        assert unthrottled[1] < least_ms / 2  # what the bound above measures is the link


# Every cell:code event (an edit) and every editor mounted from now on, in order.
_WATCH_EDITS = """(names) => {
  window.benchEdits = []
  for (const name of names) {
    const root = window.liveDeck.cell(name).root
    root.addEventListener('cell:code', () => window.benchEdits.push(`edit ${name}`))
    new MutationObserver(() => {
      if (root.querySelector('.cm-editor') && !('benchMounted' in root.dataset)) {
        root.dataset.benchMounted = ''
        window.benchEdits.push(`mount ${name}`)
      }
    }).observe(root, { childList: true, subtree: true })
  }
}"""


def test_the_runs_figures_time_each_run_not_the_edit_or_editor_before_it(deck):
    """The bench's Run → first line: each cell is seen (its editor mounts) and its code typed in before any
    Run is timed, so the timed runs edit nothing and mount no editor; each run printed its line, in a
    fresh interpreter of its own, and the window holds three once they settle."""
    page = deck.page
    page.evaluate(_WATCH_EDITS, bench.RUN_CELLS)
    bench._cells_typed_in(page, bench.RUN_CELLS)
    prepared = page.evaluate("window.benchEdits.splice(0)")
    assert sorted(prepared) == sorted([f"mount {name}" for name in bench.RUN_CELLS] + [f"edit {name}" for name in bench.RUN_CELLS])
    figures = bench._run_latency(page)
    assert page.evaluate("window.benchEdits") == []
    for name in bench.RUN_CELLS:
        assert deck.code(name) == bench.PRINTS_AT_ONCE
        assert deck.output(name) == "first line\n"
    assert 0 < figures["first_line"] < 5_000 and 0 < figures["first_line_after"] < 5_000
    assert figures["held"] >= 3  # Playwright may list a worker just ended for a moment longer
    assert page.evaluate("window.liveDeck.pool.workerCount") == 3
    assert figures["restores"] == 1


def test_a_paired_ratio_is_exact_when_one_build_is_the_other_scaled_and_its_range_holds_it():
    before = [11.2, 9.8, 14.1, 12.5, 8.9, 13.3, 10.4, 12.0]
    assert bench.paired_ratio([1.5 * ms for ms in before], before) == pytest.approx((1.5, 1.5, 1.5))
    # Noise of its own on each side: the range holds the ratio, and more rounds narrow it.
    rng = random.Random(7)
    after = [ms * 1.15 * rng.uniform(0.75, 1.25) for ms in before]
    ratio, low, high = bench.paired_ratio(after, before)
    assert low < ratio < high and low < 1.15 < high
    many_before = before * 6
    many_after = [ms * 1.15 * rng.uniform(0.75, 1.25) for ms in many_before]
    _, many_low, many_high = bench.paired_ratio(many_after, many_before)
    assert many_high - many_low < (high - low) * 0.75


def test_a_paired_ratio_needs_the_same_rounds_of_both_builds():
    with pytest.raises(ValueError, match="same rounds"):
        bench.paired_ratio([1.0, 2.0], [1.0])
    with pytest.raises(ValueError, match="same rounds"):
        bench.paired_ratio([], [])
