"""Handouts: the PDFs carry every demo's code and its recorded CPython output, in Korean and English."""

import re
import subprocess

import pytest

from deckkit.exercises import exercises
from deckkit.paths import DECKS, DEMOS, DIST, deck_source
from deckkit.sources import reader


@pytest.fixture(scope="module")
def pdfs():
    from deckkit.build import build_pdf

    return dict(zip(DECKS, build_pdf()))


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


def slide_count(deck):
    """Slides in the deck's Markdown, plus the solution page the PDF adds after each exercise."""
    body = deck_source(deck).read_text().split("\n---\n", 1)[1]  # after the front matter
    return len(re.findall(r"^---\s*$", body, re.M)) + 1 + len(re.findall(r"^```python exercise=", body, re.M))


def lang(deck):
    return deck.rsplit(".", 1)[1]


def page_texts(path):
    """Each page's text, flattened twice: -layout (a code line stays one line) and in reading order
    (a hint beside the code stays one paragraph)."""
    layout = pdf_text(path).split("\f")
    raw = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout.split("\f")
    return [re.sub(r"\s+", "", a) + "\n" + re.sub(r"\s+", "", b) for a, b in zip(layout, raw)]


@pytest.mark.every_demo
@pytest.mark.parametrize("deck", DECKS)
def test_pdf_has_a_page_per_slide_with_code_and_recorded_output(pdfs, deck):
    pdf = pdfs[deck]
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages == slide_count(deck)
    text = pdf_text(pdf)
    flat = re.sub(r"\s+", "", text)
    read = reader(lang(deck))  # the English deck's comments are in English
    for demo in sorted(DEMOS.glob("*.py")):
        if demo.name == "__init__.py":
            continue
        for line in read(demo).splitlines():
            if line.strip():
                assert re.sub(r"\s+", "", line) in flat, f"{deck}.pdf lacks {demo.name}: {line}"
    for printed in ("hello", "world", "finished at", "started at"):
        assert printed in text
    for control in ("Run", "Stop", "Reset", "실행", "중지", "되돌리기"):
        assert not re.search(rf"[▶■↺]\s*{control}", text), f"a control label ({control}) is printed"
    if deck.endswith(".ko"):
        assert "코루틴" in text  # Korean survives into the PDF (bundled fonts)


def test_pdf_pages_render_korean_with_the_bundled_fonts(pdfs):
    fonts = subprocess.run(["pdffonts", str(pdfs["asyncio.ko"])], check=True, capture_output=True, text=True).stdout
    assert "NotoSansKR" in fonts
    assert "NanumGothicCoding" in fonts


@pytest.mark.every_demo
@pytest.mark.parametrize("deck", DECKS)
def test_pdf_shows_each_exercise_with_its_hints_then_its_solution_with_recorded_output(pdfs, deck):
    pages = page_texts(pdfs[deck])
    read = reader(lang(deck))

    def shows(page, text):
        """Every word of *text* is on *page* (pdftotext may interleave the columns' lines)."""
        return [word for word in text.replace("`", " ").split() if word not in page]

    for exercise in exercises():
        text = exercise.text(lang(deck))
        number = next(i for i, page in enumerate(pages) if not shows(page, text["task"]))
        exercise_page, solution_page = pages[number], pages[number + 1]
        for hint in text["hints"]:
            assert not shows(exercise_page, hint), f"{deck}: {exercise.name}: a hint is cut: {hint}"
        assert not shows(exercise_page, read(exercise.starter)), f"{deck}: {exercise.name}: starter"
        assert ("풀이" if deck.endswith(".ko") else "solution") in solution_page
        assert not shows(solution_page, read(exercise.solution)), f"{deck}: {exercise.name}: solution"
    # The solutions' recorded CPython output, in loop time: the 2 s run, the results in order, the timeout.
    assert any("finishedat12:00:02" in page and "create_task" in page for page in pages)
    assert any("['HELLO','WORLD']" in page and "gather(" in page for page in pages)
    assert any("timedout" in page and "asyncio.timeout(1)" in page and "1.00s" in page for page in pages)
