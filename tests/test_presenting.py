"""Presenting: Marp's presenter view shows the current slide's notes; stepped highlighting follows →."""

import pytest

from deckkit.deck_driver import DeckDriver

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("deck, word", [("asyncio.ko", "hello"), ("asyncio.en", "hello")])
def test_presenter_view_shows_the_notes_of_the_current_slide(page, base_url, deck, word):
    driver = DeckDriver.open(page, base_url, deck)
    slide = driver.slide_of("say_after_sequential")
    page.goto(f"{base_url}{deck}.html?view=presenter#{slide}")
    notes = page.locator(".bespoke-marp-presenter-note-container")
    notes.wait_for()
    page.wait_for_function(
        "document.querySelector('.bespoke-marp-presenter-note-container').innerText.trim().length > 20"
    )
    assert word in notes.inner_text()
    # The live cell still runs in the presenter window.
    driver.wait_python_ready()
    assert driver.run("say_after_sequential") == "done"


def test_arrow_keys_step_the_highlight_through_the_awaits_then_move_on(page, base_url):
    deck = DeckDriver.open(page, base_url, "asyncio.en")
    name = "say_after_sequential"
    deck.show(name)
    cell = deck.cell(name)
    steps = int(cell.get_attribute("data-line-steps"))
    assert steps >= 2
    code = deck.code(name).splitlines()
    slide = page.evaluate("location.hash")
    seen = []
    for _ in range(steps):
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(200)
        assert page.evaluate("location.hash") == slide, "→ walks the steps before leaving the slide"
        lit = cell.locator(".cm-step-line").all_inner_texts()
        assert lit and all(line in code for line in lit)
        seen.append(tuple(lit))
    assert len(set(seen)) == steps, "each step highlights different lines"
    assert any("await say_after" in line for step in seen for line in step)
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(200)
    assert page.evaluate("location.hash") != slide


@pytest.mark.every_demo  # a new slide's title, or its cell, may reach under the bar
@pytest.mark.parametrize("deck", ["asyncio.ko", "asyncio.en"])
def test_the_navigation_bar_shown_by_a_moving_mouse_covers_no_live_cell(page, base_url, deck):
    driver = DeckDriver.open(page, base_url, deck)
    slides = page.evaluate(
        "[...new Set([...document.querySelectorAll('.live-cell')].map((cell) => cell.closest('section').id))]"
    )
    assert len(slides) >= 5
    for slide in slides:
        driver.goto_slide(int(slide))
        page.mouse.move(640, 360)
        page.mouse.move(650, 370)
        page.wait_for_function("!document.querySelector('.bespoke-marp-inactive')")
        # The bar fades in (its place is set from the start).
        page.wait_for_function("getComputedStyle(document.querySelector('.bespoke-marp-osc')).opacity > 0.5")
        overlaps = page.evaluate(
            """() => {
              const bar = document.querySelector('.bespoke-marp-osc').getBoundingClientRect()
              const hit = (r) => r.left < bar.right && bar.left < r.right && r.top < bar.bottom && bar.top < r.bottom
              const section = document.querySelector('section.bespoke-marp-active') ?? document.querySelector(`section[id="${location.hash.slice(1)}"]`)
              // A heading's text, not its full-width box; a live cell's whole box.
              const textBox = (el) => { const range = document.createRange(); range.selectNodeContents(el); return range.getBoundingClientRect() }
              const shown = [...section.querySelectorAll('.live-cell')].map((el) => [el.className, el.getBoundingClientRect()])
                .concat([...section.querySelectorAll('h1, h2')].map((el) => [el.textContent, textBox(el)]))
              return { visible: getComputedStyle(document.querySelector('.bespoke-marp-osc')).opacity > 0.5,
                       covered: shown.filter(([, box]) => hit(box)).map(([name]) => name) }
            }"""
        )
        assert overlaps["visible"], f"slide {slide}: the bar did not show"
        assert overlaps["covered"] == [], f"slide {slide}: the navigation bar covers {overlaps['covered']}"
        if slide == slides[0]:
            page.screenshot(path=str(deck_page_shot(deck)))


def deck_page_shot(deck):
    from deckkit.paths import DIST

    (DIST / "shots").mkdir(exist_ok=True)
    return DIST / "shots" / f"{deck}-navigation-bar.png"


def test_after_a_click_on_a_cells_button_the_slide_keys_are_the_decks_again(page, base_url):
    """A presenter clicks Reset, then presses the clicker's PageDown, → or p: the deck answers (Marp ignores
    keys on a focused button). A button reached with Tab keeps its focus: Space presses it, moves nothing."""
    deck = DeckDriver.open(page, base_url, "asyncio.en").wait_python_ready()
    name = "await_coroutine"
    for key in ("PageDown", "ArrowRight"):
        deck.show(name)
        slide = page.evaluate("location.hash")
        deck.click(name, "reset")
        page.keyboard.press(key)
        page.wait_for_function(f"location.hash !== '{slide}'", timeout=2_000)
    deck.show(name)
    deck.click(name, "reset")
    with page.context.expect_page(timeout=5_000) as opened:
        page.keyboard.press("p")
    assert "view=presenter" in opened.value.url
    opened.value.close()
    slide = page.evaluate("location.hash")
    deck.cell(name).locator("[data-action=run]").focus()
    page.keyboard.press("Space")
    assert deck.wait_state(name, "done") == "done"
    assert page.evaluate("location.hash") == slide


def test_the_presenter_panel_ends_a_long_cell_name_in_an_ellipsis_and_has_no_badge(page, base_url):
    """In a presenter popup narrower than the screen, "실행 중: say_after_sequential" was cut mid-name; and the
    Python badge covered the next slide's preview."""
    deck = DeckDriver.open(page, base_url, "asyncio.ko")
    slide = deck.slide_of("say_after_sequential")
    page.set_viewport_size({"width": 900, "height": 560})
    page.goto(f"{base_url}asyncio.ko.html?view=presenter#{slide}")
    deck.wait_python_ready()
    deck.click("say_after_sequential", "run")  # runs 3 s
    page.wait_for_function("'running' in document.querySelector('.presenter-python').dataset")
    label = page.evaluate(
        """() => {
          const el = document.querySelector('.presenter-python [data-role=python-running]')
          const panel = el.parentElement.getBoundingClientRect(), box = el.getBoundingClientRect()
          return { text: el.textContent, title: el.title, ellipsis: getComputedStyle(el).textOverflow === 'ellipsis',
                   cut: el.scrollWidth > el.clientWidth, inside: box.left >= panel.left && box.right <= panel.right }
        }"""
    )
    assert label["text"] == label["title"] == "실행 중: say_after_sequential"
    assert label["cut"] and label["ellipsis"] and label["inside"], label
    covered = page.evaluate(
        """() => {
          const badge = document.querySelector('#python-status').getBoundingClientRect()
          const hit = (r) => r.left < badge.right && badge.left < r.right && r.top < badge.bottom && badge.top < r.bottom
          return [...document.querySelectorAll('.bespoke-marp-presenter-container > *')]
            .filter((el) => hit(el.getBoundingClientRect())).map((el) => el.className)
        }"""
    )
    assert covered == [], f"the Python badge covers {covered}"


def test_the_badge_clears_the_navigation_bar_and_the_favicon_is_served(page, base_url):
    for deck in ("asyncio.ko", "asyncio.en"):
        DeckDriver.open(page, base_url, deck)
        page.mouse.move(640, 360)
        page.mouse.move(650, 370)
        page.wait_for_timeout(250)  # the bar fades in
        boxes = page.evaluate(
            """() => [document.querySelector('#python-status'), document.querySelector('.bespoke-marp-osc')]
                 .map((el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom] })"""
        )
        (left, top, right, bottom), (osc_left, osc_top, osc_right, osc_bottom) = boxes
        assert right > left and osc_right > osc_left
        assert right <= osc_left or left >= osc_right or bottom <= osc_top or top >= osc_bottom, boxes
        icon = page.evaluate("document.querySelector('head link[rel=icon]').href")
        assert icon == f"{base_url}favicon.ico"
    response = page.request.get(f"{base_url}favicon.ico")
    assert response.status == 200 and response.body()[:4] == b"\x00\x00\x01\x00"  # an ICO
    assert response.body()[22:26] == b"\x89PNG"
