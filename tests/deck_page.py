"""Drive the built deck like a presenter: go to a cell's slide, click its buttons, read its output."""

from dataclasses import dataclass

READY_TIMEOUT_MS = 60_000

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


@dataclass
class Line:
    stream: str
    text: str
    at: float  # seconds after Run was clicked


class DeckPage:
    def __init__(self, page, base_url, deck="asyncio.ko", query=""):
        self.page = page
        self.page.goto(f"{base_url}{deck}.html{query}")

    def wait_python_ready(self, timeout=READY_TIMEOUT_MS):
        self.page.wait_for_function(
            "['ready', 'failed'].includes(document.documentElement.dataset.pythonStatus)", timeout=timeout
        )
        status = self.page.evaluate("document.documentElement.dataset.pythonStatus")
        assert status == "ready", self.page.locator("#python-status").inner_text()
        return self

    def cell(self, name):
        return self.page.locator(f'.live-cell[data-demo="{name}"]')

    def slide_of(self, name):
        return int(self.page.evaluate(f"document.querySelector('.live-cell[data-demo=\"{name}\"]').closest('section').id"))

    def goto_slide(self, number):
        self.page.evaluate(f"location.hash = '#{number}'")
        self.page.wait_for_function(f"location.hash === '#{number}'")
        self.page.wait_for_timeout(200)  # the slide transition

    def show(self, name):
        self.goto_slide(self.slide_of(name))
        self.page.evaluate(_LINE_CLOCK, name)
        return self.cell(name)

    def set_code(self, name, code):
        self.page.evaluate("([name, code]) => window.liveDeck.cell(name).setCode(code)", [name, code])

    def click(self, name, action):
        self.cell(name).locator(f"[data-action={action}]").click()

    def state(self, name):
        return self.cell(name).get_attribute("data-state")

    def wait_state(self, name, *states, timeout=30_000):
        wanted = list(states)
        self.page.wait_for_function(
            "([name, wanted]) => wanted.includes(document.querySelector(`.live-cell[data-demo=\"${name}\"]`).dataset.state)",
            arg=[name, wanted],
            timeout=timeout,
        )
        return self.state(name)

    def run(self, name, timeout=30_000):
        self.show(name)
        self.click(name, "run")
        self.wait_state(name, "running", "queued", "done", "error")
        return self.wait_state(name, "done", "error", "stopped", timeout=timeout)

    def lines(self, name):
        raw = self.page.evaluate(f"document.querySelector('.live-cell[data-demo=\"{name}\"]').__lineClock")
        return [Line(**line) for line in raw]

    def output(self, name):
        # textContent, not innerText: the cell may be on a slide that is not shown.
        return self.cell(name).locator("[data-role=output]").text_content()

    def elapsed(self, name):
        return int(self.cell(name).locator("[data-role=elapsed]").get_attribute("data-elapsed-ms")) / 1000
