"""Shared fixtures: the built deck served on 127.0.0.1 and Debian's Chromium driven by Playwright."""

import os
from urllib.parse import urlsplit

import pytest

from deckkit.browser import CHROMIUM, CHROMIUM_ARGS
from deckkit.paths import DECKS, DIST


@pytest.fixture(scope="session")
def built_site():
    """dist/ as `invoke build` makes it (rebuilt once per session unless `invoke test` just did)."""
    if os.environ.get("DECK_BUILT") != "1":
        from deckkit.build import build

        build()
    for deck in DECKS:
        assert (DIST / f"{deck}.html").exists(), f"{deck}.html was not built"
    return DIST


@pytest.fixture(scope="session")
def server(built_site):
    from deckkit.serve import serve_in_background

    server = serve_in_background(built_site)
    yield server
    server.shutdown()


@pytest.fixture(scope="session")
def base_url(server):
    from deckkit.serve import url

    return url(server)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class RequestAudit:
    """Every request the page makes, so a test can fail on any that leaves the origin."""

    def __init__(self, origin):
        self.origin = origin
        self.urls = []

    def record(self, request):
        self.urls.append(request.url)

    def off_origin(self):
        return [u for u in self.urls if not u.startswith(("data:", "blob:")) and _origin(u) != self.origin]


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def audit(base_url):
    return RequestAudit(_origin(base_url))


@pytest.fixture
def page(browser, audit):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    context.on("request", audit.record)  # the context sees the workers' requests too
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    yield page
    context.close()
    assert not errors, f"uncaught errors in the page: {errors}"
