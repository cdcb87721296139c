"""The guard every browser test's pages run under (tests/conftest.py's `contexts`): a test fails on an
uncaught error in a page and on any request off the deck's origin, a worker's included."""

import pytest

from tests.conftest import GuardedContexts

pytestmark = pytest.mark.browser


def test_an_uncaught_page_error_fails_the_test(browser, base_url):
    guarded = GuardedContexts(browser, base_url)
    page = guarded.new_page()
    page.goto(f"{base_url}index.html")
    page.evaluate("setTimeout(() => { throw new Error('thrown on purpose') })")
    page.wait_for_timeout(200)
    with pytest.raises(AssertionError, match="thrown on purpose"):
        guarded.check()


def test_a_request_off_the_origin_fails_the_test_even_from_a_worker(browser, base_url):
    guarded = GuardedContexts(browser, base_url)
    context = guarded.new_context()
    context.route("http://elsewhere.invalid/**", lambda route: route.fulfill(status=200, body="ok"))
    page = context.new_page()
    page.goto(f"{base_url}index.html")
    page.evaluate(
        """() => new Promise((resolve) => {
             const source = "fetch('http://elsewhere.invalid/from-a-worker').finally(() => postMessage('sent'))"
             const worker = new Worker(URL.createObjectURL(new Blob([source])))
             worker.onmessage = resolve
           })"""
    )
    with pytest.raises(AssertionError, match="off the deck's origin") as failed:
        guarded.check()
    assert "http://elsewhere.invalid/from-a-worker" in str(failed.value)


def test_a_site_the_test_serves_the_deck_from_is_allowed(browser, base_url):
    guarded = GuardedContexts(browser, base_url)
    other = "http://elsewhere.invalid/"
    page = guarded.new_page(site=other)
    page.context.route(f"{other}**", lambda route: route.fulfill(status=200, body="<p>a copy of the site</p>"))
    page.goto(f"{other}index.html")
    guarded.check()
    assert f"{other}index.html" in guarded.audit.urls
