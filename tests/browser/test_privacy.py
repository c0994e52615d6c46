"""In a real browser, the site loads nothing from other hosts, sets no cookie, and its Content-Security-
Policy holds without breaking anything (search included)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import PAGES, ROOT

pytestmark = pytest.mark.browser

# Records CSP violations the page reports (the console message alone is easy to miss).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(
    `${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
});
"""


def open_recorded(context, page, url):  # type: ignore[no-untyped-def]
    """Go to ``url`` recording every request of the context (workers included) and console errors."""
    requests: list[str] = []
    console: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(url, wait_until="networkidle")
    return requests, console


def foreign(requests: list[str], site_url: str) -> list[str]:
    local = urlsplit(site_url).netloc
    return [url for url in requests if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).netloc != local]


@pytest.mark.parametrize("role", PAGES)
def test_every_request_goes_to_the_site_itself_and_no_cookie_is_set(context, page, site_url, url_of, role):
    requests, console = open_recorded(context, page, url_of(role))
    assert requests, "nothing was recorded"
    assert foreign(requests, site_url) == []
    assert context.cookies() == []
    assert page.evaluate("document.cookie") == ""
    assert page.evaluate("window.__cspViolations") == []
    assert [m for m in console if "Content Security Policy" in m] == []


@pytest.mark.parametrize("role", PAGES)
def test_the_page_carries_a_self_only_policy_without_unsafe_inline_scripts(page, site_url, url_of, role):
    page.goto(url_of(role))
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
    assert directives["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert all(a.get_attribute("rel") == "noopener noreferrer"
               for a in page.locator('a[href^="http"]').all() if not a.get_attribute("href").startswith(site_url))


def test_search_works_under_the_policy(context, page, site_url, url_of):
    requests, console = open_recorded(context, page, url_of(ROOT))
    page.locator("input.md-search__input").click()
    page.keyboard.type("privacy")  # Material searches on key presses (fill() sends none)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=10_000)
    assert results.count() > 0
    assert any(url.endswith("search/search_index.json") for url in requests), "the index is loaded from the site"
    assert foreign(requests, site_url) == []
    assert page.evaluate("window.__cspViolations") == []
    assert [m for m in console if "Content Security Policy" in m] == []
