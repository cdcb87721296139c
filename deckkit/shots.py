"""Screenshots of every slide, as the audience sees them (headless Chromium, 1280×720)."""

from pathlib import Path

from .browser import CHROMIUM, CHROMIUM_ARGS
from .paths import DECKS, DIST
from .serve import serve_in_background, url


def slide_count(page) -> int:
    return page.evaluate("document.querySelectorAll('.bespoke-marp-slide, svg[data-marpit-svg]').length")


def screenshot_decks(decks=DECKS, out: Path = DIST / "shots") -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    server = serve_in_background(DIST)
    paths = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 720})
            for deck in decks:
                page.goto(url(server, f"{deck}.html"))
                page.wait_for_function("document.fonts.status === 'loaded'")
                # Marp shows its navigation bar over the slide's foot until the pointer rests a moment.
                page.mouse.move(1, 1)
                page.wait_for_function("document.querySelector('.bespoke-marp-inactive')", timeout=10_000)
                count = page.evaluate("document.querySelectorAll('svg[data-marpit-svg]').length")
                for number in range(1, count + 1):
                    page.evaluate(f"location.hash = '#{number}'")
                    page.wait_for_timeout(150)
                    page.evaluate("document.fonts.ready")
                    path = out / f"{deck}-{number:02d}.png"
                    page.screenshot(path=str(path))
                    paths.append(path)
            browser.close()
    finally:
        server.shutdown()
    return paths
