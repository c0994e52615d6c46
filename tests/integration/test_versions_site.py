"""Version pages, banners, /versions/ and versions.json in built sites, as of several dates."""

from __future__ import annotations

import shutil

import pytest

from noticekit.load.loader import load_notice
from tests.integration.sites import REPO, build, make_project, notice_cli

FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture(scope="module")
def someone_else(tmp_path_factory):
    """A notice written by someone else: released, edited (a material change announced in advance), released."""
    root = tmp_path_factory.mktemp("other")
    project = make_project(root / "project", notice=FIXTURES / "other-notice")
    assert notice_cli(project, "release", as_of="2024-05-20").returncode == 0
    shutil.rmtree(project / "notice")
    shutil.copytree(FIXTURES / "other-notice-v2", project / "notice")
    result = notice_cli(project, "release", as_of="2025-02-10")
    assert result.returncode == 0, result.stderr + result.stdout
    return project


@pytest.mark.parametrize(
    ("as_of", "root_version", "statuses"),
    [
        ("2025-01-15", "2024-05-20", {"2024-05-20": "current", "2025-02-10": "upcoming"}),  # before it is announced
        ("2025-02-20", "2024-05-20", {"2024-05-20": "current", "2025-02-10": "upcoming"}),  # during the notice period
        ("2025-03-15", "2025-02-10", {"2024-05-20": "archived", "2025-02-10": "current"}),  # after it takes effect
    ],
)
def test_someone_elses_notice_over_time(someone_else, tmp_path, as_of, root_version, statuses):
    result = build(someone_else, as_of=as_of, site=tmp_path / "site")
    assert result.returncode == 0, result.output
    data = result.json("versions.json")
    assert data["current"] == root_version
    assert {v["id"]: v["status"] for v in data["versions"]} == statuses
    root = result.page("")
    assert root.select_one("article.nk-notice")["data-version"] == root_version
    banner = root.select_one(".nk-banner--change-coming")
    if statuses.get("2025-02-10") == "upcoming":
        assert banner is not None and "takes effect on March 15, 2025" in banner.get_text()
        hrefs = [a["href"] for a in banner.find_all("a")]
        assert "versions/2025-02-10/" in hrefs and "versions/2025-02-10/changes/" in hrefs
        upcoming = result.page("versions/2025-02-10")
        assert (
            "This version of the notice takes effect on March 15, 2025."
            in upcoming.select_one(".nk-banner--upcoming").get_text()
        )
    else:
        assert banner is None
        archived = result.page("versions/2024-05-20")
        text = archived.select_one(".nk-banner--archived").get_text(" ", strip=True)
        assert "in effect from May 20, 2024 to March 15, 2025" in text
        assert archived.select_one(".nk-banner--archived a")["href"] == "../../"


def test_each_version_page_renders_its_own_text(someone_else, tmp_path):
    result = build(someone_else, as_of="2025-06-01", site=tmp_path / "site")
    for version_id, folder in (("2024-05-20", "other-notice"), ("2025-02-10", "other-notice-v2")):
        notice = load_notice(FIXTURES / folder)
        page = result.page(f"versions/{version_id}")
        assert [h["id"] for h in page.select("section.nk-section > h2")] == [s.id for s in notice.sections]
        assert len(page.select("nav.nk-contents tbody tr")) == len(notice.sections)
        assert len(page.select("p.nk-back")) == len(notice.sections)
        first_words = notice.sections[-1].body.split()[:6]
        assert " ".join(first_words).strip("#").strip().split()[0] in page.get_text()
    newer = result.page("versions/2025-02-10")
    assert newer.select_one("a.nk-prior")["href"] == "../2024-05-20/"


def test_root_date_line_links_prior_version(someone_else, tmp_path):
    result = build(someone_else, as_of="2025-06-01", site=tmp_path / "site")
    dates = result.page("").select_one(".nk-dates")
    assert "Last updated on February 10, 2025" in dates.get_text()
    assert "Effective March 15, 2025" in dates.get_text()
    assert dates.select_one("a.nk-prior")["href"] == "versions/2024-05-20/"
    assert dates.select_one("a.nk-prior").get_text() == "view the prior version"


def test_versions_list_and_json(someone_else, tmp_path):
    result = build(someone_else, as_of="2025-06-01", site=tmp_path / "site")
    rows = result.page("versions").select(".nk-versions-list tbody tr")
    assert [r.th.get_text() for r in rows] == ["2025-02-10", "2024-05-20"]
    cells = [td.get_text(" ", strip=True) for td in rows[1].find_all("td")]
    assert cells[:4] == ["May 20, 2024", "May 20, 2024", "March 15, 2025", "archived"]
    data = result.json("versions.json")
    newest = data["versions"][0]
    assert set(newest) >= {
        "id",
        "title",
        "last_updated",
        "effective",
        "announced",
        "status",
        "url",
        "changes_url",
        "material",
        "sha256",
    }
    assert newest["url"] == "versions/2025-02-10/" and newest["changes_url"] == "versions/2025-02-10/changes/"
    assert newest["announced"] == "2025-02-10" and newest["effective"] == "2025-03-15"
    assert newest["material"] is True
    assert data["versions"][1]["changes_url"] is None and len(data["versions"][1]["sha256"]) == 64


def test_draft_preview_banner(someone_else, tmp_path):
    project = tmp_path / "draft"
    shutil.copytree(someone_else, project)
    rules = project / "notice/sections"
    target = sorted(rules.iterdir())[0]
    target.write_text(target.read_text() + "\nA new sentence for the draft.\n")
    result = build(project, as_of="2025-06-01", site=tmp_path / "site", NOTICEKIT_DRAFT="1")
    assert result.returncode == 0, result.output
    banner = result.page("").select_one(".nk-banner--draft")
    assert banner is not None and "DRAFT" in banner.get_text()
    assert "A new sentence for the draft." in result.page("").get_text()
    draft_changes = result.page("draft/changes")
    assert draft_changes.find("ins") is not None
    assert "compared with version 2025-02-10" in draft_changes.select_one(".nk-banner--draft").get_text(" ", strip=True)
    assert draft_changes.find(id="draft-findings") is not None
    published = build(project, as_of="2025-06-01", site=tmp_path / "site2")
    assert published.returncode == 0
    assert published.page("").select_one(".nk-banner--draft") is None
    assert "A new sentence for the draft." not in published.page("").get_text()
