"""Drive the built deck in a Playwright page as a presenter or a learner does: open it, wait for its
Python, go to a cell's slide, set its code, click its buttons, wait for a state, read its output (with
when each line appeared), its elapsed time and its verdict.

One driver for the tests, `invoke bench` and `invoke conformance`.
"""

from dataclasses import dataclass

READY_TIMEOUT_MS = 60_000
RUN_TIMEOUT_MS = 30_000

# Records when each output line appears, relative to the last Run click on that cell.
_LINE_CLOCK = """
(name) => {
  const root = document.querySelector(`.live-cell[data-demo="${name}"]`)
  if (root.__lineClock) return
  root.__lineClock = []
  root.__clickedAt = 0
  root.querySelector('[data-action=run]').addEventListener('click', () => {
    root.__lineClock = []
    root.__clickedAt = performance.now()
  }, true)
  new MutationObserver((records) => {
    const at = (performance.now() - root.__clickedAt) / 1000
    for (const record of records)
      for (const node of record.addedNodes)
        if (node.classList?.contains('line'))
          root.__lineClock.push({ stream: node.classList[1], text: node.textContent.replace(/\\n$/, ''), at })
  }).observe(root.querySelector('[data-role=output]'), { childList: true })
}
"""

# Sets a cell's code and runs it through the page's API (no slide shown, no click), stopping it after
# timeoutMs; then reads what the cell shows. Its stdin is empty, as `python script.py < /dev/null`: a read
# that waits for the keyboard gets an end of file at once (Ctrl+D).
_RUN_TO_END = """
async ([name, code, timeoutMs]) => {
  const cell = window.liveDeck.cell(name)
  cell.setCode(code)
  const root = cell.root
  const pool = window.liveDeck.pool
  const eof = new MutationObserver(() => {
    const field = root.querySelector('[data-role=stdin]')
    if ('reading' in root.dataset && field) pool.answer(name, Number(field.dataset.read), null)
  })
  eof.observe(root, { attributes: true, attributeFilter: ['data-reading', 'data-read'], subtree: true })
  const done = cell.run()
  // Sooner than the field's next frame: the run's own input event, where the window shares its runs.
  const run = pool.runOf?.(name)
  if (run) pool.follow(run.runId, { onInput: (read) => read && pool.answer(name, read.id, null) })
  let timer
  const late = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs) })
  const outcome = await Promise.race([done.then(() => 'done'), late])
  clearTimeout(timer)
  eof.disconnect()
  if (outcome === 'timeout') { cell.stop(); await done }
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  const lines = [...root.querySelectorAll('[data-role=output] .line')]
    .map((line) => ({ stream: line.classList[1], text: line.textContent.replace(/\\n$/, '') }))
  const elapsed = root.querySelector('[data-role=elapsed]').dataset.elapsedMs
  return { outcome, lines, status: root.dataset.exitStatus ?? null, elapsedMs: Number(elapsed ?? NaN),
           state: root.dataset.state }
}
"""

# Go to a slide; resolves once it is the active one and two frames have painted it.
_GOTO_SLIDE = """
async (number) => {
  location.hash = `#${number}`
  // A window the browser does not paint (hidden) gets no frames: 100 ms stands for one there.
  const frame = () => new Promise((resolve) => { requestAnimationFrame(resolve); setTimeout(resolve, 100) })
  for (let tries = 0; document.querySelector('.bespoke-marp-active section')?.id !== number; tries++) {
    if (tries > 100) throw new Error(`slide ${number} did not become the active one`)
    await frame()
  }
  await frame()
  await frame()
}
"""

# The deck's labels that a cell prints as notes, with the counted ones filled in.
_LABELS = """
() => {
  const text = window.liveDeck.labels
  const notes = {}
  for (const [key, label] of Object.entries(text.notes))
    notes[key] = typeof label === 'function' ? label(2000) : label
  return { notes, stopped: text.stopped, exited: [0, 1, 2, 3, 4, 5, 120].map(text.exited) } // 120: a std stream's flush failed at exit
}
"""


@dataclass
class Line:
    stream: str  # stdout, stderr or note
    text: str
    at: float | None = None  # seconds after Run was clicked (None where not clocked)


@dataclass
class FinishedRun:
    """A run made by `run_to_end`: how it ended ('done' or 'timeout': then stopped), what the cell shows."""

    outcome: str
    lines: list[Line]
    exit_status: int | None
    elapsed: float  # seconds, as the cell shows them
    state: str


class DeckDriver:
    """A deck open in a Playwright page (`DeckDriver.open` opens one; `DeckDriver(page)` drives a page
    already showing the deck, such as a presenter view Marp opened)."""

    def __init__(self, page):
        self.page = page

    @classmethod
    def open(cls, page, base_url, deck="asyncio.ko", query=""):
        page.goto(f"{base_url}{deck}.html{query}")
        return cls(page)

    # --- the deck's Python --------------------------------------------------------------------

    def python_status(self):
        return self.page.evaluate("document.documentElement.dataset.pythonStatus")

    def wait_python_ready(self, timeout=READY_TIMEOUT_MS):
        """Until Python is ready (or failed: then raise, with what the deck says)."""
        self.page.wait_for_function(
            "['ready', 'failed'].includes(document.documentElement.dataset.pythonStatus)", timeout=timeout
        )
        if self.python_status() != "ready":
            raise RuntimeError(f"Python did not start in the deck: {self.page.locator('#python-status').inner_text()}")
        return self

    def python_ready_at(self, timeout=READY_TIMEOUT_MS) -> float:
        """Once Python is ready: when it became so, in ms since the page opened (the deck's own stamp)."""
        self.wait_python_ready(timeout)
        return float(self.page.evaluate("document.documentElement.dataset.pythonReadyAt"))

    def python_boot(self):
        """How the interpreter started: 'cold' or 'snapshot'."""
        return self.page.evaluate("document.documentElement.dataset.pythonBoot")

    def wait_idle(self, timeout=RUN_TIMEOUT_MS):
        """Until Python is ready and no run holds the pool."""
        self.page.wait_for_function(
            "document.documentElement.dataset.pythonStatus === 'ready' && !window.liveDeck.pool.running",
            timeout=timeout,
        )

    def wait_standby(self, snapshot=None, timeout=READY_TIMEOUT_MS):
        """Until the standby worker has booted; with *snapshot*, until its snapshot is that one
        ('copied', 'made', ...), or any one for snapshot=True."""
        if snapshot is None:
            condition = "window.liveDeck.pool.standby?.info"
        elif snapshot is True:
            condition = "window.liveDeck.pool.standby?.info?.snapshot"
        else:
            condition = f"window.liveDeck.pool.standby?.info?.snapshot === {snapshot!r}"
        self.page.wait_for_function(condition, timeout=timeout)

    def wait_settled(self, timeout=READY_TIMEOUT_MS):
        """Until the page's start-up work is done — every fresh interpreter the pool keeps restored, none
        running, the build's bytecode given — as when a presenter runs a cell after talking over the title
        slide. A run right after Python is ready shares two cores with that work and the browser's compiling:
        on CI, to_thread's second start printed 0.2 s (CPython 0.0 s). What that first run costs is invoke
        bench's figure to watch, not a test's."""
        # A build from before the pool kept three fresh interpreters (invoke bench --against) has no `settled`.
        settled = "window.liveDeck.pool.settled ?? (window.liveDeck.pool.standby?.info && !window.liveDeck.pool.running)"
        self.page.wait_for_function(settled, timeout=timeout)
        self.wait_bytecode(timeout=timeout)
        return self

    def wait_bytecode(self, timeout=READY_TIMEOUT_MS):
        """Until the page holds the library's bytecode the build compiled, which it gives every interpreter."""
        # A build from before the page shared the bytecode (invoke bench --against) has none to wait for.
        given = "(pool) => !('bytecodeBlob' in pool) || pool.bytecodeBlob"
        self.page.wait_for_function(f"({given})(window.liveDeck.pool.pool ?? window.liveDeck.pool)", timeout=timeout)

    def active_snapshot(self):
        """Where the active worker's interpreter came from: 'none', 'served', 'copied', 'made'..."""
        return self.page.evaluate("window.liveDeck.pool.active.info.snapshot")

    def labels(self) -> dict:
        """The deck's labels a cell prints: {'notes': {key: text}, 'stopped': text, 'exited': [text by status]}."""
        return self.page.evaluate(_LABELS)

    # --- slides and cells ---------------------------------------------------------------------

    def cell(self, name):
        return self.page.locator(f'.live-cell[data-demo="{name}"]')

    def slide_of(self, name) -> int:
        return int(self.page.evaluate(
            "(name) => document.querySelector(`.live-cell[data-demo=\"${name}\"]`).closest('section').id", name
        ))

    def goto_slide(self, number):
        """Until slide *number* is the active one and has been laid out and painted (two frames: what
        watches it — its cells' observers, the editor's mount — has run); the deck has no transitions."""
        self.page.evaluate(_GOTO_SLIDE, str(number))

    def show(self, name):
        """Go to the cell's slide and clock its output lines from now on; returns the cell's locator."""
        self.goto_slide(self.slide_of(name))
        # Right after the page opened, the deck may not have built the cell's controls yet.
        self.page.wait_for_selector(f'.live-cell[data-demo="{name}"] [data-action=run]', state="attached")
        self.page.evaluate(_LINE_CLOCK, name)
        return self.cell(name)

    def code(self, name):
        return self.page.evaluate("(name) => window.liveDeck.cell(name).code", name)

    def original_code(self, name):
        return self.page.evaluate("(name) => window.liveDeck.cell(name).original", name)

    def set_code(self, name, code):
        self.page.evaluate("([name, code]) => window.liveDeck.cell(name).setCode(code)", [name, code])

    def click(self, name, action):
        """Click one of the cell's buttons: run, stop, reset, solution, ..."""
        self.cell(name).locator(f"[data-action={action}]").click()

    def state(self, name):
        return self.cell(name).get_attribute("data-state")

    def wait_state(self, name, *states, timeout=RUN_TIMEOUT_MS):
        self.page.wait_for_function(
            "([name, wanted]) => wanted.includes(document.querySelector(`.live-cell[data-demo=\"${name}\"]`).dataset.state)",
            arg=[name, list(states)],
            timeout=timeout,
        )
        return self.state(name)

    def run(self, name, timeout=RUN_TIMEOUT_MS):
        """Show the cell, click Run, and wait for it to end; returns its last state."""
        self.show(name)
        self.click(name, "run")
        self.wait_state(name, "running", "queued", "done", "error")
        return self.wait_state(name, "done", "error", "stopped", timeout=timeout)

    def run_to_end(self, name, code, timeout_ms) -> FinishedRun:
        """Run *code* in the cell through the page's API (no slide shown), stopped after *timeout_ms*."""
        data = self.page.evaluate(_RUN_TO_END, [name, code, timeout_ms])
        status = None if data["status"] is None else int(data["status"])
        lines = [Line(**line) for line in data["lines"]]
        return FinishedRun(data["outcome"], lines, status, data["elapsedMs"] / 1000, data["state"])

    # --- what a cell shows --------------------------------------------------------------------

    def lines(self, name) -> list[Line]:
        """The lines printed since the last Run click, each with when it appeared (after `show`)."""
        raw = self.page.evaluate("(name) => document.querySelector(`.live-cell[data-demo=\"${name}\"]`).__lineClock", name)
        return [Line(**line) for line in raw]

    def output(self, name):
        # textContent, not innerText: the cell may be on a slide that is not shown.
        return self.cell(name).locator("[data-role=output]").text_content()

    def elapsed(self, name) -> float:
        """The run's duration the cell shows, in seconds."""
        return int(self.cell(name).locator("[data-role=elapsed]").get_attribute("data-elapsed-ms")) / 1000

    def verdict(self, name):
        """An exercise's verdict: ('pass' or 'fail', the message the cell shows)."""
        cell = self.cell(name)
        return cell.get_attribute("data-verdict"), cell.locator("[data-role=verdict]").text_content()
