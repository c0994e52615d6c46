"""The material-change rule end to end: check, release and build refuse a material change without
enough notice, giving the earliest allowed date; the editor's override is kept; diff and notify work."""

from __future__ import annotations

import email
import json
import shutil
from pathlib import Path

import pytest

from tests.integration.sites import REPO, build, make_project, notice_cli
from tests.integration.test_versions_cli import set_front, snapshot

FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture
def released(tmp_path) -> Path:
    """Someone else's notice released once, with the material v2 text in the working copy."""
    project = make_project(tmp_path / "project", notice=FIXTURES / "other-notice")
    assert notice_cli(project, "release", as_of="2024-05-20").returncode == 0
    shutil.rmtree(project / "notice")
    shutil.copytree(FIXTURES / "other-notice-v2", project / "notice")
    return project


def test_too_little_notice_is_refused_everywhere_with_the_earliest_date(released):
    set_front(released, effective="2025-02-20")  # announced 2025-02-10: 10 days instead of 30
    expected = "'effective' must be 2025-03-12 or later"

    check = notice_cli(released, "check", "--as-of", "2025-02-10")
    assert check.returncode == 1 and expected in check.stdout

    report = json.loads(notice_cli(released, "check", "--json", "--as-of", "2025-02-10").stdout)
    assert report["material"] is True and report["changed"] is True and report["baseline"] == "2024-05-20"
    assert {f["category"] for f in report["findings"]} >= {"new_recipients"}
    assert all(set(f) == {"rule", "category", "section", "message", "before", "after"} for f in report["findings"])

    before = snapshot(released / "versions")
    release = notice_cli(released, "release", as_of="2025-02-10")
    assert release.returncode == 1 and expected in release.stderr
    assert snapshot(released / "versions") == before

    result = build(released, as_of="2025-02-10")
    assert result.returncode == 1 and expected in result.output and "Traceback" not in result.output


def test_missing_announced_date_gives_the_earliest_date_from_today(released):
    index = released / "notice/index.md"
    index.write_text("\n".join(line for line in index.read_text().splitlines() if not line.startswith("announced:")))
    check = notice_cli(released, "check", "--as-of", "2025-02-10")
    assert check.returncode == 1
    assert "material change needs an 'announced' date" in check.stdout
    assert "2025-03-12" in check.stdout


def test_override_needs_a_reason_and_is_kept(released):
    index = released / "notice/index.md"
    index.write_text("\n".join(line for line in index.read_text().splitlines() if not line.startswith("material_")))
    set_front(released, material="false")
    refused = notice_cli(released, "release", as_of="2025-02-10")
    assert refused.returncode == 1 and "add material_reason" in refused.stderr

    set_front(released, material="false", material_reason="Reviewed by counsel, the partner acts as our processor.")
    assert notice_cli(released, "release", as_of="2025-02-10").returncode == 0
    manifest = json.loads((released / "versions/2025-02-10/manifest.json").read_text())
    assert manifest["material"] is False and manifest["material_declared"] is False
    assert manifest["material_reason"].startswith("Reviewed by counsel")
    assert manifest["findings"], "the overruled findings are kept with the version"

    result = build(released, as_of="2025-06-01")
    assert result.returncode == 0, result.output
    versions_page = result.page("versions").get_text(" ", strip=True)
    assert "judged not material by the editor: Reviewed by counsel" in versions_page
    changes = result.page("versions/2025-02-10/changes").get_text(" ", strip=True)
    assert "Changes reviewed as not material" in changes and "Reviewed by counsel" in changes


def test_material_release_shows_findings_on_the_changes_page_and_feeds(released):
    assert notice_cli(released, "release", as_of="2025-02-10").returncode == 0
    result = build(released, as_of="2025-02-20")
    changes = result.page("versions/2025-02-10/changes")
    assert changes.select_one(".nk-banner--material") is not None
    assert changes.select(".nk-findings li")
    assert changes.find("ins") is not None
    feed = json.loads((result.site / "feed.json").read_text())
    assert "material" in feed["items"][0]["tags"]


def test_diff_formats_through_the_cli(released):
    assert notice_cli(released, "release", as_of="2025-02-10").returncode == 0
    data = json.loads(notice_cli(released, "diff", "2024-05-20", "2025-02-10", "--format", "json").stdout)
    assert data["old"] == "2024-05-20" and data["new"] == "2025-02-10"
    statuses = {s["id"]: s["status"] for s in data["sections"]}
    assert "added" in statuses.values() and "modified" in statuses.values()
    for section in data["sections"]:
        assert {"id", "status", "moved", "old_title", "new_title"} <= set(section)
        if section["status"] == "modified":
            old = "".join(t for op, t in section["ops"] if op != "insert")
            new = "".join(t for op, t in section["ops"] if op != "delete")
            assert old != new
    text = notice_cli(released, "diff", "2024-05-20", "current", "--as-of", "2025-06-01")
    assert text.returncode == 0 and "{+" in text.stdout and "\x1b[" not in text.stdout
    unified = notice_cli(released, "diff", "2024-05-20", "working", "--format", "unified").stdout
    assert unified.startswith("--- ") and "\n+++ " in unified
    markdown = notice_cli(released, "diff", "2024-05-20", "2025-02-10", "--format", "markdown").stdout
    assert "Notice changes" in markdown
    missing = notice_cli(released, "diff", "2020-01-01", "current")
    assert missing.returncode == 1 and "no version '2020-01-01'" in missing.stderr


def test_notify_writes_the_email(released, tmp_path):
    assert notice_cli(released, "release", as_of="2025-02-10").returncode == 0
    out = tmp_path / "mail"
    result = notice_cli(
        released, "notify", "2025-02-10", "--out", str(out), "--site-url", "https://example.org/privacy/"
    )
    assert result.returncode == 0, result.stderr
    message = email.message_from_bytes((out / "email.eml").read_bytes())
    assert message.get_content_type() == "multipart/alternative"
    text = (out / "email.txt").read_text()
    assert "https://example.org/privacy/versions/2025-02-10/changes/" in text
    assert "March 15, 2025" in text or "15 March 2025" in text
