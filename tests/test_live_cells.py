"""End to end: the built deck in Debian's Chromium, Python in a Pyodide worker, driven by clicks.

Timings are wall-clock here (a real browser, a real event loop), so their bounds are loose;
exact timings are asserted in loop time by test_demos.py.
"""

import re
import time

import pytest

from deckkit.deck_driver import DeckDriver

pytestmark = pytest.mark.browser

SEQUENTIAL = "say_after_sequential"
TASKS = "say_after_tasks"
SCRATCH = "await_coroutine"  # a cell whose code the bad-input tests replace


def texts(lines, stream=None):
    return [line.text for line in lines if stream is None or line.stream == stream]


def test_sequential_cell_streams_hello_at_1s_and_world_at_3s(deck):
    assert deck.run(SEQUENTIAL) == "done"
    lines = deck.lines(SEQUENTIAL)
    assert [t.split(" at ")[0] for t in texts(lines)] == ["started", "hello", "world", "finished"]
    started, hello, world, finished = lines
    # Streamed as printed, not at the end: hello ≈1 s after start, world ≈3 s.
    assert 0.8 <= hello.at - started.at <= 1.6
    assert 2.8 <= world.at - started.at <= 3.6
    assert 2.9 <= deck.elapsed(SEQUENTIAL) <= 3.8
    assert deck.cell(SEQUENTIAL).get_attribute("data-mode") == "jspi"


def test_task_cell_finishes_in_2s(deck):
    assert deck.run(TASKS) == "done"
    lines = deck.lines(TASKS)
    assert [t.split(" at ")[0] for t in texts(lines)] == ["started", "hello", "world", "finished"]
    started, hello, world, _ = lines
    assert 0.8 <= hello.at - started.at <= 1.6
    assert 1.8 <= world.at - started.at <= 2.6
    assert 1.9 <= deck.elapsed(TASKS) <= 2.8


def test_why_asyncio_cell_answers_four_clients_together_in_half_a_second(deck):
    """The server of "why asyncio" over the cell's loopback network: its 0.5 s per client overlaps, so four
    replies come together after 0.5 s and the program says so — not 2 s. On the timeline, main, the four
    clients and the server's handlers (one lane: handle() ×4), each waiting its 0.5 s at once."""
    name = "why_asyncio"
    assert deck.run(name) == "done"
    lines = deck.lines(name)
    assert texts(lines, "stderr") == []
    assert texts(lines)[:4] == ["b'hello\\n'"] * 4
    total = re.fullmatch(r"4 replies in (\d+\.\d) s", texts(lines)[4])
    assert total and 0.5 <= float(total.group(1)) <= 1.2, texts(lines)  # one client after another: 2.0
    replies = lines[:4]
    assert 0.45 <= replies[0].at and max(l.at for l in replies) - min(l.at for l in replies) < 0.3, replies
    assert deck.elapsed(name) < 1.5
    lanes = deck.cell(name).locator("[data-role=timeline] g.lane").all()
    assert [lane.get_attribute("data-label") for lane in lanes] == ["main()"] + ["visit(addr)"] * 4 + ["handle() ×4"]
    assert all(0.45 <= float(lane.get_attribute("data-end")) <= 1.2 for lane in lanes)
    assert all("StreamReader.readline" in lane.locator("text").all_text_contents() for lane in lanes[1:5])


def test_keys_typed_in_a_cell_edit_code_and_never_move_the_slides(deck, page):
    deck.show(SCRATCH)
    slide = page.evaluate("location.hash")
    editor = deck.cell(SCRATCH).locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.type("print('typed' + ' on the slide')")
    for key in ("ArrowLeft", "ArrowRight", "PageDown", "Space", "Home", "End"):
        page.keyboard.press(key)
    assert page.evaluate("location.hash") == slide
    page.keyboard.press("Control+Enter")
    assert deck.wait_state(SCRATCH, "done", "error") == "done"
    assert deck.output(SCRATCH).strip() == "typed on the slide"
    # Reset restores the demo file's code.
    deck.click(SCRATCH, "reset")
    original = deck.original_code(SCRATCH)
    assert deck.code(SCRATCH) == original
    assert "nested()" in original


def test_a_long_pasted_line_wraps_inside_the_panel_and_long_code_scrolls(deck, page):
    """Code pasted from the docs: no character runs past the code panel's edge, where the room would not
    see it; a wrapped line's rest hangs deeper than the line starts. Code taller than the panel scrolls
    with the wheel, and the wheel there does not turn the slide."""
    cell = deck.show(SCRATCH)
    slide = page.evaluate("location.hash")
    long_line = "    print('" + "a long line of words " * 6 + "')"
    deck.set_code(SCRATCH, "def main():\n" + long_line + "\n" + "".join(f"x{i} = {i}\n" for i in range(40)))
    panel = cell.locator(".cm-scroller").bounding_box()
    rows = page.evaluate(
        """(name) => {
             const line = document.querySelectorAll(`.live-cell[data-demo="${name}"] .cm-line`)[1]
             const range = document.createRange()
             range.selectNodeContents(line)
             const rows = new Map()  // top → [left, right] of the text on that row
             for (const r of range.getClientRects()) {
               if (!r.width) continue
               const [left, right] = rows.get(Math.round(r.top)) ?? [Infinity, -Infinity]
               rows.set(Math.round(r.top), [Math.min(left, r.left), Math.max(right, r.right)])
             }
             return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, edges]) => edges)
           }""",
        SCRATCH,
    )
    assert len(rows) >= 2, rows  # it wrapped
    assert max(right for _, right in rows) <= panel["x"] + panel["width"] + 0.5, (rows, panel)
    first_left = rows[0][0]
    assert all(left > first_left + 20 for left, _ in rows[1:]), rows  # the rest hangs deeper
    scroller = cell.locator(".cm-scroller")
    assert scroller.evaluate("(el) => el.scrollHeight > el.clientHeight + 100")
    scroller.hover()
    page.mouse.wheel(0, 300)
    page.wait_for_function(
        "(name) => document.querySelector(`.live-cell[data-demo=\"${name}\"] .cm-scroller`).scrollTop > 100", arg=SCRATCH
    )
    assert page.evaluate("location.hash") == slide
    assert deck.run(SCRATCH) == "done"  # the wrapped line is still one line of Python


def test_stop_ends_an_endless_loop_and_python_is_ready_within_a_second(deck, page):
    deck.show(SCRATCH)
    deck.set_code(SCRATCH, "while True:\n    pass\n")
    deck.wait_standby(timeout=30_000)
    deck.click(SCRATCH, "run")
    deck.wait_state(SCRATCH, "running")
    page.wait_for_timeout(500)
    assert deck.state(SCRATCH) == "running"
    clicked = time.monotonic()
    deck.click(SCRATCH, "stop")
    deck.wait_state(SCRATCH, "stopped", timeout=1_000)
    page.wait_for_function("document.documentElement.dataset.pythonStatus === 'ready'", timeout=1_000)
    assert time.monotonic() - clicked < 1.0
    # The deck keeps working: the next cell runs on the standby interpreter.
    deck.set_code(SCRATCH, "print('alive')\n")
    deck.click(SCRATCH, "run")
    assert deck.wait_state(SCRATCH, "done", "error", timeout=5_000) == "done"
    assert deck.output(SCRATCH).strip() == "alive"


def test_syntax_error_shows_the_traceback(deck):
    deck.show(SCRATCH)
    deck.set_code(SCRATCH, "print('never'\n")
    deck.click(SCRATCH, "run")
    assert deck.wait_state(SCRATCH, "done", "error") == "error"
    stderr = "\n".join(texts(deck.lines(SCRATCH), "stderr"))
    assert "SyntaxError" in stderr
    assert f'File "{SCRATCH}.py", line 1' in stderr
    assert "never" not in "\n".join(texts(deck.lines(SCRATCH), "stdout"))


def test_exception_traceback_names_the_line_and_leaves_other_cells_working(deck):
    deck.show(SCRATCH)
    deck.set_code(SCRATCH, "def f():\n    return 1 / 0\n\nprint('before')\nf()\n")
    deck.click(SCRATCH, "run")
    assert deck.wait_state(SCRATCH, "done", "error") == "error"
    lines = deck.lines(SCRATCH)
    assert texts(lines, "stdout") == ["before"]
    stderr = "\n".join(texts(lines, "stderr"))
    assert "Traceback (most recent call last):" in stderr
    assert f'File "{SCRATCH}.py", line 2, in f' in stderr
    assert "ZeroDivisionError: division by zero" in stderr
    assert "live_runtime" not in stderr  # the learner's traceback only
    assert deck.run(TASKS) == "done"


def test_output_flood_is_capped_and_the_page_stays_responsive(deck, page):
    deck.show(SCRATCH)
    deck.set_code(SCRATCH, "for i in range(200_000):\n    print(i)\nprint('end')\n")
    deck.click(SCRATCH, "run")
    deck.wait_state(SCRATCH, "running", "done")
    # The main thread answers while Python floods the worker with prints.
    started = time.monotonic()
    page.evaluate("1 + 1")
    assert time.monotonic() - started < 0.5
    assert deck.wait_state(SCRATCH, "done", "error", timeout=120_000) == "done"
    count = page.evaluate(
        f"document.querySelectorAll('.live-cell[data-demo=\"{SCRATCH}\"] [data-role=output] .line').length"
    )
    assert count <= 2_100
    capped = page.evaluate("window.liveDeck.labels.notes.outputCapped(2000)")
    assert "2000줄" in capped  # the Korean deck says it in Korean
    assert capped in deck.output(SCRATCH)


def test_a_last_line_without_newline_stays_in_its_run(deck):
    deck.show(SCRATCH)
    deck.set_code(SCRATCH, "import sys\nprint('whole')\nprint('no newline', end='')\nsys.stdout.write(' partial')\n")
    deck.click(SCRATCH, "run")
    assert deck.wait_state(SCRATCH, "done", "error") == "done"
    assert texts(deck.lines(SCRATCH), "stdout") == ["whole", "no newline partial"]
    deck.set_code(SCRATCH, "print('next run')\n")
    deck.click(SCRATCH, "run")
    assert deck.wait_state(SCRATCH, "done", "error") == "done"
    assert texts(deck.lines(SCRATCH)) == ["next run"]  # nothing carried over


def test_os_exit_ends_the_run_with_its_status_and_the_next_run_works(deck, page):
    deck.show(SCRATCH)
    deck.wait_standby(timeout=30_000)
    deck.set_code(SCRATCH, "import os\ntry:\n    print('bye', end='')\n    os._exit(3)\nfinally:\n    print('never')\n")
    started = time.monotonic()
    deck.click(SCRATCH, "run")
    assert deck.wait_state(SCRATCH, "done", "error", timeout=5_000) == "error"
    assert time.monotonic() - started < 3
    assert deck.cell(SCRATCH).get_attribute("data-exit-status") == "3"
    lines = deck.lines(SCRATCH)
    assert texts(lines, "stdout") == ["bye"]
    assert "3" in texts(lines, "note")[-1]
    deck.set_code(SCRATCH, "print('still here')\n")
    deck.click(SCRATCH, "run")
    assert deck.wait_state(SCRATCH, "done", "error", timeout=5_000) == "done"
    assert deck.output(SCRATCH).strip() == "still here"


def test_sys_exit_is_reported_and_python_stays_usable(deck):
    deck.show(SCRATCH)
    deck.set_code(SCRATCH, "import sys\nprint('bye')\nsys.exit(3)\n")
    deck.click(SCRATCH, "run")
    assert deck.wait_state(SCRATCH, "done", "error") == "error"
    assert "3" in deck.output(SCRATCH).splitlines()[-1]
    deck.set_code(SCRATCH, "print('still here')\n")
    deck.click(SCRATCH, "run")
    assert deck.wait_state(SCRATCH, "done", "error") == "done"
    assert deck.output(SCRATCH).strip() == "still here"


def test_two_cells_started_at_once_run_one_after_the_other(deck, page):
    deck.show(TASKS)
    deck.click(TASKS, "run")
    deck.wait_state(TASKS, "running")
    deck.show(SEQUENTIAL)
    deck.click(SEQUENTIAL, "run")
    assert deck.state(SEQUENTIAL) == "queued"
    page.wait_for_function(  # says whom it waits for
        f"document.querySelector('.live-cell[data-demo=\"{SEQUENTIAL}\"] [data-role=output]').textContent.includes('{TASKS}')",
        timeout=2_000,
    )
    assert deck.wait_state(TASKS, "done", "error") == "done"
    assert deck.wait_state(SEQUENTIAL, "done", "error") == "done"
    for name in (TASKS, SEQUENTIAL):  # each cell got its own output, whole and in order
        lines = deck.output(name).splitlines()
        assert [line.split(" at ")[0] for line in lines] == ["started", "hello", "world", "finished"]


def test_compat_mode_without_jspi_still_runs_the_seed_code(page, base_url):
    deck = DeckDriver.open(page, base_url, "asyncio.en", query="?jspi=off").wait_python_ready()
    assert deck.run(SEQUENTIAL) == "done"
    assert deck.cell(SEQUENTIAL).get_attribute("data-mode") == "compat"
    assert [t.split(" at ")[0] for t in texts(deck.lines(SEQUENTIAL))] == ["started", "hello", "world", "finished"]
    assert 2.9 <= deck.elapsed(SEQUENTIAL) <= 3.8


def test_the_deck_makes_no_request_off_its_origin(deck, audit):
    assert deck.run(TASKS) == "done"
    assert any(url.endswith("pyodide.asm.wasm") for url in audit.urls), "the audit saw the worker's requests"
    assert any("/fonts/" in url for url in audit.urls)
    assert audit.off_origin() == []


def test_dist_works_under_a_sub_path(contexts, built_site):
    from deckkit.serve import serve_in_background, url

    server = serve_in_background(built_site.parent)  # dist/ is now at /dist/
    try:
        deck = contexts.open_deck("asyncio.en", site=url(server, "dist/"))
        assert deck.run(TASKS) == "done"
    finally:
        server.shutdown()


IMPORTS_DOCTEST = ("import sys\nfrom _livedeck import shared_bytecode as shared\n"
                   "print('doctest' in sys.modules)\nimport doctest\nprint(len(shared._fresh))\n")


def _compiled_per_run(deck, runs):
    """Run IMPORTS_DOCTEST *runs* times: how many modules each run's interpreter compiled."""
    deck.show(SCRATCH)
    deck.set_code(SCRATCH, IMPORTS_DOCTEST)
    compiled = []
    for _ in range(runs):
        deck.wait_standby(timeout=30_000)
        assert deck.run(SCRATCH) == "done"
        imported_before, count = deck.output(SCRATCH).split()
        assert imported_before == "False"  # a new interpreter: nothing of the last run's imports
        compiled.append(int(count))
    return compiled


def test_no_run_compiles_the_standard_library_the_build_compiled_it(deck, page):
    """Every run gets an interpreter of its own; none compiles a module of the standard library, whose
    bytecode the build made (deckkit/stdlib_bytecode.py) and the page gives every interpreter once
    Python is ready (shared_bytecode.py), as CPython reads __pycache__."""
    deck.wait_bytecode(timeout=30_000)
    assert _compiled_per_run(deck, 2) == [0, 0]


def _damaged(route):
    """The build's file with its index whole and every module's code zeroed (bytes lost on the way)."""
    body = route.fetch().body()
    start = 4 + int.from_bytes(body[:4], "little")
    route.fulfill(body=body[:start] + bytes(len(body) - start))


# The build's bytecode file: not served (an older deck, a failed fetch), in an older build's layout (a copy
# the browser kept: marshal data of the whole {path: (hash, code)} dict, here its first bytes), or damaged.
_NO_BYTECODE = {"missing": lambda route: route.abort(),
                "another layout": lambda route: route.fulfill(body=b"\xfb\xda\x1d/lib/python314.zip/abc.py)\x02"),
                "damaged": _damaged}


@pytest.mark.parametrize("served", list(_NO_BYTECODE))
def test_without_the_builds_bytecode_a_module_a_run_compiled_is_not_compiled_again(contexts, base_url, served):
    """Without the build's bytecode, runs run: what one run's interpreter compiled is handed to the page, which
    gives it to every later interpreter."""
    page = contexts.new_page()
    page.route("**/python_stdlib.bytecode.marshal", _NO_BYTECODE[served])
    deck = DeckDriver.open(page, base_url, "asyncio.ko").wait_python_ready()
    first, second = _compiled_per_run(deck, 2)
    assert first > 5, first  # doctest and the modules it imports
    assert second == 0


def test_later_interpreters_instantiate_the_first_ones_compiled_pyodide(deck, page):
    """Pyodide's wasm is compiled once per page: the first worker hands its module to the page, every later
    one instantiates it (wasm-module.js) — and shares its code, which the first run of each used to
    compile again, and each restore too. Two runs in a row: the second runs in such a worker."""
    deck.wait_standby(timeout=30_000)
    assert page.evaluate("(window.liveDeck.pool.pool ?? window.liveDeck.pool).compiledPyodide instanceof WebAssembly.Module")
    shared = [worker.url for worker in page.workers if "python-worker" in worker.url and "wasm=shared" in worker.url]
    assert shared, [worker.url for worker in page.workers]
    for text in ("first", "second"):
        deck.set_code(SCRATCH, f"import sys\nprint({text!r}, sys.version_info[:2])\n")
        deck.run(SCRATCH)
        assert deck.output(SCRATCH).strip() == f"{text} (3, 14)"


def test_a_full_collection_walks_what_the_script_made_not_the_interpreters_start(deck):
    """A fresh interpreter's ~24,000 objects are frozen once it is warm (worker_api.warm_up): a full collection,
    two of them at a run's exit, walked them all — ~25 ms in a new worker, where CPython natively takes 0.4–2.6 ms.
    Frozen, none of them is garbage the runtime left alive: given back (gc.unfreeze), no finished future is."""
    deck.set_code(SCRATCH, (
        "import asyncio, gc, time\n"
        "started = time.perf_counter()\n"
        "found = gc.collect()\n"
        "print(found, round((time.perf_counter() - started) * 1000, 1))\n"
        "gc.unfreeze()\n"
        "print([o for o in gc.get_objects() if isinstance(o, asyncio.Future) and o.done()])\n"
    ))
    deck.run(SCRATCH)
    collected, alive = deck.output(SCRATCH).splitlines()
    found, ms = collected.split()
    assert found == "0" and float(ms) < 10, collected
    assert alive == "[]"


# When the page starts each new Python worker; when it posts the run to the worker that runs next, and when
# that one's messages were sent its way (their events' time stamps: before the pool's handler runs).
_LOG_WORKERS = """
() => {
  const log = (window.__workerLog = [])
  const pool = window.liveDeck.pool.pool ?? window.liveDeck.pool
  const next = pool.active.worker
  next.addEventListener('message', (event) => log.push([event.data.type, event.timeStamp]))
  const post = next.postMessage.bind(next)
  next.postMessage = (message) => {
    log.push(['posted ' + message.type, performance.now()])
    post(message)
  }
  const terminate = next.terminate.bind(next)
  next.terminate = () => {
    log.push(['terminate', performance.now()])
    terminate()
  }
  window.Worker = class extends window.Worker {
    constructor(...args) {
      super(...args)
      log.push(['spawn', performance.now()])
    }
  }
}
"""


@pytest.mark.parametrize("program", ["print('first line')\n", "import time\ntime.sleep(0.4)\nprint('late line')\n"])
def test_a_runs_replacement_restores_as_the_run_ends_not_while_it_runs(deck, page, program):
    """The pool holds three interpreters at most, a run's own included: the one a run takes is replaced
    once the run has ended, so no restore shares the two cores with a run started on a settled page. Nor
    does the ended one's teardown: it is terminated as its replacement starts — in the run's wake, its line
    drawn, or RESTORE_AFTER_RUN_MS after it ended (python-pool.js)."""
    deck.wait_settled(timeout=30_000)
    page.evaluate(_LOG_WORKERS)
    deck.set_code(SCRATCH, program)
    deck.run(SCRATCH)
    page.wait_for_function("window.__workerLog.some(([kind]) => kind === 'spawn')", timeout=5_000)
    log = sorted(page.evaluate("window.__workerLog"), key=lambda entry: entry[1])  # a message is logged after
    kinds = [kind for kind, _ in log]  # the pool's handler ran (and spawned): its time stamp says when it came
    assert kinds.index("posted run") < kinds.index("output") < kinds.index("done") < kinds.index("terminate") \
        < kinds.index("spawn"), log
    at = dict(log)
    assert at["spawn"] - at["terminate"] < 20, log  # as its replacement starts


# Three runs, each started as the one before ends: which of the fresh interpreters the settled pool held
# before the first Run each ran in (-1: one restored meanwhile), the most interpreters held at a time, and
# how many interpreters were started in a run's first moments, while it ran: before its first line was in the
# page, within its first 45 ms (RESTORE_DURING_RUN_MS: 50).
_THREE_IN_A_ROW = """
async (names) => {
  const pool = window.liveDeck.pool.pool ?? window.liveDeck.pool
  const fresh = [pool.active, ...pool.spares]
  const ran = []
  const runs = [] // [started, ended] of each run
  const started = [] // when each new interpreter was asked for
  let held = pool.held
  for (const worker of new Set([...fresh, ...pool.workers])) {
    const run = worker.run.bind(worker)
    worker.run = (...args) => {
      ran.push(fresh.indexOf(worker))
      held = Math.max(held, pool.held)
      const span = [performance.now(), Infinity]
      runs.push(span)
      const outcome = run(...args)
      outcome.then(() => (span[1] = performance.now())) // before the pool's own continuation
      return outcome
    }
  }
  const Worker = window.Worker
  window.Worker = class extends Worker {
    constructor(...args) {
      super(...args)
      held = Math.max(held, pool.held + 1)
      started.push(performance.now())
    }
  }
  const lines = [] // when each run's first line was in the page
  for (const name of names) {
    const cell = window.liveDeck.cell(name)
    cell.setCode("print('first line')\\n")
    const output = cell.root.querySelector('[data-role=output]')
    const observer = new MutationObserver(() => {
      if (!output.querySelector('.line.stdout')) return
      observer.disconnect()
      lines.push(performance.now())
    })
    observer.observe(output, { childList: true, subtree: true })
    await cell.run()
  }
  await new Promise((resolve) => setTimeout(resolve, 200)) // a restore put off by the last run
  window.Worker = Worker
  const early = started.filter((at) => runs.some(([from, to], i) => at > from && at < to && at < Math.min(lines[i] ?? Infinity, from + 45)))
  return { ran, held, fresh: fresh.length, early: early.length }
}
"""


def test_three_runs_in_a_row_each_find_a_fresh_interpreter_and_the_pool_holds_three(deck, page):
    """Three fresh interpreters between runs: three runs clicked one after another run in the three the
    settled pool held, none waits for a restore; the pool never holds more than three; and no restore starts
    in a run's first moments, before its first line is in the page (a worker's start takes the page's thread),
    though the pool is short of one from the second run on."""
    deck.wait_settled(timeout=30_000)
    result = page.evaluate(_THREE_IN_A_ROW, ["await_coroutine", "coroutine_object", "await_task"])
    assert result == {"ran": [0, 1, 2], "held": 3, "fresh": 3, "early": 0}, result
    for name in ("await_coroutine", "coroutine_object", "await_task"):
        assert deck.output(name).strip() == "first line"
    deck.wait_settled(timeout=30_000)  # and three again once the replacements have restored
    assert page.evaluate("(window.liveDeck.pool.pool ?? window.liveDeck.pool).held") == 3
