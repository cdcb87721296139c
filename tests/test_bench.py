"""`invoke bench` reopens a page the way it says: in a new tab of the same window, or in a new window."""

from types import SimpleNamespace

import pytest

from deckkit import bench

pytestmark = pytest.mark.browser


def window_of(context, page):
    return context.new_cdp_session(page).send("Browser.getWindowForTarget")["windowId"]


def test_a_new_tab_opens_in_the_same_window_and_a_closed_last_tab_opens_a_new_one(browser, contexts, base_url, tmp_path):
    playwright = SimpleNamespace(chromium=browser.browser_type)  # the session's Playwright, a persistent profile
    url = f"{base_url}index.html"
    context, page = bench._launch(playwright, tmp_path / "profile")
    contexts.guard(context)
    page.goto(url)
    first = window_of(context, page)
    page, opened_at = bench._reopen(context, url, lambda page: page.evaluate("location.href"), page)
    assert opened_at == url
    assert window_of(context, page) == first
    assert context.pages == [page]  # the tab that kept the window open is gone again
    page, _ = bench._reopen(context, url, lambda page: None, page, window_kept=False)
    assert window_of(context, page) != first  # the window closed with its last tab
