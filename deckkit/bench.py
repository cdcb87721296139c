"""`invoke bench`: the live deck's speed and size, as ratios to a baseline measured in the same run.

Baseline: a bare Pyodide boot in a Web Worker, same browser, same server, same files — and, for a learner's
first open over a link (20 and 100 Mbit/s, 40 ms round trips: deckkit/link.py), the same link.
"""

import random
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from .browser import CHROMIUM, CHROMIUM_ARGS, VIEWPORT
from .deck_driver import DeckDriver
from .link import LINKS, emulate
from .serve import serve_in_background, site_beside_dist, url

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


def _bare_ready_ms(page) -> float:
    """The bare page opened: when its Pyodide became ready, in ms since the page opened."""
    page.wait_for_function("window.bootMs", timeout=60_000)
    return page.evaluate("window.bootMs")


def _ready_at(page) -> float:
    """Once Python is ready: when it became so, in ms since the page opened (the deck's own stamp)."""
    return DeckDriver(page).python_ready_at()


def _deck_ready_ms(page, base, deck) -> tuple[float, int, int]:
    """Deck open → Python ready; the bytes of the files the first open loaded beyond Pyodide's own, and
    Pyodide's (each file once, as sent: compressed where the server had a copy; the standby worker's
    request for the deck's snapshot is answered by the cache)."""
    sizes = {}
    page.context.on("response", lambda r: sizes.setdefault(r.url, int(r.headers.get("content-length") or 0)))
    page.goto(f"{base}{deck}.html")
    ready = _ready_at(page)
    page.wait_for_timeout(300)
    extra = sum(size for u, size in sizes.items() if "/pyodide/" not in u)
    return ready, extra, sum(sizes.values()) - extra


def _run_cell(page, name) -> float:
    deck = DeckDriver(page)
    assert deck.run(name) in ("done", "error")
    return deck.elapsed(name)


def _stop_to_ready_s(page, name) -> float:
    deck = DeckDriver(page)
    deck.wait_settled()
    deck.show(name)
    deck.set_code(name, "while True:\n    pass\n")
    deck.click(name, "run")
    deck.wait_state(name, "running")
    page.wait_for_timeout(300)
    started = time.monotonic()
    deck.click(name, "stop")
    deck.wait_idle()
    deck.set_code(name, "pass\n")
    deck.click(name, "run")
    deck.wait_state(name, "done")
    return time.monotonic() - started


# Cells' Run pressed *gapMs* apart, each cell's code printing at once: Run → its first line, in ms. A line is
# drawn at the page's next frame: each Run is pressed up to a frame later (at random), so that runs exactly
# 0.3 s apart (18 frames) do not all wait alike for the frame — their figure would be one draw of its phase.
_RUNS_BACK_TO_BACK = """
async ([names, gapMs]) => {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
  const firstLine = async (name, i) => {
    await sleep(i * gapMs + Math.random() * (1000 / 60))
    const cell = window.liveDeck.cell(name)
    const output = cell.root.querySelector('[data-role=output]')
    const started = performance.now()
    const seen = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!output.querySelector('.line.stdout')) return
        observer.disconnect()
        resolve(performance.now() - started)
      })
      observer.observe(output, { childList: true, subtree: true })
    })
    await cell.run()
    return await seen
  }
  return await Promise.all(names.map(firstLine))
}
"""
RUN_CELLS = ["await_coroutine", "coroutine_object", "await_task", "await_future", "gather"]
PRINTS_AT_ONCE = "print('first line')\n"


def _python_workers(page) -> int:
    return sum("python-worker" in worker.url for worker in page.workers)


def _cells_typed_in(page, names, code=PRINTS_AT_ONCE) -> None:
    """Each cell seen and its code typed in, as a presenter has them before pressing Run: so that Run → first
    line times the run, not the edit. A cell's editor mounts when the cell is first seen (lazy-editor.js), and
    an edit redraws the editor, keeps the code and tells the other windows: together ~0.1 s of the page's
    thread on a page's first cells, which a Run timed from the edit counted as its own."""
    deck = DeckDriver(page)
    for name in names:
        deck.show(name)
        page.wait_for_selector(f'.live-cell[data-demo="{name}"] .cm-editor', state="attached")
        deck.set_code(name, code)
    deck.goto_slide(1)


def _run_latency(page) -> dict[str, float]:
    """Run → first line of a run started with Python idle, and of runs started right after another
    (five cells 0.3 s apart: the median of the last four); the interpreters this window holds once they
    settle; and how many interpreters were started (restored or booted) per run."""
    _cells_typed_in(page, RUN_CELLS)
    DeckDriver(page).wait_settled(timeout=60_000)
    page.wait_for_timeout(1000)
    started = []
    page.on("worker", lambda worker: started.append(worker.url))
    fresh = [page.evaluate(_RUNS_BACK_TO_BACK, [[name], 0])[0] for name in RUN_CELLS[:3]]
    page.wait_for_timeout(1000)
    back_to_back = page.evaluate(_RUNS_BACK_TO_BACK, [RUN_CELLS, 300])
    DeckDriver(page).wait_settled(timeout=60_000)
    page.wait_for_timeout(500)  # a terminated worker takes a moment to leave page.workers
    runs = len(fresh) + len(back_to_back)
    return {
        "first_line": statistics.median(fresh),
        "first_line_after": statistics.median(back_to_back[1:]),
        "held": _python_workers(page),
        "restores": sum("python-worker" in u for u in started) / runs,
    }


def _reopened_ms(page) -> float:
    ready = _ready_at(page)
    assert DeckDriver(page).python_boot() == "snapshot", "no snapshot restore"
    return ready


def _reopen(context, url, ready_ms, page=None, window_kept=True):
    """Close the tab (if any) and open the url in a new one: a fresh renderer, the profile's caches.

    *window_kept*: another tab stays open, as in a presenter's browser, so the new tab opens in the same
    window. Otherwise the closed tab was the window's last: the window closes and the new tab opens a new
    window, whose toolbar Chromium builds anew (its omnibox popup is a WebUI page: a renderer of its own,
    measured at ~0.4 s of CPU, spent while the page boots)."""
    keeper = context.new_page() if window_kept and page is not None and len(context.pages) == 1 else None
    if page is not None:
        page.close()
        time.sleep(1)  # the closed tab's interpreters are freed, as they would be before a real reopen
    page = context.new_page()
    page.goto(url)
    ready = ready_ms(page)
    if keeper is not None:
        keeper.close()
    return page, ready


def _launch(playwright, profile: Path, url: str | None = None):
    """A browser with a persistent profile (HTTP cache, compiled WebAssembly, the origin's private file
    system kept on disk), as a presenter's own browser is — an incognito context keeps none of it across
    launches — and its first tab, with *url* open in it if given. Returns (context, page)."""
    context = playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, viewport=VIEWPORT
    )
    page = context.pages[0] if context.pages else context.new_page()
    if url:
        page.goto(url)
    return context, page


def _bare_round(playwright, base, profile: Path) -> dict[str, float]:
    """The bare Pyodide page: cold first open, warm reopen in a new tab, then after a browser relaunch."""
    bare = f"{base}bench/bare.html"
    context, page = _launch(playwright, profile, bare)
    figures = {"cold": _bare_ready_ms(page)}
    page, figures["warm"] = _reopen(context, bare, _bare_ready_ms, page)
    page, figures["window"] = _reopen(context, bare, _bare_ready_ms, page, window_kept=False)
    context.close()
    context, page = _launch(playwright, profile, bare)
    figures["relaunch"] = _bare_ready_ms(page)
    context.close()
    return figures


def _deck_round(playwright, base, deck, profile: Path) -> dict[str, float]:
    """The deck: first open (and the live figures), reload, new tab, browser relaunch."""
    context, page = _launch(playwright, profile)  # its first open counts the bytes it loads
    figures = {}
    figures["first"], figures["extra"], figures["pyodide_bytes"] = _deck_ready_ms(page, base, deck)
    figures["first_marks"] = _boot_marks(page)
    figures["seq"] = _run_cell(page, "say_after_sequential")
    figures["tasks"] = _run_cell(page, "say_after_tasks")
    figures.update(_run_latency(page))
    figures["stop"] = _stop_to_ready_s(page, "await_coroutine")
    figures["overhead"] = _tracer_overhead(page)
    figures["loopback"], figures["loopback_cpython"] = loopback_throughput(page)
    DeckDriver(page).wait_standby(snapshot=True)
    deck_url = page.url.split("#")[0]
    page.reload()
    figures["reload"] = _reopened_ms(page)
    page, figures["new_tab"] = _reopen(context, deck_url, _reopened_ms, page)
    page, figures["new_window"] = _reopen(context, deck_url, _reopened_ms, page, window_kept=False)
    context.close()
    context, page = _launch(playwright, profile, deck_url)
    figures["relaunch"] = _reopened_ms(page)
    figures["relaunch_marks"] = _boot_marks(page)
    context.close()
    return figures


def _cold_round(playwright, base, deck, profile: Path) -> float:
    """The deck's first open with no snapshot at all (?snapshots=off): Python booted cold, as where the
    build could make none."""
    context, page = _launch(playwright, profile, f"{base}{deck}.html?snapshots=off")
    ready = _ready_at(page)
    assert DeckDriver(page).python_boot() == "cold"
    context.close()
    return ready


def _first_open_over(playwright, link, page_url, profile: Path, ready_ms) -> float:
    """A first open over *link*, in a fresh persistent profile: when Python became ready, in ms since the page
    opened (the bare page's or the deck's own stamp)."""
    context, page = _launch(playwright, profile)
    try:
        emulate(context, page, link)
        page.goto(page_url, wait_until="commit")  # timed by the page's own stamp; "load" may wait on fonts
        return ready_ms(page)
    finally:
        context.close()


def _link_round(playwright, base, deck, tmp: Path, round_) -> dict[str, float]:
    """Over each link, the bare page's cold open and the deck's first open, one after the other."""
    figures = {}
    for link in LINKS:
        figures[f"bare {link.label}"] = _first_open_over(
            playwright, link, f"{base}bench/bare.html", tmp / f"bare-link-{link.mbit:g}-{round_}", _bare_ready_ms)
        figures[f"deck {link.label}"] = _first_open_over(
            playwright, link, f"{base}{deck}.html", tmp / f"deck-link-{link.mbit:g}-{round_}", _ready_at)
    return figures


def _reopen_round(playwright, base, deck, profile: Path) -> dict[str, float]:
    """The deck's first open (no link), then, once the standby has kept what it keeps, a reload and a new tab."""
    context, page = _launch(playwright, profile, f"{base}{deck}.html")
    figures = {"first open": _ready_at(page)}
    DeckDriver(page).wait_standby(snapshot=True)
    page.wait_for_timeout(500)
    deck_url = page.url.split("#")[0]
    page.reload()
    figures["reload"] = _reopened_ms(page)
    page, figures["new tab"] = _reopen(context, deck_url, _reopened_ms, page)
    context.close()
    return figures


def run_parts(parts=("link",), deck="asyncio.ko", rounds=5, against: Path | None = None):
    """Only some of the figures, in ms (medians of *rounds*, interleaved): "link" (the bare page's cold open and
    the deck's first open over each link), "reopen" (the deck's first open, reload and new tab) and "runs" (Run →
    first line, Stop → next run done, interpreters held and started per run: counts, not ms). With
    *against* (another build's dist/), its deck is measured too, in the same rounds, from a server of its own:
    a change's before and after under the same load. Returns (label, value, unit) rows."""
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        site = site_beside_dist(tmp)
        (site / "bench").mkdir()
        (site / "bench" / "bare.html").write_text(BARE_PAGE)
        (site / "bench" / "bare-worker.js").write_text(BARE_WORKER)
        servers = {"deck": serve_in_background(site)}
        if against is not None:
            servers["before"] = serve_in_background(site_beside_dist(tmp, against, "against"))
        bases = {label: url(server) for label, server in servers.items()}
        with sync_playwright() as p:
            for round_ in range(rounds):
                figures = {}
                if "link" in parts:
                    for link in LINKS:
                        figures[f"bare over {link.label}"] = _first_open_over(
                            p, link, f"{bases['deck']}bench/bare.html", tmp / f"bare-{link.mbit:g}-{round_}",
                            _bare_ready_ms)
                        for label, base in bases.items():
                            figures[f"{label} over {link.label}"] = _first_open_over(
                                p, link, f"{base}{deck}.html", tmp / f"{label}-{link.mbit:g}-{round_}", _ready_at)
                if "reopen" in parts:
                    for label, base in bases.items():
                        for name, ms in _reopen_round(p, base, deck, tmp / f"{label}-reopen-{round_}").items():
                            figures[f"{label}: {name}"] = ms
                if "runs" in parts:
                    for label, base in bases.items():
                        for name, value in _runs_round(p, base, deck, tmp / f"{label}-runs-{round_}").items():
                            figures[f"{label}: {name}"] = value
                print(f"  round {round_ + 1}: " + ", ".join(f"{k} {v:.0f}" for k, v in figures.items()), flush=True)
                rows.append(figures)
        for server in servers.values():
            server.shutdown()
    med = {key: statistics.median(r[key] for r in rows) for key in rows[0]}
    out = [(key, value, "ms" if _in_ms(key) else "") for key, value in med.items()]
    for key in med:
        name = key.removeprefix("deck: ")
        if against is not None and key != name and f"before: {name}" in med and _in_ms(name):
            ratio, low, high = paired_ratio([r[key] for r in rows], [r[f"before: {name}"] for r in rows])
            out.append((f"{name}: deck / before", ratio, f"× (95 % of resamples {low:.2f}–{high:.2f})"))
    if "link" in parts:
        for link in LINKS:
            out += [(f"{label} over {link.label} / bare", med[f"{label} over {link.label}"] / med[f"bare over {link.label}"],
                     "×") for label in bases]
    return out


def _in_ms(name: str) -> bool:
    """A figure in ms, not a count (interpreters held, started per run)."""
    return not name.endswith(("held", "restores"))


def paired_ratio(after, before, resamples=2000, seed=0) -> tuple[float, float, float]:
    """The ratio of two builds' medians over rounds measured side by side (*after*[i] and *before*[i] in round i),
    and the range that holds 95 % of it when the rounds are resampled (a bootstrap that keeps each round's pair
    together: a round's load weighs on both). Five cells' Run → first line varies by ~20 % from page to page on the
    two-core machine (standard deviation over the mean, 30 pages a build): thirty rounds gave 1.16 × (resamples
    1.05–1.30), their three blocks of eight 1.07, 1.17 and 1.13 ×. A goal like ≤ 1.1 × is read off the range."""
    if len(after) != len(before) or not after:
        raise ValueError("paired_ratio needs the same rounds, at least one, of both builds")
    rng = random.Random(seed)
    ratio = statistics.median(after) / statistics.median(before)
    drawn = []
    for _ in range(resamples):
        rounds = [rng.randrange(len(after)) for _ in after]
        drawn.append(statistics.median(after[i] for i in rounds) / statistics.median(before[i] for i in rounds))
    drawn.sort()
    return ratio, drawn[int(0.025 * resamples)], drawn[int(0.975 * resamples) - 1]


def _runs_round(playwright, base, deck, profile: Path) -> dict[str, float]:
    """The deck's runs on a first open, once its start-up work is done: _run_latency's figures, and Stop → next
    run done in ms."""
    context, page = _launch(playwright, profile)
    _deck_ready_ms(page, base, deck)
    figures = _run_latency(page)
    figures["stop"] = _stop_to_ready_s(page, "await_coroutine") * 1000
    context.close()
    return figures


def _boot_marks(page) -> dict[str, float]:
    """Where a boot's time goes, in ms since the page opened: the worker asked for (early-boot.js),
    its scope started, then the worker's own marks (python-worker.js), then the page told."""
    active = [worker for worker in page.workers if "role=active" in worker.url]
    page_origin = page.evaluate("performance.timeOrigin")
    started = active[0].evaluate("performance.timeOrigin") - page_origin if active else 0.0
    marks = page.evaluate("window.liveDeck.pool.active?.info?.marks ?? {}")
    return {
        "worker asked for": page.evaluate("window.liveDeck.pool.active?.createdAt ?? 0"),
        "worker started": started,
        **{f"worker: {name}": started + ms for name, ms in marks.items()},
        "page told Python is ready": float(page.evaluate("document.documentElement.dataset.pythonReadyAt")),
    }


def _tracer_overhead(page, name="many_tasks") -> float:
    """Wall time of the 10,000-task demo traced (live timeline) / untraced, each run in a fresh interpreter on a
    settled page (a run's replacement restores after it: a run right after would share the CPU with it)."""
    timings = {True: [], False: []}
    for trace in (False, True, False, True):
        DeckDriver(page).wait_settled()
        result = page.evaluate(
            """async ([name, trace]) => {
                 const code = window.liveDeck.cell(name).original
                 return await window.liveDeck.pool.run({ code, name: `bench-${trace}`, trace }, {})
               }""",
            [name, trace],
        )
        timings[trace].append(result["elapsedMs"])
    return statistics.median(timings[True]) / statistics.median(timings[False])


# 1,000 request/response round trips over loopback streams (an echo server and its client in one program);
# it prints the round trips' own time, in seconds.
LOOPBACK_ROUND_TRIPS = """\
import asyncio, time

async def echo(reader, writer):
    while line := await reader.readline():
        writer.write(line)
        await writer.drain()
    writer.close()

async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    reader, writer = await asyncio.open_connection(*server.sockets[0].getsockname())
    started = time.perf_counter()
    for _ in range(1000):
        writer.write(b"ping\\n")
        await writer.drain()
        await reader.readline()
    print(time.perf_counter() - started)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

asyncio.run(main())
"""


def _loopback_round_trips_deck(page, trace=False) -> float:
    """Seconds the deck takes for the 1,000 round trips, in a fresh interpreter (*trace*: drawing the timeline,
    as a cell does; the timeline's own cost is the figure above)."""
    printed = page.evaluate(
        """async ([code, trace]) => {
             const lines = []
             await window.liveDeck.pool.run({ code, name: 'bench-loopback', trace },
                                            { onOutput: (line) => lines.push(line) })
             return lines.filter((line) => line.stream === 'stdout').map((line) => line.text)
           }""",
        [LOOPBACK_ROUND_TRIPS, trace],
    )
    return float("".join(printed).split()[-1])


def _loopback_round_trips_cpython() -> float:
    """Seconds CPython takes for them: the newest CPython on this machine (the conformance corpus's)."""
    from .conformance import cpythons

    python = list(cpythons().values())[-1]
    result = subprocess.run([python, "-c", LOOPBACK_ROUND_TRIPS], capture_output=True, text=True, check=True, timeout=60)
    return float(result.stdout.split()[-1])


def loopback_throughput(page, rounds=3) -> tuple[float, float]:
    """(deck, CPython): the median seconds of *rounds* runs of the 1,000 round trips on each, interleaved (a
    loaded machine slows both alike)."""
    deck, cpython = [], []
    for _ in range(rounds):
        deck.append(_loopback_round_trips_deck(page))
        cpython.append(_loopback_round_trips_cpython())
    return statistics.median(deck), statistics.median(cpython)


def run(deck="asyncio.ko", rounds=5) -> list[tuple[str, float, str, str]]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = site_beside_dist(Path(tmp))
        (site / "bench").mkdir()
        (site / "bench" / "bare.html").write_text(BARE_PAGE)
        (site / "bench" / "bare-worker.js").write_text(BARE_WORKER)
        server = serve_in_background(site)
        base = url(server)
        bare, decks, colds, links = [], [], [], []
        with sync_playwright() as p:
            for round_ in range(rounds):
                # Interleaved, so drift hits both alike; each in a fresh profile of its own.
                bare.append(_bare_round(p, base, Path(tmp) / f"bare-{round_}"))
                decks.append(_deck_round(p, base, deck, Path(tmp) / f"deck-{round_}"))
                colds.append(_cold_round(p, base, deck, Path(tmp) / f"cold-{round_}"))
                links.append(_link_round(p, base, deck, Path(tmp), round_))
        server.shutdown()

    med = statistics.median
    b = {key: med(r[key] for r in bare) for key in bare[0]}
    d = {key: med(r[key] for r in decks) for key in decks[0] if not key.endswith("_marks")}

    def marks(kind):
        return {key: med(r[kind].get(key, 0) for r in decks) for key in decks[-1][kind]}

    figures = [
        ("bare Pyodide: cold first open (baseline)", b["cold"] / 1000, "s", ""),
        ("bare Pyodide: warm reopen in a new tab", b["warm"] / 1000, "s", ""),
        ("bare Pyodide: warm reopen in a new window", b["window"] / 1000, "s", ""),
        ("bare Pyodide: after a browser relaunch", b["relaunch"] / 1000, "s", ""),
        ("first open → Python ready / bare cold", d["first"] / b["cold"], "×", "goal ≤ 1.05 (the deck's snapshot)"),
        ("first open, no snapshot → ready / bare cold", med(colds) / b["cold"], "×", "(cold boot)"),
        ("reload → ready / bare warm reopen", d["reload"] / b["warm"], "×", "goal ≤ 0.25 (snapshot)"),
        ("new tab → ready / bare warm reopen", d["new_tab"] / b["warm"], "×", "goal ≤ 0.25 (snapshot)"),
        ("new window → ready / bare in a new window", d["new_window"] / b["window"], "×", "(snapshot)"),
        ("browser relaunch → ready / bare relaunch", d["relaunch"] / b["relaunch"], "×", "goal ≤ 0.35 (snapshot)"),
        ("sequential cell wall / ideal 3.0 s", d["seq"] / 3.0, "×", "goal ≤ 1.02"),
        ("task cell wall / ideal 2.0 s", d["tasks"] / 2.0, "×", "goal ≤ 1.02"),
        ("Run → first line, Python idle", d["first_line"], "ms", ""),
        ("Run → first line, five cells 0.3 s apart", d["first_line_after"], "ms", "(median of the last four)"),
        ("Stop → next run done", d["stop"], "s", "goal ≤ 0.5 s"),
        ("interpreters held (one window)", d["held"], "", ""),
        ("interpreters started per run", d["restores"], "", "(Stop aside)"),
        ("10,000 tasks traced / untraced wall", d["overhead"], "×", "goal ≤ 1.10"),
        ("1,000 round trips over loopback streams", d["loopback"], "s", ""),
        ("  … / CPython's (this machine's newest)", d["loopback"] / d["loopback_cpython"], "×", "goal ≤ 3"),
        ("bytes at first open beyond Pyodide's files", d["extra"] / 1024, "KiB", ""),
        ("Pyodide's bytes at first open", d["pyodide_bytes"] / 1024, "KiB", ""),
    ]
    over = {key: med(r[key] for r in links) for key in links[0]}
    for link in LINKS:
        bare_s, deck_s = over[f"bare {link.label}"] / 1000, over[f"deck {link.label}"] / 1000
        figures += [
            (f"bare Pyodide: cold open over {link.label}", bare_s, "s", ""),
            (f"first open over {link.label} → ready", deck_s, "s", ""),
            (f"  … / bare cold open over the same link", deck_s / bare_s, "×", "goal ≤ 0.9"),
        ]
    for kind in ("first", "relaunch"):
        figures += [(f"  {kind}: {name}", ms, "ms", "since the page opened") for name, ms in marks(f"{kind}_marks").items()]
    return figures
