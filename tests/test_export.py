"""Handouts: the PDFs carry every demo's code and its recorded CPython output, in Korean and English."""

import re
import subprocess

import pytest

from deckkit.paths import DECKS, DEMOS, DIST, deck_source


@pytest.fixture(scope="module")
def pdfs():
    from deckkit.build import build_pdf

    return dict(zip(DECKS, build_pdf()))


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


def slide_count(deck):
    body = deck_source(deck).read_text().split("\n---\n", 1)[1]  # after the front matter
    return len(re.findall(r"^---\s*$", body, re.M)) + 1


@pytest.mark.parametrize("deck", DECKS)
def test_pdf_has_a_page_per_slide_with_code_and_recorded_output(pdfs, deck):
    pdf = pdfs[deck]
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages == slide_count(deck)
    text = pdf_text(pdf)
    flat = re.sub(r"\s+", "", text)
    for demo in sorted(DEMOS.glob("*.py")):
        if demo.name == "__init__.py":
            continue
        for line in demo.read_text().splitlines():
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
