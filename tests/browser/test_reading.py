"""Reading the notice: printing it (whole, without the site's navigation) and moving around it with the
keyboard and the contents table."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import ARCHIVED, ROOT

pytestmark = pytest.mark.browser

CONTENTS_LINK = "nav.nk-contents a"
MAX_TABS = 150


def tab_to(page, selector: str) -> str:  # type: ignore[no-untyped-def]
    """Press Tab until an element matching ``selector`` has the focus; return its href."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return page.evaluate("document.activeElement.getAttribute('href')")
    raise AssertionError(f"{MAX_TABS} presses of Tab never reached {selector!r}")


def in_viewport(page, element_id: str) -> bool:  # type: ignore[no-untyped-def]
    return page.evaluate(
        """(id) => { const r = document.getElementById(id).getBoundingClientRect();
                     return r.bottom > 0 && r.top < window.innerHeight; }""",
        element_id,
    )


@pytest.mark.parametrize("role", [ROOT, ARCHIVED])
def test_print_hides_the_navigation_and_shows_the_whole_notice(page, url_of, role):
    page.goto(url_of(role), wait_until="networkidle")
    page.emulate_media(media="print")
    for chrome in ("header.md-header", ".md-sidebar--primary", ".md-sidebar--secondary", "footer.md-footer"):
        assert not page.locator(chrome).first.is_visible(), f"{chrome} is printed"
    headings = page.locator("section.nk-section > h2")
    assert headings.count() >= 10
    for heading in headings.all():
        assert heading.is_visible(), heading.text_content()
    assert page.locator("nav.nk-contents").is_visible()


def test_the_notice_prints_to_a_pdf_of_several_pages(page, url_of):
    page.goto(url_of(ROOT), wait_until="networkidle")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages >= 3, f"{pages} page(s)"


def test_keyboard_contents_link_and_back_link(page, url_of):
    page.goto(url_of(ROOT), wait_until="networkidle")
    href = tab_to(page, CONTENTS_LINK)
    assert href.startswith("#")
    section = href[1:]
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(f"#{re.escape(section)}$"))
    assert in_viewport(page, section)

    back = tab_to(page, f"section.nk-section:has(> h2#{section}) .nk-back a")
    assert back == "#contents"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile("#contents$"))
    assert in_viewport(page, "contents")


def test_following_each_contents_link_scrolls_to_its_section(page, url_of):
    page.goto(url_of(ROOT), wait_until="networkidle")
    links = page.locator(CONTENTS_LINK)
    targets = [href[1:] for href in (link.get_attribute("href") for link in links.all())]
    assert len(targets) >= 10
    for target in (targets[-1], targets[len(targets) // 2]):  # the far end first: it must scroll
        page.locator(f'{CONTENTS_LINK}[href="#{target}"]').click()
        page.wait_for_url(re.compile(f"#{re.escape(target)}$"))
        assert in_viewport(page, target)
        page.evaluate("window.scrollTo(0, 0)")
