"""``notice import-git REPO PATH``: one released version per commit that changed a notice in git.

The notice may have lived as a single file (an HTML page or a Markdown document, converted like
``notice import``) or as a ``notice/`` folder already in Noticekit's format. Each version is dated by
the document's own "Last updated" date, else by its commit, and keeps the commit id in its manifest.
History is recorded as it happened: no material-change decision (``material`` is None) and no notice
period is enforced. Nothing is released unless every version converts and validates.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from noticekit.errors import ImportFailed, ValidationError
from noticekit.importers.document import convert, folder_problems
from noticekit.importers.draft import finish
from noticekit.importers.writer import is_empty_folder, notice_files, replace_folder, write_folder
from noticekit.load.loader import load_notice
from noticekit.model import Notice, Problem
from noticekit.project import Project
from noticekit.versions import git
from noticekit.versions.git import Commit
from noticekit.versions.version import Version, sha256


@dataclass(frozen=True)
class SkippedCommit:
    """A commit that changed the notice's file but gave no version of its own."""

    sha: str
    day: date
    """The commit's date (UTC)."""
    reason: str


@dataclass
class HistoryImport:
    """The versions released by ``import_git`` (iterating it yields them), and what was left out and why."""

    versions: list[Version]
    skipped: list[SkippedCommit] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    """Notes for the editor: dates guessed or corrected, commits replaced, placeholders in the latest text."""

    def __iter__(self) -> Iterator[Version]:
        return iter(self.versions)

    def __len__(self) -> int:
        return len(self.versions)


@dataclass
class _Candidate:
    commit: Commit
    files: dict[str, bytes]
    notice: Notice
    key: tuple[object, ...]
    """The text with whitespace normalised and dates left out: equal keys mean "no change"."""
    dated_by_commit: bool
    warnings: list[str]

    @property
    def day(self) -> date:
        return self.notice.meta.last_updated


def import_git(
    repo: Path, path: str, project_root: Path, *, since: date | None = None, force: bool = False
) -> HistoryImport:
    """Release a version per commit of ``path`` in ``repo``; raise ``ImportFailed`` before writing anything
    when a commit cannot be converted, a version id is taken, or the working copy would be overwritten."""
    project = Project.load(project_root)
    archive = project.archive
    rel = _path_in_repo(Path(repo), path)
    history = git.file_history(Path(repo), rel)
    if not history:
        raise ImportFailed(f"no commit in {repo} changed '{rel}'")
    if not force and not is_empty_folder(project.notice_dir):
        exc = ImportFailed(f"{project.settings.notice_dir}/ already holds a notice; the import would replace it "
                           "with the latest imported version")
        exc.hint = "move it away first (or use --force to replace it)"
        raise exc
    tampered = archive.verify()
    if tampered:
        raise ImportFailed("the archive of released versions is not intact:\n" + "\n".join(str(p) for p in tampered))

    result = HistoryImport([])
    with tempfile.TemporaryDirectory(prefix="noticekit-import-") as tmp:
        kept, problems = _plan(Path(repo), rel, history, since, Path(tmp), project, result)
        if problems:
            exc = ImportFailed(
                "some commits do not give a valid notice, so nothing was imported:\n"
                + "\n".join(str(p) for p in problems)
            )
            exc.hint = "use --since to start after them, or fix the history"
            raise exc
        if not kept:
            raise ImportFailed(f"no commit of '{rel}' is left to import" + (f" since {since}" if since else ""))
        taken = sorted({c.day.isoformat() for c in kept} & set(archive.ids()))
        if taken:
            exc = ImportFailed(f"{archive.display}/ already has version(s) {', '.join(taken)}; "
                               "released versions are never overwritten")
            exc.hint = "use --since to import only later commits, or import into a project without those versions"
            raise exc
        existing = archive.latest()
        previous = existing if existing is not None and existing.last_updated < kept[0].day else None
        old_notice = archive.load(previous.id) if previous is not None else None
        for candidate in kept:
            version = _version(candidate, previous, _findings(project, old_notice, candidate.notice, previous))
            archive.release(candidate.notice, version)
            result.versions.append(version)
            previous, old_notice = version, candidate.notice
        latest = kept[-1]
        result.warnings += latest.warnings
        newer = [v for v in archive.ids() if v > latest.day.isoformat()]
        if newer:
            result.warnings.append(
                f"{archive.display}/ has versions newer than the imported history ({', '.join(newer)}); "
                f"{project.settings.notice_dir}/ was left as it was"
            )
        else:
            staging = Path(tmp) / "working-copy"
            write_folder(staging, latest.files)
            replace_folder(staging, project.notice_dir)
    return result


def _path_in_repo(repo: Path, path: str) -> str:
    root = git.toplevel(repo)
    if root is None:
        raise ImportFailed(f"{repo} is not a git repository (or has no working tree)")
    full = Path(path) if Path(path).is_absolute() else repo / path
    try:
        rel = full.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise ImportFailed(f"'{path}' is not inside the repository {root}") from None
    if rel in ("", "."):
        raise ImportFailed("give the notice's path inside the repository (a file or a notice folder), not its root")
    return rel


def _plan(
    repo: Path,
    rel: str,
    history: list[tuple[Commit, dict[str, bytes]]],
    since: date | None,
    tmp: Path,
    project: Project,
    result: HistoryImport,
) -> tuple[list[_Candidate], list[Problem]]:
    """Convert every commit, drop the ones that change nothing, settle each version's date."""
    kept: list[_Candidate] = []
    problems: list[Problem] = []
    for number, (commit, files) in enumerate(history):
        if since is not None and commit.date.date() < since:
            result.skipped.append(SkippedCommit(commit.sha, commit.date.date(), f"before --since {since}"))
            continue
        folder = tmp / f"{number:04d}-{commit.short}"
        candidate = _candidate(repo, rel, commit, files, folder, project, problems)
        if candidate is None:
            continue
        last = kept[-1] if kept else None
        if last is not None and candidate.key == last.key:
            reason = "no change to the text" if candidate.day == last.day else "only the date changed, not the text"
            result.skipped.append(SkippedCommit(commit.sha, commit.date.date(), reason))
            continue
        if last is not None and candidate.day < last.day:
            commit_day = commit.date.date()
            if commit_day > last.day and not candidate.dated_by_commit:
                result.warnings.append(
                    f"commit {commit.short} dates the notice {candidate.day}, before the version it follows "
                    f"({last.day}); it was dated by its commit instead ({commit_day})"
                )
                candidate = _redated(candidate, commit_day, folder, project, problems)
                if candidate is None:
                    continue
            else:
                result.warnings.append(
                    f"commit {commit.short} dates the notice {candidate.day}, before the version it follows "
                    f"({last.day}); its text was kept for {last.day}"
                )
                candidate = _redated(candidate, last.day, folder, project, problems)
                if candidate is None:
                    continue
        if last is not None and candidate.day == last.day:
            result.warnings.append(
                f"commits {last.commit.short} and {commit.short} both give the date {candidate.day}; a version "
                f"id is unique, so version {candidate.day} has the text of the later commit ({commit.short})"
            )
            result.skipped.append(
                SkippedCommit(last.commit.sha, last.commit.date.date(), f"replaced by {commit.short} (same date)")
            )
            kept[-1] = candidate
            continue
        if candidate.dated_by_commit:
            result.warnings.append(
                f"commit {commit.short}: the document states no 'Last updated' date; "
                f"dated by the commit ({candidate.day})"
            )
        kept.append(candidate)
    for candidate in kept:
        for problem in folder_problems(candidate.notice.root or tmp, f"commit {candidate.commit.short}", project):
            if problem.severity == "error":
                problems.append(problem)
    return kept, problems


def _candidate(
    repo: Path,
    rel: str,
    commit: Commit,
    files: dict[str, bytes],
    folder: Path,
    project: Project,
    problems: list[Problem],
) -> _Candidate | None:
    shown = f"commit {commit.short}"
    is_folder = git.object_type(repo, commit.sha, rel) == "tree"
    warnings: list[str] = []
    dated_by_commit = False
    if is_folder:
        notice_files_ = {p: d for p, d in files.items() if not any(part.startswith(".") for part in p.split("/"))}
    else:
        data = files.get(PurePosixPath(rel).name, b"")
        try:
            draft, _ = convert(data, f"{rel} at {shown}")
        except ImportFailed as exc:
            problems.append(Problem(shown, 0, str(exc)))
            return None
        dated_by_commit = draft.last_updated is None and draft.effective is None
        draft, warnings = finish(draft, commit.date.date(), "used the commit date")
        warnings = [w for w in warnings if "no 'Last updated' date" not in w]
        notice_files_ = notice_files(draft)
    return _load(commit, notice_files_, folder, project, problems, dated_by_commit, warnings)


def _load(
    commit: Commit,
    files: dict[str, bytes],
    folder: Path,
    project: Project,
    problems: list[Problem],
    dated_by_commit: bool,
    warnings: list[str],
) -> _Candidate | None:
    shutil.rmtree(folder, ignore_errors=True)
    write_folder(folder, files)
    shown = f"commit {commit.short}"
    try:
        notice = load_notice(folder, display=shown)
    except ValidationError as exc:  # reported with every other commit's problems
        problems.extend(exc.problems)
        return None
    return _Candidate(commit, files, notice, _key(notice), dated_by_commit, warnings)


def _redated(
    candidate: _Candidate, day: date, folder: Path, project: Project, problems: list[Problem]
) -> _Candidate | None:
    """The same text with ``last_updated`` (and a now-earlier ``effective``) set to ``day``."""
    index = candidate.files["index.md"].decode("utf-8")
    lines = index.split("\n")
    meta = candidate.notice.meta
    out = []
    for line in lines:
        if line.startswith("last_updated:"):
            line = f"last_updated: {day.isoformat()}"
        elif line.startswith("effective:") and meta.effective <= day:
            continue
        out.append(line)
    files = {**candidate.files, "index.md": "\n".join(out).encode("utf-8")}
    redone = _load(candidate.commit, files, folder, project, problems, candidate.dated_by_commit, candidate.warnings)
    return redone


def _key(notice: Notice) -> tuple[object, ...]:
    def words(text: str) -> tuple[str, ...]:
        return tuple(text.split())

    return (
        words(notice.meta.title),
        words(notice.intro),
        tuple((s.id, words(s.title), words(s.summary), words(s.body)) for s in notice.sections),
    )


def _version(candidate: _Candidate, previous: Version | None, findings: tuple[Mapping[str, Any], ...]) -> Version:
    meta = candidate.notice.meta
    return Version(
        id=meta.last_updated.isoformat(),
        title=meta.title,
        last_updated=meta.last_updated,
        effective=meta.effective,
        announced=meta.announced,
        files={p: sha256(d) for p, d in candidate.notice.files.items()},
        commit=candidate.commit.sha,
        change_summary=meta.change_summary,
        material=None,  # history is recorded as it happened, not judged again
        material_declared=meta.material,
        material_reason=meta.material_reason,
        findings=findings,
        baseline=previous.id if previous else None,
    )


def _findings(
    project: Project, old: Notice | None, new: Notice, previous: Version | None
) -> tuple[Mapping[str, Any], ...]:
    """What the material-change detector says about each imported change, for the record (when available)."""
    if old is None or previous is None:
        return ()
    try:
        from noticekit.classify import detect
        from noticekit.diff import compare_notices
    except ImportError:
        return ()
    diff = compare_notices(old, new, previous.id, new.meta.last_updated.isoformat())
    return tuple(f.to_json() for f in detect(diff, project.material_config()))
