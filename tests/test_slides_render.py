"""Every slide as the room sees it: Korean set in the shipped fonts, nothing clipped or overflowing."""

import pytest

from deckkit.fonts import deck_characters
from deckkit.paths import DECKS

pytestmark = pytest.mark.browser

# What on the current slide sticks out of it, or hides part of its own content.
_OVERFLOWS = """
() => {
  const section = document.querySelector('.bespoke-marp-active section, section.bespoke-marp-active')
    ?? document.querySelector(`section[id="${location.hash.slice(1) || 1}"]`)
  const box = section.getBoundingClientRect()
  const scale = box.width / 1280
  const problems = []
  for (const el of section.querySelectorAll('h1, h2, h3, p, li, table, pre, .live-cell, .cell-toolbar')) {
    const r = el.getBoundingClientRect()
    if (r.width === 0 && r.height === 0) continue
    if (r.bottom > box.bottom + 1 || r.right > box.right + 1 || r.left < box.left - 1 || r.top < box.top - 1)
      problems.push(`${el.tagName.toLowerCase()}.${el.className} sticks out: ${el.textContent.slice(0, 40)}`)
  }
  for (const el of section.querySelectorAll('pre:not([hidden]):not(.cell-output):not(.cell-editor), .cm-scroller')) {
    if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
      problems.push(`code clipped (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}): ${el.textContent.slice(0, 40)}`)
  }
  return { problems, slide: section.id, text: section.innerText.slice(0, 60), scale }
}
"""


# Characters of *text* that no loaded face of *families* (a CSS font-family list) covers.
_UNCOVERED = """
async ([families, text]) => {
  const faces = await document.fonts.load(`30px ${families}`, text)
  const ranges = faces.filter((face) => face.status === 'loaded').flatMap((face) =>
    face.unicodeRange.split(',').map((range) => {
      const [from, to] = range.trim().replace(/^U\\+/i, '').split('-')
      return [parseInt(from, 16), parseInt(to ?? from, 16)]
    }))
  return [...text].filter((c) => !ranges.some(([a, b]) => c.codePointAt(0) >= a && c.codePointAt(0) <= b)).join('')
}
"""


@pytest.mark.every_demo
@pytest.mark.parametrize("deck", DECKS)
def test_every_slide_fits_and_korean_uses_the_bundled_fonts(page, base_url, audit, deck):
    page.goto(f"{base_url}{deck}.html")
    page.wait_for_function("document.fonts.status === 'loaded'")
    count = page.evaluate("document.querySelectorAll('svg[data-marpit-svg]').length")
    assert count >= 20, f"{deck}: only {count} slides"
    problems = []
    for number in range(1, count + 1):
        page.evaluate(f"location.hash = '#{number}'")
        page.wait_for_timeout(120)
        page.evaluate("document.fonts.ready.then(() => true)")
        result = page.evaluate(_OVERFLOWS)
        problems += [f"slide {number}: {p}" for p in result["problems"]]
    assert not problems, "\n".join(problems)
    # Every slide is set from the subsets: one file per face (before the checks below, which load
    # every face that could serve a character, fontsource's slices included).
    fonts = {url.split("/fonts/")[1] for url in audit.urls if url.endswith(".woff2")}
    assert fonts and all(name.startswith("subset/") for name in fonts), fonts
    assert len(fonts) <= 4
    # The Korean glyphs come from the deck's own fonts (the machine has no CJK font).
    families = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replaceAll('\"', ''))"
    )
    assert "Noto Sans KR" in families
    assert "Nanum Gothic Coding" in families
    # Every Hangul syllable on the slides is covered by a loaded face of the bundled fonts:
    # text in Noto Sans KR, code in Nanum Gothic Coding.
    hangul = page.evaluate(
        "[...new Set([...[...document.querySelectorAll('section')].map(s => s.textContent).join('')]"
        ".filter(c => /[\\uac00-\\ud7a3]/.test(c)))].join('')"
    )
    assert hangul, "the deck shows Korean (the seed's title at least)"
    for family in ("Noto Sans KR", "Nanum Gothic Coding"):
        assert page.evaluate(_UNCOVERED, [f'"{family}"', hangul]) == "", f"{family} lacks glyphs"


def test_a_syllable_typed_on_stage_still_has_a_glyph(page, base_url):
    """The subsets hold the deck's characters only; once Python is up, the live deck adds fontsource's
    slices behind them (slides/runtime/font-fallback.js): the slides keep using the subsets, and
    anything else comes from fontsource. Adding them leaves the subsets' faces alone: a face loaded
    twice means the page rebuilt its faces, and the slide on screen flashed in a fallback font."""
    fonts = []
    page.on("request", lambda request: request.url.endswith(".woff2") and fonts.append(request.url.split("/fonts/")[1]))
    page.goto(f"{base_url}asyncio.ko.html")
    page.wait_for_function("document.documentElement.dataset.pythonStatus === 'ready'", timeout=60_000)
    page.wait_for_function("[...document.fonts].filter((face) => face.family.includes('Slices')).length > 400")
    count = page.evaluate("document.querySelectorAll('svg[data-marpit-svg]').length")
    for number in range(1, count + 1):
        page.evaluate(f"location.hash = '#{number}'")
        page.evaluate("document.fonts.ready.then(() => true)")
    assert fonts and all(name.startswith("subset/") for name in fonts), "a slide loads fontsource's slices"
    assert len(fonts) == len(set(fonts)), f"faces loaded twice: {sorted(fonts)}"
    rare = "뷁똠쀍"
    assert not set(rare) & set(deck_characters()), "pick syllables the deck does not use"
    for stack in ("--font-text", "--font-code"):
        families = page.evaluate(f"getComputedStyle(document.querySelector('section')).getPropertyValue('{stack}')")
        assert "Slices" in families, families
        assert page.evaluate(_UNCOVERED, [families, rare]) == "", f"{rare} would render as boxes in {families}"
