"""axe-core (shipped with axe-playwright-python, run offline) finds no WCAG 2.1 A/AA violation."""

from __future__ import annotations

import pytest

from tests.browser.conftest import PAGES

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.mark.parametrize("role", PAGES)
def test_no_wcag_21_aa_violations(page, url_of, role):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(url_of(role), wait_until="networkidle")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]})
    assert results.violations_count == 0, results.generate_report()
