"""The archive: atomic releases, integrity against manifests, and git provenance."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from noticekit.errors import ReleaseRefused
from noticekit.load.loader import load_notice
from noticekit.versions.archive import Archive
from noticekit.versions.version import Version, sha256


def version_of(notice) -> Version:
    return Version(
        id=notice.meta.last_updated.isoformat(),
        title=notice.meta.title,
        last_updated=notice.meta.last_updated,
        effective=notice.meta.effective,
        announced=notice.meta.announced,
        files={p: sha256(d) for p, d in notice.files.items()},
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def released(make_notice, tmp_path):
    notice = load_notice(make_notice())
    archive = Archive(tmp_path / "versions")
    archive.release(notice, version_of(notice))
    return archive, notice


def test_release_writes_files_and_manifest(released):
    archive, notice = released
    folder = archive.folder / "2022-04-04"
    assert snapshot(folder).keys() == set(notice.files) | {"manifest.json"}
    assert archive.ids() == ["2022-04-04"]
    assert archive.verify() == []
    assert archive.load("2022-04-04").sections == notice.sections


def test_release_refuses_existing_version(released):
    archive, notice = released
    before = snapshot(archive.folder)
    with pytest.raises(ReleaseRefused, match="version 2022-04-04 already exists"):
        archive.release(notice, version_of(notice))
    assert snapshot(archive.folder) == before


@pytest.mark.parametrize("change", ["edit", "add", "remove"])
def test_tampering_is_reported_naming_the_file(released, change):
    archive, _ = released
    folder = archive.folder / "2022-04-04"
    if change == "edit":
        (folder / "sections/02-sharing.md").write_text("---\nid: sharing\ntitle: S\nsummary: s\n---\nWe sell data.\n")
        expected = "versions/2022-04-04/sections/02-sharing.md:1: file of released version 2022-04-04 was changed"
    elif change == "add":
        (folder / "sections/04-extra.md").write_text("extra")
        expected = "versions/2022-04-04/sections/04-extra.md:1: file added to released version 2022-04-04"
    else:
        (folder / "sections/03-your-rights.md").unlink()
        expected = "versions/2022-04-04/sections/03-your-rights.md:1: file of released version 2022-04-04 is missing"
    problems = [str(p) for p in archive.verify()]
    assert len(problems) == 1
    assert problems[0].startswith(expected)


def test_failed_release_leaves_nothing(make_notice, tmp_path, monkeypatch):
    from noticekit.versions import archive as archive_module

    notice = load_notice(make_notice())
    archive = Archive(tmp_path / "versions")
    calls = []

    def failing_write(path, data):
        calls.append(path)
        if len(calls) == 3:
            raise OSError("disk full")
        original(path, data)

    original = archive_module._write_file
    monkeypatch.setattr(archive_module, "_write_file", failing_write)
    with pytest.raises(OSError, match="disk full"):
        archive.release(notice, version_of(notice))
    assert list((tmp_path / "versions").iterdir()) == []


def test_killed_release_leaves_no_partial_version(make_notice, tmp_path):
    """A release process killed midway (SIGKILL, no cleanup) leaves no version, only a hidden staging folder."""
    folder = make_notice()
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from noticekit.load.loader import load_notice
        from noticekit.versions import archive as a
        from tests.unit.versions.test_archive import version_of
        original, count = a._write_file, [0]
        def write(path, data):
            count[0] += 1
            if count[0] == 3:
                os.kill(os.getpid(), signal.SIGKILL)
            original(path, data)
        a._write_file = write
        notice = load_notice(Path({str(folder)!r}))
        a.Archive(Path({str(tmp_path / "versions")!r})).release(notice, version_of(notice))
        """
    )
    repo = Path(__file__).resolve().parents[3]
    result = subprocess.run([sys.executable, "-c", script], cwd=repo, env=os.environ | {"PYTHONPATH": str(repo)})
    assert result.returncode == -9
    archive = Archive(tmp_path / "versions")
    assert archive.ids() == []
    assert len(archive.stale_staging()) == 1
    # The next release cleans the leftover and succeeds.
    notice = load_notice(folder)
    archive.release(notice, version_of(notice))
    assert archive.ids() == ["2022-04-04"] and archive.stale_staging() == []


def git(cwd: Path, *args: str, date: str = "2024-01-01T12:00:00+00:00") -> str:
    env = os.environ | {
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.com",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.com",
    }
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def test_git_provenance_reports_later_commits(make_notice, tmp_path):
    git(tmp_path, "init", "-q", "-b", "main")
    notice = load_notice(make_notice())
    archive = Archive(tmp_path / "versions")
    archive.release(notice, version_of(notice))
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "Release 2022-04-04", date="2022-04-04T10:00:00+00:00")
    assert archive.verify() == []
    # Someone edits the released file and, to hide it, the manifest too, then commits.
    target = archive.folder / "2022-04-04/sections/02-sharing.md"
    target.write_text(target.read_text().replace("our mailer", "advertisers"))
    import json

    manifest = json.loads((archive.folder / "2022-04-04/manifest.json").read_text())
    manifest["files"]["sections/02-sharing.md"] = sha256(target.read_bytes())
    manifest["sha256"] = Version.from_json(manifest | {"sha256": ""}).sha256
    (archive.folder / "2022-04-04/manifest.json").write_text(json.dumps(manifest))
    git(tmp_path, "commit", "-qam", "Quiet fix", date="2022-05-01T10:00:00+00:00")
    problems = [str(p) for p in Archive(tmp_path / "versions").verify()]
    assert any(
        p.startswith("versions/2022-04-04/sections/02-sharing.md:1: released version 2022-04-04 was changed by commit")
        and '(2022-05-01, "Quiet fix")' in p
        for p in problems
    ), problems
