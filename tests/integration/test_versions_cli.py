"""`notice release`, `check`, `versions`, `at` through the real CLI, in tmp projects."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.integration.sites import REPO, notice_cli

FIXTURES = REPO / "tests" / "fixtures"


def snapshot(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def set_front(project: Path, **values: str) -> None:
    index = project / "notice/index.md"
    lines = index.read_text().splitlines()
    end = lines.index("---", 1)
    front = [line for line in lines[1:end] if line.split(":", 1)[0] not in values]
    front += [f"{k}: {v}" for k, v in values.items()]
    index.write_text("\n".join(["---", *front, *lines[end:]]) + "\n")


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "minimal", root / "notice")
    return root


def test_release_then_versions_and_at(project):
    result = notice_cli(project, "release")
    assert result.returncode == 0, result.stderr
    assert "released version 2022-04-04" in result.stdout
    manifest = json.loads((project / "versions/2022-04-04/manifest.json").read_text())
    assert manifest["id"] == "2022-04-04" and set(manifest["files"]) == {
        "index.md",
        "sections/01-what-we-collect.md",
        "sections/02-sharing.md",
        "sections/03-your-rights.md",
    }
    assert len(manifest["sha256"]) == 64

    (project / "notice/sections/03-your-rights.md").write_text(
        (project / "notice/sections/03-your-rights.md").read_text().replace("ask for a copy", "ask us for a copy")
    )
    set_front(project, last_updated="2023-05-01")
    assert notice_cli(project, "release").returncode == 0

    listing = json.loads(notice_cli(project, "versions", "--json", as_of="2023-06-01").stdout)
    assert [(v["id"], v["status"]) for v in listing["versions"]] == [
        ("2023-05-01", "current"),
        ("2022-04-04", "archived"),
    ]
    assert notice_cli(project, "at", "2023-04-30").stdout.strip() == "2022-04-04"
    assert notice_cli(project, "at", "2023-05-01").stdout.strip() == "2023-05-01"
    missing = notice_cli(project, "at", "2020-01-01")
    assert missing.returncode == 1 and "no version was in effect on 2020-01-01" in missing.stderr


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        ("exists", "version 2022-04-04 already exists in versions/"),
        ("identical", "nothing to release: the working copy is identical to version 2023-01-01"),
        ("not-later", "'last_updated' (2022-12-01) must be later than the latest version's (2023-01-01)"),
        ("invalid", "notice/sections/02-sharing.md:1: missing required key 'summary' in front matter"),
    ],
)
def test_release_refusals_leave_versions_untouched(project, prepare, message):
    assert notice_cli(project, "release").returncode == 0
    set_front(project, last_updated="2023-01-01")
    text = project / "notice/sections/01-what-we-collect.md"
    text.write_text(text.read_text().replace("when you sign up", "when you sign up for an account"))
    assert notice_cli(project, "release").returncode == 0
    if prepare == "exists":
        set_front(project, last_updated="2022-04-04")
        text.write_text(text.read_text().replace("for an account", "to create an account"))
    elif prepare == "not-later":
        set_front(project, last_updated="2022-12-01")
        text.write_text(text.read_text().replace("for an account", "to create an account"))
    elif prepare == "invalid":
        sharing = project / "notice/sections/02-sharing.md"
        sharing.write_text(sharing.read_text().replace("summary:", "summery:"))
        set_front(project, last_updated="2023-02-01")
    before = snapshot(project / "versions")
    result = notice_cli(project, "release")
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project / "versions") == before


def test_check_reports_tampering_and_unreleased_changes(project):
    assert notice_cli(project, "release").returncode == 0
    ok = notice_cli(project, "check", "--strict", "--as-of", "2022-05-01")
    assert ok.returncode == 0, ok.stdout + ok.stderr

    rights = project / "notice/sections/03-your-rights.md"
    rights.write_text(rights.read_text().replace("ask for a copy", "ask us for a copy"))
    local = notice_cli(project, "check", "--as-of", "2022-05-01")
    assert local.returncode == 0
    assert "warning: the working copy has changes not yet released (latest version: 2022-04-04)" in local.stdout
    strict = notice_cli(project, "check", "--strict", "--as-of", "2022-05-01")
    assert strict.returncode == 1
    assert "notice/index.md:1: the working copy has changes not yet released" in strict.stdout

    released = project / "versions/2022-04-04/sections/02-sharing.md"
    released.write_text(released.read_text() + "\nWe also sell it.\n")
    tampered = notice_cli(project, "check", "--json", "--as-of", "2022-05-01")
    assert tampered.returncode == 1
    report = json.loads(tampered.stdout)
    assert report["ok"] is False
    assert report["errors"][0]["file"] == "versions/2022-04-04/sections/02-sharing.md"
    assert "was changed after release" in report["errors"][0]["message"]


def test_check_json_shape_for_a_valid_project(project):
    assert notice_cli(project, "release").returncode == 0
    report = json.loads(notice_cli(project, "check", "--json", "--as-of", "2022-05-01").stdout)
    assert report == {
        "ok": True,
        "errors": [],
        "warnings": [],
        "baseline": "2022-04-04",
        "changed": False,
        "material": False,
        "findings": [],
    }


def test_usage_error_exits_2(project):
    result = notice_cli(project, "at", "not-a-date")
    assert result.returncode == 2
    assert "is not a date written YYYY-MM-DD" in result.stderr
