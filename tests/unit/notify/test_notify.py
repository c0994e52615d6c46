"""``write_notification``: the four email files for a released version of a real tmp project."""

from __future__ import annotations

import logging
import sys
from datetime import date
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest

from noticekit.errors import VersionNotFound
from noticekit.notify import FILES, write_notification
from noticekit.project import Project
from tests.conftest import write
from tests.unit.notify.conftest import FIRST, SECOND

TODAY = date(2026, 11, 16)


def read(out: Path) -> dict[str, str]:
    return {name: (out / name).read_text(encoding="utf-8") for name in ("subject.txt", "email.txt", "email.html")}


def test_writes_the_four_files_and_nothing_else(project, tmp_path):
    out = tmp_path / "out" / "nested"
    written = write_notification(project, SECOND, out, site_url=None, today=TODAY)
    assert written == [out / name for name in FILES]
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)


def test_overwrites_its_own_files_only(project, tmp_path):
    out = tmp_path / "out"
    write(out / "email.txt", "old")
    write(out / "notes.md", "keep me")
    write_notification(project, SECOND, out, site_url=None, today=TODAY)
    assert (out / "notes.md").read_text() == "keep me"
    assert (out / "email.txt").read_text() != "old"


def test_material_change_email(project, tmp_path):
    write_notification(project, SECOND, tmp_path, site_url=None, today=TODAY)
    files = read(tmp_path)
    assert files["subject.txt"] == (
        "Example Co: important changes to our privacy notice, effective December 21, 2026\n"
    )
    text = files["email.txt"]
    assert "We will use your messages to train our AI models." in text
    assert "- New section: AI training" in text
    assert "- New purpose (AI training): A new purpose: training AI models" in text
    assert "These changes take effect on December 21, 2026." in text
    assert "We are telling you at least 35 days before they take effect" in " ".join(text.split())
    assert "https://example.com/privacy/versions/2026-11-16/\n" in text
    assert "https://example.com/privacy/versions/2026-11-16/changes/\n" in text
    html = files["email.html"]
    assert 'href="https://example.com/privacy/versions/2026-11-16/changes/"' in html
    assert "<strong>New purpose</strong> (AI training)" in html


def test_eml_parses_back_as_multipart_alternative(project, tmp_path):
    write_notification(project, SECOND, tmp_path, site_url=None, today=TODAY)
    message = message_from_bytes((tmp_path / "email.eml").read_bytes(), policy=default)
    assert message.get_content_type() == "multipart/alternative"
    assert message["From"] == "Example Co <privacy@example.com>"
    assert message["To"] is None
    assert message["Date"] == "Mon, 16 Nov 2026 00:00:00 +0000"  # the announced date
    text, html = message.iter_parts()  # type: ignore[attr-defined]
    # On the wire every line ends in CRLF (RFC 5322); the .txt/.html files keep the template's line ends.
    assert text.get_content().replace("\r\n", "\n") == (tmp_path / "email.txt").read_text(encoding="utf-8")
    assert html.get_content().replace("\r\n", "\n") == (tmp_path / "email.html").read_text(encoding="utf-8")


def test_output_is_reproducible(project, tmp_path):
    write_notification(project, SECOND, tmp_path / "a", site_url=None, today=TODAY)
    write_notification(Project.load(project.root), SECOND, tmp_path / "b", site_url=None, today=TODAY)
    for name in FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_first_version(project, tmp_path):
    write_notification(project, FIRST, tmp_path, site_url=None, today=TODAY)
    files = read(tmp_path)
    assert files["subject.txt"] == "Example Co: our privacy notice\n"
    assert "This notice took effect on May 1, 2026." in files["email.txt"]
    assert "changes/" not in files["email.txt"] + files["email.html"]
    message = message_from_bytes((tmp_path / "email.eml").read_bytes(), policy=default)
    assert message["Date"] == "Fri, 01 May 2026 00:00:00 +0000"  # last_updated: it was not announced


def test_site_url_argument_wins_over_the_setting(project, tmp_path):
    write_notification(project, SECOND, tmp_path, site_url="https://other.example/", today=TODAY)
    assert "https://other.example/versions/2026-11-16/changes/" in read(tmp_path)["email.txt"]


def test_without_a_site_url_links_are_relative_with_a_warning(project_root, tmp_path, caplog):
    write(project_root / "noticekit.yml", "organisation: Example Co <privacy@example.com>\n")
    with caplog.at_level(logging.WARNING, logger="noticekit.notify"):
        write_notification(Project.load(project_root), SECOND, tmp_path, site_url=None, today=TODAY)
    assert "\nversions/2026-11-16/changes/\n" in read(tmp_path)["email.txt"]
    assert [r.getMessage() for r in caplog.records] == [
        "no site URL: the email's links are relative to the site root; "
        "pass --site-url or set 'site_url' in noticekit.yml"
    ]


def test_without_an_organisation_the_notice_title_signs_with_a_warning(project_root, tmp_path, caplog):
    write(project_root / "noticekit.yml", "site_url: https://example.com/\n")
    with caplog.at_level(logging.WARNING, logger="noticekit.notify"):
        write_notification(Project.load(project_root), SECOND, tmp_path, site_url=None, today=TODAY)
    assert read(tmp_path)["subject.txt"].startswith("Privacy Notice of Example Co: important changes")
    assert any("no sender address" in r.getMessage() for r in caplog.records)


def test_a_project_template_wins(project_root, tmp_path):
    write(project_root / "templates" / "email_subject.txt", "News from {{ organisation }} ({{ version.id }})\n")
    write_notification(Project.load(project_root), SECOND, tmp_path, site_url=None, today=TODAY)
    assert read(tmp_path)["subject.txt"] == "News from Example Co (2026-11-16)\n"
    assert "News from Example Co (2026-11-16)" in read(tmp_path)["email.html"]  # the <title>


def test_unknown_version(project, tmp_path):
    message = r"no version '2020-01-01' in versions/ \(versions: 2026-05-01, 2026-11-16\)"
    with pytest.raises(VersionNotFound, match=message):
        write_notification(project, "2020-01-01", tmp_path / "out", site_url=None, today=TODAY)
    assert not (tmp_path / "out").exists()


def test_latest(project, tmp_path):
    written = write_notification(project, "latest", tmp_path, site_url=None, today=TODAY)
    assert "2026-11-16" in written[1].read_text(encoding="utf-8")


def test_without_the_diff_engine_the_summary_and_findings_still_go_out(project, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "noticekit.diff", None)  # makes `from noticekit.diff import …` fail
    write_notification(project, SECOND, tmp_path, site_url=None, today=TODAY)
    text = read(tmp_path)["email.txt"]
    assert "What changed:" not in text
    assert "We will use your messages to train our AI models." in text
    assert "- New purpose (AI training): A new purpose: training AI models" in text
