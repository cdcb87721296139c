"""`invoke bench`: the live deck's speed and size, as ratios to a baseline measured in the same run.

Baseline: a bare Pyodide boot in a Web Worker, same browser, same server, same files.
"""

import statistics
import tempfile
import time
from pathlib import Path

from .browser import CHROMIUM, CHROMIUM_ARGS
from .paths import DIST
from .serve import serve_in_background, url

BARE_WORKER = """
const { loadPyodide } = await import(new URL('../pyodide/pyodide.mjs', self.location.href).href)
await loadPyodide({ indexURL: new URL('../pyodide/', self.location.href).href })
postMessage('ready')
"""
# Timed from the page's open, as the deck is: performance.now() counts from navigation start.
BARE_PAGE = """<!doctype html><script type="module">
const worker = new Worker('bare-worker.js', { type: 'module' })
worker.onmessage = () => { window.bootMs = performance.now() }
</script>"""


def _bare_boot_ms(page, base) -> float:
    page.goto(f"{base}bench/bare.html")
    page.wait_for_function("window.bootMs", timeout=60_000)
    return page.evaluate("window.bootMs")


def _ready_at(page) -> float:
    """Once Python is ready: when it became so, in ms since the page opened (the deck's own stamp)."""
    page.wait_for_function("document.documentElement.dataset.pythonStatus === 'ready'", timeout=60_000)
    return float(page.evaluate("document.documentElement.dataset.pythonReadyAt"))


def _deck_ready_ms(page, base, deck) -> tuple[float, int]:
    """Deck open → Python ready; and the bytes the first open transferred beyond Pyodide's own files."""
    sizes = []
    page.context.on("response", lambda r: sizes.append((r.url, int(r.headers.get("content-length") or 0))))
    page.goto(f"{base}{deck}.html")
    ready = _ready_at(page)
    page.wait_for_timeout(300)
    extra = sum(size for u, size in sizes if "/pyodide/" not in u)
    return ready, extra


def _show(page, name) -> None:
    page.evaluate(
        "(name) => { location.hash = '#' + document.querySelector(`.live-cell[data-demo=\"${name}\"]`).closest('section').id }",
        name,
    )
    page.wait_for_timeout(300)


def _run_cell(page, name) -> float:
    _show(page, name)
    cell = page.locator(f'.live-cell[data-demo="{name}"]')
    cell.locator("[data-action=run]").click()
    page.wait_for_function(
        "(name) => ['done', 'error'].includes(document.querySelector(`.live-cell[data-demo=\"${name}\"]`).dataset.state)",
        arg=name,
        timeout=30_000,
    )
    return int(cell.locator("[data-role=elapsed]").get_attribute("data-elapsed-ms")) / 1000


def _stop_to_ready_s(page, name) -> float:
    page.wait_for_function("window.liveDeck.pool.standby?.info", timeout=60_000)
    _show(page, name)
    page.evaluate("([name]) => window.liveDeck.cell(name).setCode('while True:\\n    pass\\n')", [name])
    cell = page.locator(f'.live-cell[data-demo="{name}"]')
    cell.locator("[data-action=run]").click()
    page.wait_for_function(f"document.querySelector('.live-cell[data-demo=\"{name}\"]').dataset.state === 'running'")
    page.wait_for_timeout(300)
    started = time.monotonic()
    cell.locator("[data-action=stop]").click()
    page.wait_for_function("document.documentElement.dataset.pythonStatus === 'ready' && !window.liveDeck.pool.running")
    page.evaluate("([name]) => window.liveDeck.cell(name).setCode('pass\\n')", [name])
    cell.locator("[data-action=run]").click()
    page.wait_for_function(f"document.querySelector('.live-cell[data-demo=\"{name}\"]').dataset.state === 'done'")
    return time.monotonic() - started


def _reopened_ms(page) -> float:
    ready = _ready_at(page)
    assert page.evaluate("document.documentElement.dataset.pythonBoot") == "snapshot", "no snapshot restore"
    return ready


def _reopen_ready_ms(page):
    """Deck reopen → Python ready, once the standby has kept a snapshot: by a reload (the tab's
    renderer stays), then closing the tab and opening the deck in a new one (a fresh renderer)."""
    page.wait_for_function("window.liveDeck.pool.standby?.info?.snapshot", timeout=60_000)
    page.reload()
    reloaded = _reopened_ms(page)
    deck_url, context = page.url.split("#")[0], page.context
    page.close()
    time.sleep(1)  # the closed tab's interpreters are freed, as they would be before a real reopen
    page = context.new_page()
    page.goto(deck_url)
    return reloaded, _reopened_ms(page)


def _tracer_overhead(page, name="many_tasks") -> float:
    """Wall time of the 10,000-task demo traced (live timeline) / untraced, same worker."""
    timings = {True: [], False: []}
    for trace in (False, True, False, True):
        result = page.evaluate(
            """async ([name, trace]) => {
                 const code = window.liveDeck.cell(name).original
                 return await window.liveDeck.pool.run({ code, name: `bench-${trace}`, trace }, {})
               }""",
            [name, trace],
        )
        timings[trace].append(result["elapsedMs"])
    return statistics.median(timings[True]) / statistics.median(timings[False])


def run(deck="asyncio.ko", rounds=5) -> list[tuple[str, float, str, str]]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        for entry in DIST.iterdir():
            (site / entry.name).symlink_to(entry)
        (site / "bench").mkdir()
        (site / "bench" / "bare.html").write_text(BARE_PAGE)
        (site / "bench" / "bare-worker.js").write_text(BARE_WORKER)
        server = serve_in_background(site)
        base = url(server)
        bare, ready, extra, seq, tasks, stop, overhead, reload, new_tab = [], [], [], [], [], [], [], [], []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for _ in range(rounds):
                for measure in ("bare", "deck"):  # interleaved, so drift hits both alike
                    context = browser.new_context(viewport={"width": 1280, "height": 720})
                    page = context.new_page()
                    if measure == "bare":
                        bare.append(_bare_boot_ms(page, base))
                    else:
                        ms, size = _deck_ready_ms(page, base, deck)
                        ready.append(ms)
                        extra.append(size)
                        seq.append(_run_cell(page, "say_after_sequential"))
                        tasks.append(_run_cell(page, "say_after_tasks"))
                        stop.append(_stop_to_ready_s(page, "await_coroutine"))
                        overhead.append(_tracer_overhead(page))
                        reloaded, reopened = _reopen_ready_ms(page)
                        reload.append(reloaded)
                        new_tab.append(reopened)
                    context.close()
            browser.close()
        server.shutdown()

    med = statistics.median
    return [
        ("bare Pyodide boot in a worker (baseline)", med(bare) / 1000, "s", ""),
        ("first open → Python ready / bare boot", med(ready) / med(bare), "×", "goal ≤ 1.10 (cold)"),
        ("reload → Python ready / bare boot", med(reload) / med(bare), "×", "goal ≤ 0.25 (snapshot)"),
        ("reopen in a new tab → Python ready / bare boot", med(new_tab) / med(bare), "×", "goal ≤ 0.25 (snapshot)"),
        ("sequential cell wall / ideal 3.0 s", med(seq) / 3.0, "×", "goal ≤ 1.02"),
        ("task cell wall / ideal 2.0 s", med(tasks) / 2.0, "×", "goal ≤ 1.02"),
        ("Stop → next run done", med(stop), "s", "goal ≤ 0.5 s"),
        ("10,000 tasks traced / untraced wall", med(overhead), "×", "goal ≤ 1.10"),
        ("bytes at first open beyond Pyodide's files", med(extra) / 1024, "KiB", ""),
    ]
