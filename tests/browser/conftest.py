"""One built site served on localhost and one headless Debian chromium per test session.

The site is the repository's own example project (``notice/``, ``versions/``, ``noticekit.yml``) built
as of 2026-11-29, when it has archived versions, a current one and an upcoming material change, so
every kind of page and banner is on screen. Which version is archived and which changes page to visit
is read from the built ``versions.json``. Browser tests are skipped when chromium is missing, unless
``NOTICEKIT_REQUIRE_BROWSER=1`` (set by CI), which makes that a failure. ``NOTICEKIT_CHROMIUM``
names another chromium binary (default ``/usr/bin/chromium``).
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.integration.sites import build, make_project

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

# The pages every browser check visits, by role; ``site_paths`` maps each to its URL path.
ROOT, ARCHIVED, CHANGES, VERSIONS = "root", "archived-version", "changes", "versions-list"
PAGES = [ROOT, ARCHIVED, CHANGES, VERSIONS]


def _unavailable(reason: str) -> None:
    if os.environ.get("NOTICEKIT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (NOTICEKIT_REQUIRE_BROWSER=1 makes this a failure)", pytrace=False)
    pytest.skip(f"{reason}; install Debian's chromium (apt-get install chromium) to run the browser tests")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example project, built as of ``AS_OF``."""
    project = make_project(tmp_path_factory.mktemp("browser-site") / "project")
    result = build(project, as_of=AS_OF)
    assert result.returncode == 0, result.output
    return result.site


@pytest.fixture(scope="session")
def site_paths(built_site: Path) -> dict[str, str]:
    """URL path (relative to the site root) of each page role, read from ``versions.json``."""
    versions = json.loads((built_site / "versions.json").read_text(encoding="utf-8"))["versions"]
    archived = [v for v in versions if v["status"] == "archived"]
    upcoming = [v for v in versions if v["status"] == "upcoming"]
    assert archived and upcoming, f"the example should have archived and upcoming versions on {AS_OF}"
    # The newest redline: the announced (material) change, with its findings.
    changes = next(v["changes_url"] for v in versions if v["changes_url"])
    paths = {ROOT: "", ARCHIVED: archived[0]["url"], CHANGES: changes, VERSIONS: "versions/"}
    # The pages under test show the banners whose colours and links the accessibility checks cover.
    assert "nk-banner--change-coming" in (built_site / "index.html").read_text(encoding="utf-8")
    assert "nk-banner--archived" in (built_site / paths[ARCHIVED] / "index.html").read_text(encoding="utf-8")
    return paths


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


@pytest.fixture
def url_of(site_url: str, site_paths: dict[str, str]):  # type: ignore[no-untyped-def]
    """The absolute URL of a page role (``ROOT``, ``ARCHIVED``…)."""
    return lambda role: site_url + site_paths[role]
