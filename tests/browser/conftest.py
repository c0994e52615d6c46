"""One built site served on localhost and one headless Debian chromium per test session.

The site has three versions of the Copper Kettle Teas fixture notice, built as of 2026-11-29: the
first archived, the second current (with a changes page), the third upcoming, so every banner kind
and page kind is on screen. Browser tests are skipped when chromium is missing, unless
``NOTICEKIT_REQUIRE_BROWSER=1`` (set by CI), which makes that a failure. ``NOTICEKIT_CHROMIUM``
names another chromium binary (default ``/usr/bin/chromium``).
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.integration.sites import REPO, build, make_project, notice_cli

CHROMIUM = Path(os.environ.get("NOTICEKIT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these, chromium calls Google hosts on start (and the privacy tests would see it).
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AS_OF = "2026-11-29"
FIXTURES = REPO / "tests" / "fixtures"

# The pages every browser check visits: the root, an archived version, a changes page, the versions list.
ROOT, ARCHIVED, CHANGES, VERSIONS = "", "versions/2024-05-20/", "versions/2025-02-10/changes/", "versions/"
PAGES = [ROOT, ARCHIVED, CHANGES, VERSIONS]
PAGE_IDS = ["root", "archived-version", "changes", "versions-list"]


def _unavailable(reason: str) -> None:
    if os.environ.get("NOTICEKIT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (NOTICEKIT_REQUIRE_BROWSER=1 makes this a failure)", pytrace=False)
    pytest.skip(f"{reason}; install Debian's chromium (apt-get install chromium) to run the browser tests")


def _release(project: Path, notice: Path, as_of: str) -> None:
    shutil.rmtree(project / "notice")
    shutil.copytree(notice, project / "notice")
    result = notice_cli(project, "release", "--as-of", as_of)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three released versions: 2024-05-20 (archived), 2025-02-10 (current), 2026-11-20 (upcoming)."""
    tmp = tmp_path_factory.mktemp("browser-site")
    project = make_project(tmp / "project", notice=FIXTURES / "other-notice")
    _release(project, FIXTURES / "other-notice", "2024-05-20")
    _release(project, FIXTURES / "other-notice-v2", "2025-02-10")
    third = tmp / "third"
    shutil.copytree(FIXTURES / "other-notice-v2", third)
    body = (third / "index.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]
    (third / "index.md").write_text(
        "---\ntitle: \"Data Protection Declaration – Copper Kettle Teas\"\nlast_updated: 2026-11-20\n"
        "effective: 2026-12-24\nchange_summary: We have a new telephone number.\n---\n" + body,
        encoding="utf-8",
    )
    controller = third / "sections" / "01-controller.md"
    controller.write_text(
        re.sub(r"\+49 40 5550 \d+", "+49 40 5550 4000", controller.read_text(encoding="utf-8")), encoding="utf-8"
    )
    _release(project, third, "2026-11-20")
    result = build(project, as_of=AS_OF)
    assert result.returncode == 0, result.output
    # The pages under test show the banners whose colours and links the accessibility checks cover.
    assert "nk-banner--change-coming" in (result.site / ROOT / "index.html").read_text(encoding="utf-8")
    assert "nk-banner--archived" in (result.site / ARCHIVED / "index.html").read_text(encoding="utf-8")
    return result.site


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(browser, built_site: Path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The built site served over HTTP on a free localhost port: ``http://127.0.0.1:PORT/``.

    Asks for the browser first, so that nothing is built when the browser tests are skipped.
    """
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(built_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context
    context.close()


@pytest.fixture
def page(context):  # type: ignore[no-untyped-def]
    return context.new_page()
