"""A live cell's layout in every state a user can reach, in both decks at 1280×720: every slide with a
live cell, driven for real (Hint clicked three times, the starter run to a fail verdict, Solution, code that prints
20 lines, makes five lanes and raises an error whose verdict runs to three lines or more, an edit kept), and
measured each time: nothing leaves the slide, the output shows at least 6 lines, no text is under 14 px,
the buttons stay on one row, an edit's mark moves nothing, earlier hints can be read again. The
screenshots go to dist/shots/cell-layout/."""

import json

import pytest

from deckkit.deck_driver import DeckDriver
from deckkit.paths import DECKS, DIST
from deckkit.recording import RECORDINGS

pytestmark = pytest.mark.browser

SHOTS = DIST / "shots" / "cell-layout"
MIN_FONT_PX = 14 - 0.05  # "about 14 px": a 16-unit timeline label at 7/8 is 14.0
QUICK_STARTERS = 3.5  # s: starters that end sooner are run to their fail verdict (two take 10 s)

# Prints 20 lines from four tasks (five lanes with main's), then raises: a long traceback, and for an
# exercise an error verdict (of three lines or more, with today's messages).
CROWDED = """import asyncio

async def worker(n):
    await asyncio.sleep(0.1 * n)
    for i in range(5):
        print(f'worker {n}: line {i}')

async def main():
    await asyncio.gather(*(worker(n) for n in range(4)))
    raise RuntimeError('a message long enough to wrap ' * 4)

asyncio.run(main())
"""

# What of one cell's slide breaks the layout, in the slide's own px (1280×720).
_PROBLEMS = """
(name) => {
  const cell = document.querySelector(`.live-cell[data-demo="${name}"]`)
  const section = cell.closest('section')
  const slide = section.getBoundingClientRect()
  const scale = slide.width / 1280
  const problems = []
  const shown = (el) => el.checkVisibility() && el.getBoundingClientRect().height > 0
  const what = (el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`
  const inside = (r, box) => r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.left >= box.left - 1 && r.right <= box.right + 1
  // Nothing leaves the slide, and the cell's parts stay in the cell.
  const parts = [...cell.querySelectorAll(
    '.cell-toolbar, .cell-toolbar > *, .exercise-code, .cell-editor, .cell-side, .cell-side > *, .exercise-hints')].filter(shown)
  for (const el of [...section.children].filter(shown).concat(parts)) {
    const r = el.getBoundingClientRect()
    if (!inside(r, slide)) problems.push(`${what(el)} leaves the slide (${Math.round(r.top)}..${Math.round(r.bottom)} px)`)
  }
  const cellBox = cell.getBoundingClientRect()
  for (const el of parts) if (!inside(el.getBoundingClientRect(), cellBox)) problems.push(`${what(el)} leaves its cell`)
  // The side column's parts and the code over the hints follow each other without overlapping.
  const stacked = (column) => {
    for (let i = 1; i < column.length; i++) {
      const above = column[i - 1].getBoundingClientRect(), below = column[i].getBoundingClientRect()
      if (below.top < above.bottom - 1) problems.push(`${what(column[i])} overlaps ${what(column[i - 1])}`)
    }
  }
  stacked([...cell.querySelectorAll('.cell-side > *')].filter(shown))
  stacked([...cell.querySelectorAll('.exercise-code > *')].filter(shown))
  // The code shows whole: the starter's, the solution's (a learner's longer code may scroll).
  const scroller = cell.querySelector('.cm-scroller')
  if (scroller && scroller.scrollHeight > scroller.clientHeight + 1)
    problems.push(`the code is clipped (${scroller.scrollHeight} px in ${scroller.clientHeight})`)
  // The output shows six lines at least.
  const output = cell.querySelector('[data-role=output]')
  const style = getComputedStyle(output)
  const lines = (output.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) / parseFloat(style.lineHeight)
  if (lines < 5.95) problems.push(`the output shows ${lines.toFixed(1)} lines`)
  // No text under 14 px: HTML in the slide's px, the timeline's SVG text as its scale draws it.
  const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT)
  const small = new Set()
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement
    if (!node.textContent.trim() || el.closest('script, style') || !el.checkVisibility()) continue
    const svg = el.closest('svg')
    const px = parseFloat(getComputedStyle(el).fontSize) * (svg ? svg.getScreenCTM().a : scale)
    if (px < ${MIN_FONT}) small.add(`"${node.textContent.trim().slice(0, 24)}" is ${px.toFixed(1)} px`)
  }
  problems.push(...small)
  // The buttons stay on one row, and so does everything else in the toolbar.
  const buttons = [...cell.querySelectorAll('.cell-toolbar [data-action]')].filter(shown)
  const row = buttons[0].getBoundingClientRect()
  for (const el of [...cell.querySelectorAll('.cell-toolbar > *')].filter(shown)) {
    const r = el.getBoundingClientRect()
    if (el.dataset.action ? Math.abs(r.top - row.top) > 1 : r.bottom < row.top || r.top > row.bottom)
      problems.push(`${what(el)} is not on the buttons' row (${Math.round(r.top)} px against ${Math.round(row.top)})`)
  }
  return problems
}
""".replace("${MIN_FONT}", str(MIN_FONT_PX))

# Where the parts of a cell are: an edit's mark must move none of them (the code panel's height may
# follow the new code's, under hints).
_BOXES = """
(name) => [...document.querySelectorAll(`.live-cell[data-demo="${name}"] :is([data-action], [data-role=elapsed],
  [data-role=mode], [data-role=output], .cell-editor, [data-role=timeline])`)].map((el) => {
  const r = el.getBoundingClientRect()
  const height = el.classList.contains('cell-editor') ? '' : `×${r.height}`
  return `${el.dataset.action ?? el.dataset.role ?? el.className}: ${r.left},${r.top} ${r.width}${height}`
})
"""

# Each hint shown so far, brought into view by scrolling the hints' list (no other click): its first
# line then shows inside the list, and the list inside the slide. The newest shows without scrolling.
_HINTS_REACHABLE = """
(name) => {
  const list = document.querySelector(`.live-cell[data-demo="${name}"] [data-role=hints]`)
  const hints = [...list.querySelectorAll('li')].filter((li) => !li.hidden)
  const box = () => list.getBoundingClientRect()
  const firstLineShows = (li) => {
    const r = li.getBoundingClientRect(), line = parseFloat(getComputedStyle(li).lineHeight)
    return r.top >= box().top - 1 && r.top + line <= box().bottom + 1
  }
  const problems = []
  if (!firstLineShows(hints.at(-1))) problems.push('the newest hint is out of view')
  for (const [i, li] of hints.entries()) {
    list.scrollTop = li.offsetTop - hints[0].offsetTop
    if (!firstLineShows(li)) problems.push(`hint ${i + 1} cannot be scrolled into view`)
  }
  list.scrollTop = list.scrollHeight
  return { shown: hints.length, problems }
}
"""

# The verdict: how many lines its message takes, how many its box shows. A message shorter than three
# lines (the graders' wording may change) is lengthened to three with its own words: the layout must
# hold the longest verdict the graders write for, and show it whole.
_VERDICT_LINES = """
(name) => {
  const verdict = document.querySelector(`.live-cell[data-demo="${name}"] [data-role=verdict]`)
  const line = parseFloat(getComputedStyle(verdict).lineHeight)
  const message = verdict.textContent
  if (!message.trim()) return { text: 0, shown: 0, message }
  while (verdict.scrollHeight / line < 2.95) verdict.textContent += ` ${message}`
  return { text: verdict.scrollHeight / line, shown: verdict.clientHeight / line, message }
}
"""


def live_cells(page):
    """Every live cell, by slide: [(slide, name, exercise?)]."""
    return page.evaluate(
        "[...document.querySelectorAll('.live-cell[data-demo]')].map((c) =>"
        " [Number(c.closest('section').id), c.dataset.demo, 'exercise' in c.dataset])"
    )


class Layout:
    """Drives one deck's cells through their states; collects what breaks, with a screenshot each."""

    def __init__(self, deck, name):
        self.deck, self.name, self.page = deck, name, deck.page
        self.slide = deck.slide_of(name)
        self.problems = []

    def check(self, state, shot=True):
        self.page.wait_for_timeout(150)  # the last frame of output, the timeline's redraw
        if shot:
            lang = self.page.evaluate("document.documentElement.lang")
            self.page.screenshot(path=str(SHOTS / f"{lang}-{self.slide:02}-{self.name}-{state}.png"))
        found = self.page.evaluate(_PROBLEMS, self.name)
        self.problems += [f"slide {self.slide} {self.name} [{state}]: {problem}" for problem in found]

    def run(self):
        """Run, as shown (DeckDriver.run would go to the slide again)."""
        self.deck.click(self.name, "run")
        self.deck.wait_state(self.name, "running", "queued", "done", "error")
        return self.deck.wait_state(self.name, "done", "error", "stopped", timeout=40_000)


@pytest.mark.every_demo  # under --demo NAME, only the cells NAME names (as pytest's ids: a part of the name)
@pytest.mark.parametrize("deck_name", DECKS)
def test_every_live_cell_keeps_its_layout_in_every_state(page, base_url, deck_name, pytestconfig):
    SHOTS.mkdir(parents=True, exist_ok=True)
    deck = DeckDriver.open(page, base_url, deck_name).wait_python_ready()
    cells = live_cells(page)
    assert len(cells) >= 15 and sum(exercise for *_, exercise in cells) >= 5
    only = pytestconfig.getoption("--demo")
    cells = [cell for cell in cells if only in cell[1]]
    assert cells, f"no live cell of {deck_name} is named {only!r}"
    problems = []
    for _, name, exercise in cells:
        layout = Layout(deck, name)
        deck.show(name)
        layout.check("idle", shot=False)
        if exercise:
            for _ in range(3):
                deck.click(name, "hint")
            layout.check("three-hints")
            reach = page.evaluate(_HINTS_REACHABLE, name)
            if reach["shown"] != 3:
                reach["problems"].append(f"{reach['shown']} hint(s) shown after three clicks")
            layout.problems += [f"{name}: {problem}" for problem in reach["problems"]]
            if starter_seconds(name) <= QUICK_STARTERS:
                assert layout.run() == "done"
                assert deck.cell(name).get_attribute("data-verdict") == "fail"
                layout.check("starter-fails")
            deck.click(name, "solution")
            layout.check("solution-three-hints")
        before = page.evaluate(_BOXES, name)
        deck.set_code(name, CROWDED)
        assert deck.cell(name).locator("[data-role=edited]").is_visible()
        assert page.evaluate(_BOXES, name) == before, f"{name}: the edit's mark moved the cell"
        assert layout.run() == "error"
        lanes = deck.cell(name).locator("[data-role=timeline] .lane").count()
        assert lanes >= 5, f"{name}: {lanes} lanes"
        if exercise:
            lines = page.evaluate(_VERDICT_LINES, name)
            assert deck.cell(name).get_attribute("data-verdict") == "fail", lines["message"]
            if lines["shown"] < 2.95:
                layout.problems.append(f"{name}: the error verdict shows {lines['shown']:.1f} lines")
        layout.check("crowded-error")
        deck.click(name, "reset")
        problems += layout.problems
    assert not problems, "\n".join(problems)


def starter_seconds(name):
    """How long the exercise's starter runs under CPython (its recording, build/recordings/)."""
    return json.loads((RECORDINGS / f"{name}.json").read_text())["elapsed"]
