"""On stage: no stray click or key traps the presenter, and every window of the deck shows one state.

A presenter clicks anywhere on a slide — its margin, the gap between a cell's panels, the output, a badge,
a title, the presenter view's notes — and the next key is the deck's; only a click on the code itself
enters the editor. Esc does nothing on its own; a clicker's keys do what a presenter expects on each
screen; the slide position, the hints shown and the solution shown are the same in every window."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from deckkit.deck_driver import DeckDriver

pytestmark = pytest.mark.browser

# One cell of each kind: a plain demo, a demo with stepped lines, an exercise (hints, Solution).
GRID_CELLS = ["function_vs_coroutine", "say_after_tasks", "concurrent_say_after"]
EXERCISE = "concurrent_say_after"

# Where the deck is: the slide (hash) and its step (Marp's ?f=).
POSITION = "location.hash + '|' + (new URLSearchParams(location.search).get('f') ?? '0')"

# Points over the current slide (and, in the presenter view, its notes) that are not the code itself nor
# a control: what a stray click may hit. Each with what it hit, for a failure's message.
_STRAY_POINTS = """
([columns, rows]) => {
  const slide = document.querySelector('section.bespoke-marp-active') ?? document.querySelector(`section[id="${location.hash.slice(1)}"]`)
  const areas = [[slide, columns, rows]]
  const notes = document.querySelector('.bespoke-marp-presenter-note-container')
  if (notes && document.body.dataset.bespokeView === 'presenter') areas.push([notes, 3, 2])
  const points = []
  for (const [area, columns, rows] of areas) {
    const box = area.getBoundingClientRect()
    for (let i = 0; i < columns; i++)
      for (let j = 0; j < rows; j++) {
        const x = Math.round(box.left + (box.width * (i + 0.5)) / columns)
        const y = Math.round(box.top + (box.height * (j + 0.5)) / rows)
        const hit = document.elementFromPoint(x, y)
        if (!hit || hit.closest('.cm-line, button, a, input, textarea, .bespoke-marp-presenter-next-container')) continue
        const cell = hit.closest('.live-cell')
        points.push([x, y, `${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')}${cell ? ' in ' + cell.dataset.demo : ''}`])
      }
  }
  return points
}
"""

_EDITOR_HAS_FOCUS = "!!document.activeElement?.closest('.cm-editor')"

_CODES = "Object.fromEntries(window.liveDeck.cells.map((cell) => [cell.name, cell.code]))"


class Window(DeckDriver):
    """A window of the deck, and where it is."""

    def position(self):
        return self.page.evaluate(POSITION)

    def wait_position(self, position, timeout=5_000):
        try:
            self.page.wait_for_function(f"{POSITION} === {position!r}", timeout=timeout)
        except PlaywrightTimeoutError:
            raise AssertionError(f"the window is at {self.position()!r}, not {position!r}, after {timeout} ms") from None

    def wait_moved_from(self, position, timeout=5_000):
        self.page.wait_for_function(f"{POSITION} !== {position!r}", timeout=timeout)


@pytest.fixture
def context(contexts):
    """One browser's context: its windows are one deck's (guarded: page errors, requests off the origin)."""
    return contexts.new_context()


def open_audience(context, base_url, deck):
    return Window.open(context.new_page(), base_url, deck).wait_python_ready()


def press_p(context, audience):
    with context.expect_page() as opened:
        audience.page.keyboard.press("p")
    presenter = Window(opened.value)
    presenter.page.wait_for_load_state()
    assert "view=presenter" in presenter.page.url
    presenter.wait_python_ready()
    return presenter


def editors_mounted(window, name):
    """The cell's CodeMirror is there (it mounts when the cell is first seen)."""
    window.page.wait_for_function(
        f"!!document.querySelector('.live-cell[data-demo=\"{name}\"] .cm-editor .cm-line')", timeout=15_000
    )


# Each view once and each deck once (the keys' handling is one code for both languages; each deck lays its
# cells out with its own words): the whole cross took ~85 s of the suite for no other case.
@pytest.mark.parametrize(("view", "deck"), [("audience", "asyncio.ko"), ("presenter", "asyncio.en")])
def test_a_click_anywhere_but_on_the_code_leaves_the_keys_with_the_deck(context, base_url, deck, view):
    """A grid of clicks over slides with a cell, each followed by a letter a stray editor would take and by
    PageDown: the deck moves every time, and no code changed. Then a click on the code does enter it."""
    audience = open_audience(context, base_url, deck)
    window = audience if view == "audience" else press_p(context, audience)
    codes = window.page.evaluate(_CODES)
    for name in GRID_CELLS:
        window.show(name)
        editors_mounted(window, name)
        if name == EXERCISE:
            window.click(name, "hint")  # a hint shown: one more area of the cell
        # A cell's editor holding the keys before the stray click must give them up too.
        window.cell(name).locator(".cm-line").first.click()
        assert window.page.evaluate(_EDITOR_HAS_FOCUS)
        points = window.page.evaluate(_STRAY_POINTS, [7, 4])
        assert len(points) >= 12, points
        assert any(" in " in what for _, _, what in points), "the grid crosses the cell"
        for x, y, what in points:
            at = window.position()
            window.page.mouse.click(x, y)
            assert not window.page.evaluate(_EDITOR_HAS_FOCUS), f"a click at ({x}, {y}) on {what} entered the editor"
            window.page.keyboard.press("x")
            window.page.keyboard.press("PageDown")
            try:
                window.wait_moved_from(at)
            except Exception:
                raise AssertionError(f"after a click at ({x}, {y}) on {what}, PageDown did not move the deck") from None
            window.page.keyboard.press("PageUp")
            window.wait_position(at)
    assert window.page.evaluate(_CODES) == codes, "no key went into the code"
    assert audience.page.evaluate(_CODES) == codes
    # The code itself still takes a click, and the keys typed after it.
    name = GRID_CELLS[0]
    window.show(name)
    window.cell(name).locator(".cm-line").first.click()
    window.page.keyboard.press("End")
    window.page.keyboard.type("  # typed")
    assert window.page.evaluate(f"window.liveDeck.cell('{name}').code").splitlines()[0].endswith("  # typed")


def overview_open(window):
    return window.page.evaluate("document.querySelector('.bespoke-marp-overview')?.dataset.open === '1'")


@pytest.mark.parametrize("deck", ["asyncio.ko", "asyncio.en"])
def test_esc_leaves_the_editor_then_does_nothing_in_either_window(context, base_url, deck):
    """Esc leaves the editor; a second Esc (a clicker's) opens no overview and moves nothing; the arrows then
    move the slides of both windows. `o` still opens the overview, and Esc closes it."""
    audience = open_audience(context, base_url, deck)
    name = "say_after_sequential"
    audience.show(name)
    presenter = press_p(context, audience)
    for window, other in ((audience, presenter), (presenter, audience)):
        window.show(name)
        other.wait_position(window.position())
        editors_mounted(window, name)
        code = window.page.evaluate(f"window.liveDeck.cell('{name}').code")
        window.cell(name).locator(".cm-line").first.click()
        window.page.keyboard.press("Escape")
        assert not window.page.evaluate(_EDITOR_HAS_FOCUS), "Esc leaves the editor"
        at = window.position()
        window.page.keyboard.press("Escape")
        window.page.wait_for_timeout(300)  # Marp's overview opened a tick later
        assert not overview_open(window), "a second Esc opened Marp's overview"
        assert window.position() == at
        window.page.keyboard.press("ArrowRight")
        window.wait_moved_from(at)
        other.wait_position(window.position())
        assert window.page.evaluate(f"window.liveDeck.cell('{name}').code") == code
    # The overview is still there for who asks for it: `o` opens it, Esc closes it.
    audience.page.keyboard.press("o")
    audience.page.wait_for_function("document.querySelector('.bespoke-marp-overview')?.dataset.open === '1'")
    # Esc goes to the overview's own page (Marp focuses it): once that page has its keys.
    overview = audience.page.frame_locator(".bespoke-marp-overview iframe")
    overview.locator("body[data-bespoke-view=overview]").wait_for(state="attached")
    audience.page.keyboard.press("Escape")
    audience.page.wait_for_function("document.querySelector('.bespoke-marp-overview')?.dataset.open !== '1'")


def test_a_clickers_keys_do_what_a_presenter_expects_on_each_screen(context, base_url):
    """PageDown/PageUp move both windows; b (or .) pressed in the presenter view blacks the audience's
    screen, not the presenter's slide, which says so; → shows the screen again and moves on; F5 reloads
    nothing and moves nothing."""
    audience = open_audience(context, base_url, "asyncio.ko")
    audience.show("await_coroutine")
    presenter = press_p(context, audience)
    at = presenter.position()
    presenter.page.keyboard.press("PageDown")
    presenter.wait_moved_from(at)
    audience.wait_position(presenter.position())
    presenter.page.keyboard.press("PageUp")
    presenter.wait_position(at)
    audience.wait_position(at)
    cover = "(() => { const el = document.querySelector('#black-screen'); return !!el && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().width })()"
    for key in ("b", "."):
        presenter.page.keyboard.press(key)
        audience.page.wait_for_function("document.documentElement.dataset.screen === 'black'", timeout=2_000)
        assert audience.page.evaluate(cover) == 1280, "the audience window is black, all of it"
        assert presenter.page.evaluate("document.documentElement.dataset.screen") == "black"
        shown = presenter.page.evaluate(cover)
        assert shown and shown < 640, "the presenter view keeps its slide and says the screen is black"
        assert "b" in presenter.page.locator("#black-screen").inner_text()
        assert audience.position() == at
        if key == "b":
            presenter.page.keyboard.press("b")  # b again shows the slide
        else:
            presenter.page.keyboard.press("ArrowRight")  # moving on shows it too
            presenter.wait_moved_from(at)
        audience.page.wait_for_function("!('screen' in document.documentElement.dataset)", timeout=2_000)
        assert not audience.page.evaluate(cover)
    audience.wait_position(presenter.position())
    # F5 (a clicker's "start the show") reloads neither window, and moves nothing.
    at = presenter.position()
    for window in (audience, presenter):
        window.page.evaluate("window.__notReloaded = true")
        window.page.keyboard.press("F5")
        window.page.wait_for_timeout(500)
        assert window.page.evaluate("window.__notReloaded === true"), "F5 reloaded the deck"
        assert window.position() == at
    # A black screen in one audience window is black in a late one too? Not asked: b is the presenter's.


def test_the_slide_position_follows_into_a_tab_opened_after_the_pair(context, base_url):
    """The audience window closed mid-talk and the deck opened again in a new tab: the tab opens on the
    presenter view's slide and step, then follows its ← and →, and the presenter view follows the tab."""
    audience = open_audience(context, base_url, "asyncio.en")
    audience.show("say_after_tasks")
    audience.page.keyboard.press("ArrowRight")  # the first stepped line
    presenter = press_p(context, audience)
    at = audience.position()
    presenter.wait_position(at)
    assert at.endswith("|1"), at
    audience.page.close()
    tab = Window(context.new_page())
    tab.page.goto(f"{base_url}asyncio.en.html")
    tab.wait_python_ready()
    tab.wait_position(at)
    for key in ("ArrowLeft", "ArrowLeft", "ArrowRight"):
        before = presenter.position()
        presenter.page.keyboard.press(key)
        presenter.wait_moved_from(before)
        tab.wait_position(presenter.position())
    before = tab.position()
    tab.page.keyboard.press("PageDown")
    tab.wait_moved_from(before)
    presenter.wait_position(tab.position())
    # A second tab, opened at another slide's address, joins the others rather than moving them.
    other = Window(context.new_page())
    other.page.goto(f"{base_url}asyncio.en.html#3")
    other.wait_python_ready()
    other.wait_position(tab.position())
    presenter.page.wait_for_timeout(300)
    assert presenter.position() == tab.position()


def test_alone_a_window_opens_where_it_is_asked_to(context, base_url):
    """Marp's count of the deck's windows outlived a window that closed without saying so (a crash): the
    only window of the deck opens on the slide its address names, not on the stale one."""
    first = open_audience(context, base_url, "asyncio.en")
    first.goto_slide(12)
    first.page.evaluate(
        "localStorage.setItem('bespoke-marp-sync-' + window.__liveDeckSyncKey, JSON.stringify({reference: 3, index: 20, fragmentIndex: 0}))"
    )
    first.page.close()
    again = Window(context.new_page())
    again.page.goto(f"{base_url}index.html")  # the deck's origin: wait until the closed window's lock is gone
    again.page.wait_for_function("navigator.locks.query().then(({ held }) => held.length === 0)", polling=100)
    again.page.goto(f"{base_url}asyncio.en.html#5")
    again.wait_python_ready()
    again.wait_position("#5|0")


def exercise_state(window, name=EXERCISE):
    return window.page.evaluate(
        """(name) => {
             const root = document.querySelector(`.live-cell[data-demo="${name}"]`)
             const shown = [...root.querySelectorAll('[data-role=hints] li')].filter((li) => !li.hidden)
             return { hints: root.dataset.hintsShown, label: root.querySelector('[data-action=hint]').textContent,
                      text: shown.map((li) => li.textContent), solution: 'solutionShown' in root.dataset,
                      code: window.liveDeck.cell(name).code }
           }""",
        name,
    )


def wait_hints(window, count, name=EXERCISE):
    window.page.wait_for_function(
        f"document.querySelector('.live-cell[data-demo=\"{name}\"]').dataset.hintsShown === '{count}'", timeout=5_000
    )


@pytest.mark.parametrize("deck", ["asyncio.ko", "asyncio.en"])
def test_hints_and_the_solution_shown_are_one_state_in_every_window(context, base_url, deck):
    """A hint opened in the audience window shows in the presenter view, two more there show in the audience
    window; the solution put in shows in both; a presenter view opened later shows the same; Reset takes
    the solution back everywhere, and the hints read stay."""
    audience = open_audience(context, base_url, deck)
    audience.show(EXERCISE)
    presenter = press_p(context, audience)
    audience.click(EXERCISE, "hint")
    wait_hints(presenter, 1)
    assert exercise_state(presenter) == exercise_state(audience)
    assert exercise_state(presenter)["label"].endswith("1/3")
    presenter.click(EXERCISE, "hint")
    presenter.click(EXERCISE, "hint")
    wait_hints(audience, 3)
    assert exercise_state(audience) == exercise_state(presenter)
    assert exercise_state(audience)["label"].endswith("3/3") and len(exercise_state(audience)["text"]) == 3  # the hints read stay shown
    presenter.click(EXERCISE, "solution")
    audience.page.wait_for_function(f"'solutionShown' in document.querySelector('.live-cell[data-demo=\"{EXERCISE}\"]').dataset")
    assert exercise_state(audience) == exercise_state(presenter)
    assert "create_task" in exercise_state(audience)["code"] or "gather" in exercise_state(audience)["code"]
    # A presenter view opened later (the old one closed) shows the same state.
    presenter.page.close()
    # Marp reopens its presenter window by name: once the closed one has gone (its count of windows says so).
    audience.page.wait_for_function(
        "JSON.parse(localStorage.getItem('bespoke-marp-sync-' + window.__liveDeckSyncKey)).reference === 1"
    )
    late = press_p(context, audience)
    wait_hints(late, 3)
    assert exercise_state(late) == exercise_state(audience)
    # Reset in the late window: the starter is back, the solution no longer shown, in both; the hints stay.
    late.click(EXERCISE, "reset")
    audience.page.wait_for_function(f"!('solutionShown' in document.querySelector('.live-cell[data-demo=\"{EXERCISE}\"]').dataset)")
    assert exercise_state(audience) == exercise_state(late)
    assert exercise_state(audience)["hints"] == "3"
    assert exercise_state(audience)["code"] == audience.page.evaluate(f"window.liveDeck.cell('{EXERCISE}').original")
