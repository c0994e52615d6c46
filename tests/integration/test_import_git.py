"""``import_git`` on git histories with fixed dates: versions, their dates and commits, skipped commits."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from noticekit.cli import main
from noticekit.errors import ImportFailed
from noticekit.importers import import_git
from noticekit.load.loader import load_notice
from noticekit.project import Project
from noticekit.versions.archive import Archive

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HARBOURLINE = (FIXTURES / "import" / "harbourline-privacy.md").read_text(encoding="utf-8")
QUILLMOOR = (FIXTURES / "import" / "quillmoor-privacy.html").read_text(encoding="utf-8")


class History:
    """A throwaway git repository whose commits carry the dates we give them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, day: str = "2020-01-01") -> str:
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
            "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org",
            "GIT_AUTHOR_DATE": f"{day}T09:30:00+00:00", "GIT_COMMITTER_DATE": f"{day}T09:30:00+00:00",
            "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        }
        return subprocess.run(["git", *args], cwd=self.root, env=env, check=True, capture_output=True,
                              text=True).stdout.strip()

    def commit(self, day: str, files: dict[str, str | Path | None], message: str = "update") -> str:
        for rel, content in files.items():
            path = self.root / rel
            if content is None:
                shutil.rmtree(path) if path.is_dir() else path.unlink()
            elif isinstance(content, Path):
                shutil.rmtree(path, ignore_errors=True)
                shutil.copytree(content, path)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(content, encoding="utf-8")
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, day=day)
        return self.git("rev-parse", "HEAD")


def check_errors(project: Path, today: date) -> list[str]:
    """``notice check``'s errors: the archive verifies against its manifests and every version loads."""
    from noticekit.commands import check

    report = check(Project.load(project), today)
    return [str(p) for p in report.errors]


@pytest.fixture
def markdown_history(tmp_path: Path) -> tuple[History, dict[str, str]]:
    repo = History(tmp_path / "website")
    shas = {}
    shas["first"] = repo.commit("2022-04-05", {"privacy.md": HARBOURLINE, "README.md": "site\n"})
    reformatted = HARBOURLINE.replace("\n\n", "\n\n\n").replace("Ferries Ltd runs", "Ferries Ltd  runs")
    shas["whitespace"] = repo.commit("2022-05-10", {"privacy.md": reformatted.replace("\n", "   \n")})
    second = HARBOURLINE.replace("last_updated: April 4, 2022", "last_updated: 2022-06-01").replace(
        "effective: 2022-05-02", "effective: 2022-07-01"
    ).replace("kept for 31 days", "kept for 28 days")
    shas["june"] = repo.commit("2022-06-01", {"privacy.md": second})
    fixed = second.replace("within one month", "within 30 days")
    shas["june-fix"] = repo.commit("2022-06-03", {"privacy.md": fixed})
    shas["unrelated"] = repo.commit("2022-07-01", {"README.md": "site, with a readme\n"})
    undated = re.sub(r"last_updated: .*\n|effective: .*\n", "", fixed).replace(
        "using it for marketing at any time", "using it for marketing or profiling at any time"
    )
    shas["undated"] = repo.commit("2022-08-15", {"privacy.md": undated})
    return repo, shas


def test_markdown_file_history(markdown_history: tuple[History, dict[str, str]], tmp_path: Path) -> None:
    repo, shas = markdown_history
    project = tmp_path / "project"
    result = import_git(repo.root, "privacy.md", project)

    assert [v.id for v in result] == ["2022-04-04", "2022-06-01", "2022-08-15"]
    assert [v.commit for v in result] == [shas["first"], shas["june-fix"], shas["undated"]]
    assert [str(v.effective) for v in result] == ["2022-05-02", "2022-07-01", "2022-08-15"]
    assert [v.material for v in result] == [None, None, None]
    assert [v.baseline for v in result] == [None, "2022-04-04", "2022-06-01"]
    assert [(s.sha, s.reason) for s in result.skipped] == [
        (shas["whitespace"], "no change to the text"),
        (shas["june"], f"replaced by {shas['june-fix'][:10]} (same date)"),
    ]
    assert any("both give the date 2022-06-01" in w for w in result.warnings)
    undated = shas["undated"][:10]
    assert any(f"commit {undated}" in w and "dated by the commit (2022-08-15)" in w for w in result.warnings)

    archive = Archive(project / "versions")
    manifests = {v.id: v for v in archive.versions()}
    assert manifests["2022-06-01"].commit == shas["june-fix"]
    june = archive.load("2022-06-01")
    assert "kept for 28 days" in june.section("on-board").body
    assert "within 30 days" in june.section("rights").body  # the later commit's text won the date
    # The working copy is the latest version, byte for byte.
    released = {p: d for p, d in archive.load("2022-08-15").files.items() if p != "manifest.json"}
    assert load_notice(project / "notice").files == released
    assert archive.verify() == []
    assert check_errors(project, date(2022, 9, 1)) == []


def test_diffs_between_imported_versions(markdown_history: tuple[History, dict[str, str]], tmp_path: Path) -> None:
    from noticekit.diff import compare_notices

    repo, _ = markdown_history
    project = tmp_path / "project"
    import_git(repo.root, "privacy.md", project)
    archive = Archive(project / "versions")
    diff = compare_notices(archive.load("2022-04-04"), archive.load("2022-06-01"), "2022-04-04", "2022-06-01")
    modified = {s.id: s for s in diff.sections if s.status == "modified"}
    assert sorted(modified) == ["on-board", "rights"]
    assert ("delete", "31") in [(op, text.strip()) for op, text in modified["on-board"].ops]
    later = compare_notices(archive.load("2022-06-01"), archive.load("2022-08-15"), "2022-06-01", "2022-08-15")
    assert [s.id for s in later.sections if s.status == "modified"] == ["rights"]


def test_since_skips_earlier_commits(markdown_history: tuple[History, dict[str, str]], tmp_path: Path) -> None:
    repo, shas = markdown_history
    result = import_git(repo.root, "privacy.md", tmp_path / "project", since=date(2022, 6, 1))
    assert [v.id for v in result] == ["2022-06-01", "2022-08-15"]
    assert [(s.sha, s.reason) for s in result.skipped][:2] == [
        (shas["first"], "before --since 2022-06-01"),
        (shas["whitespace"], "before --since 2022-06-01"),
    ]
    assert result.versions[0].baseline is None


def test_html_file_history(tmp_path: Path) -> None:
    repo = History(tmp_path / "cms")
    first = repo.commit("2022-04-06", {"public/privacy.html": QUILLMOOR})
    second_page = QUILLMOOR.replace("Last updated: April 4, 2022", "Last updated: 1 September 2022").replace(
        "6 years after the order", "7 years after the order"
    )
    # Only the page's chrome changes: no new version.
    repo.commit("2022-05-01", {"public/privacy.html": QUILLMOOR.replace("Find a store", "Our stores")})
    second = repo.commit("2022-09-01", {"public/privacy.html": second_page})
    result = import_git(repo.root, "public/privacy.html", tmp_path / "project")
    assert [(v.id, v.commit) for v in result] == [("2022-04-04", first), ("2022-09-01", second)]
    assert [s.reason for s in result.skipped] == ["no change to the text"]
    latest = load_notice(tmp_path / "project" / "notice")
    assert "7 years after the order" in latest.section("retention").body
    assert check_errors(tmp_path / "project", date(2022, 10, 1)) == []


def test_notice_folder_history_is_kept_as_committed(tmp_path: Path) -> None:
    repo = History(tmp_path / "legal")
    first = repo.commit("2024-05-21", {"notice": FIXTURES / "other-notice"})
    repo.commit("2024-06-01", {"notice/.editorconfig": "root = true\n"})
    second = repo.commit("2025-02-11", {"notice": FIXTURES / "other-notice-v2"})
    project = tmp_path / "project"
    result = import_git(repo.root, "notice", project)
    assert [(v.id, v.commit) for v in result] == [("2024-05-20", first), ("2025-02-10", second)]
    assert result.versions[1].material is None and result.versions[1].material_declared is True
    for version, fixture in zip(result, ("other-notice", "other-notice-v2"), strict=True):
        for path in (FIXTURES / fixture).rglob("*.md"):
            rel = path.relative_to(FIXTURES / fixture).as_posix()
            assert (project / "versions" / version.id / rel).read_bytes() == path.read_bytes()
    assert check_errors(project, date(2025, 4, 1)) == []


def test_refuses_colliding_versions_and_a_working_copy(
    markdown_history: tuple[History, dict[str, str]], tmp_path: Path
) -> None:
    repo, _ = markdown_history
    project = tmp_path / "project"
    import_git(repo.root, "privacy.md", project, since=date(2022, 8, 1))
    shutil.rmtree(project / "notice")
    with pytest.raises(ImportFailed, match=r"versions/ already has version\(s\) 2022-08-15"):
        import_git(repo.root, "privacy.md", project)
    assert Archive(project / "versions").ids() == ["2022-08-15"]
    (project / "notice").mkdir()
    (project / "notice" / "index.md").write_text("draft\n")
    with pytest.raises(ImportFailed, match=r"notice/ already holds a notice"):
        import_git(repo.root, "privacy.md", tmp_path / "project", since=date(2023, 1, 1))


def test_a_commit_that_does_not_convert_stops_the_import(tmp_path: Path) -> None:
    repo = History(tmp_path / "site")
    broken = repo.commit("2021-01-10", {"privacy.md": "# Privacy\n\nWe will write this soon.\n"})
    repo.commit("2022-04-05", {"privacy.md": HARBOURLINE})
    with pytest.raises(ImportFailed, match=f"commit {broken[:10]}:0: found no section headings") as caught:
        import_git(repo.root, "privacy.md", tmp_path / "project")
    assert caught.value.hint is not None and "--since" in caught.value.hint
    assert not (tmp_path / "project" / "versions").exists()
    assert [v.id for v in import_git(repo.root, "privacy.md", tmp_path / "project", since=date(2022, 1, 1))] == [
        "2022-04-04"
    ]


def test_unknown_path_and_not_a_repository(tmp_path: Path) -> None:
    repo = History(tmp_path / "site")
    repo.commit("2022-04-05", {"privacy.md": HARBOURLINE})
    with pytest.raises(ImportFailed, match=r"no commit in .* changed 'terms\.md'"):
        import_git(repo.root, "terms.md", tmp_path / "project")
    plain = tmp_path / "plain"
    plain.mkdir()
    with pytest.raises(ImportFailed, match="is not a git repository"):
        import_git(plain, "privacy.md", tmp_path / "project")


def test_cli_import_git(markdown_history: tuple[History, dict[str, str]], tmp_path: Path,
                        capsys: pytest.CaptureFixture[str]) -> None:
    repo, shas = markdown_history
    code = main(["-C", str(tmp_path / "project"), "import-git", str(repo.root), "privacy.md", "--since", "2022-06-01"])
    out = capsys.readouterr().out
    assert code == 0
    assert f"released 2022-06-01 (commit {shas['june-fix'][:10]})" in out
    assert "imported 2 version(s)" in out
