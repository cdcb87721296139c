"""Shared fixtures: the built deck served on 127.0.0.1 and Debian's Chromium driven by Playwright."""

import os
from urllib.parse import urlsplit

import pytest

from deckkit.browser import CHROMIUM, CHROMIUM_ARGS, VIEWPORT
from deckkit.deck_driver import DeckDriver
from deckkit.paths import DECKS, DIST


def pytest_addoption(parser):
    parser.addoption("--demo", default="", metavar="NAME",
                     help="only the tests of demo or exercise NAME: those whose id names it, and those marked "
                          "every_demo (they check every demo at once: build, timelines, slides, PDF; the driven "
                          "cell layout drives only NAME's cells)")


def pytest_collection_modifyitems(config, items):
    name = config.getoption("--demo")
    if not name:
        return
    kept = [item for item in items if name in item.nodeid or item.get_closest_marker("every_demo")]
    config.hook.pytest_deselected(items=[item for item in items if item not in kept])
    items[:] = kept


@pytest.fixture(scope="session")
def built_site():
    """dist/ as `invoke build` makes it: built again when a source changed since the last build
    (deckkit/build_stamp.py), never with DECK_BUILT=1 (`invoke test` just saw to it)."""
    from deckkit.build_stamp import build_is_current

    if os.environ.get("DECK_BUILT") != "1" and not build_is_current():
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
    """Every request the pages make, so a test fails on any that leaves the origins the deck is served from."""

    def __init__(self, *sites):
        self.origins = {_origin(site) for site in sites}
        self.urls = []

    def allow(self, site):
        """The deck is served from *site* too (another server, a sub-path, a file)."""
        self.origins.add(_origin(site))

    def record(self, request):
        self.urls.append(request.url)

    def off_origin(self):
        return [u for u in self.urls if not u.startswith(("data:", "blob:")) and _origin(u) not in self.origins]


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class GuardedContexts:
    """The one way a test opens a browser context: each one, and every page in it, guarded.

    At the end (`check`) every context is closed, and the test fails if a page had an uncaught error
    or a page or worker requested anything off the deck's origins (`audit`).
    """

    def __init__(self, browser, base_url):
        self.browser = browser
        self.base_url = base_url
        self.audit = RequestAudit(base_url)
        self.page_errors = []
        self._contexts = []

    def new_context(self, site=None, *, page_errors_expected=False, **options):
        """A fresh context (1280×720 unless *options* say otherwise: timezone_id, locale, ...); *site*:
        the deck is served from there (another server than the session's)."""
        if site is not None:
            self.audit.allow(site)
        return self.guard(self.browser.new_context(**{"viewport": VIEWPORT, **options}), page_errors_expected)

    def new_page(self, site=None, **options):
        return self.new_context(site, **options).new_page()

    def open_deck(self, deck="asyncio.ko", query="", site=None, **options) -> DeckDriver:
        """A deck in a page of a new context, its Python ready; *site*: the base URL it is served from."""
        page = self.new_page(site, **options)
        return DeckDriver.open(page, site or self.base_url, deck, query).wait_python_ready()

    def guard(self, context, page_errors_expected=False):
        """Guard a context made elsewhere (a persistent profile): its requests audited, and unless
        *page_errors_expected* (a test that provokes them on purpose) its pages' uncaught errors fail."""
        context.on("request", self.audit.record)  # the context sees the workers' requests too
        if not page_errors_expected:
            watch = lambda page: page.on("pageerror", lambda error: self.page_errors.append(error))  # noqa: E731
            for page in context.pages:
                watch(page)
            context.on("page", watch)
        self._contexts.append(context)
        return context

    def check(self):
        for context in self._contexts:
            context.close()
        errors = [f"{error.message}\n{error.stack}" for error in self.page_errors]
        assert not errors, "uncaught errors in the page:\n" + "\n".join(errors)
        off_origin = self.audit.off_origin()
        assert not off_origin, f"requests off the deck's origin: {off_origin}"


@pytest.fixture
def contexts(browser, base_url):
    guarded = GuardedContexts(browser, base_url)
    yield guarded
    guarded.check()


@pytest.fixture(scope="module")
def module_contexts(browser, base_url):
    """As `contexts`, for a context a module's tests share (a deck booted once)."""
    guarded = GuardedContexts(browser, base_url)
    yield guarded
    guarded.check()


@pytest.fixture
def audit(contexts):
    return contexts.audit


@pytest.fixture
def page(contexts):
    return contexts.new_page()


@pytest.fixture
def deck(page, base_url):
    """The Korean deck in `page`, its Python ready."""
    return DeckDriver.open(page, base_url, "asyncio.ko").wait_python_ready()
