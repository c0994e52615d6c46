"""Every git operation Noticekit performs, behind one boundary.

Short functions, each raising ``GitError`` with git's own message. ``Repo`` objects are cached per
folder because opening one is the slow part.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

import git

from noticekit.errors import GitError


@dataclass(frozen=True)
class Commit:
    sha: str
    date: datetime
    subject: str

    @property
    def short(self) -> str:
        return self.sha[:10]


@lru_cache(maxsize=16)
def _repo(folder: str) -> git.Repo | None:
    try:
        return git.Repo(folder, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None


def find_repo(folder: Path) -> git.Repo | None:
    """The repository containing ``folder``, or None when it is not in one."""
    return _repo(str(folder.resolve()))


def head_commit(folder: Path) -> str | None:
    """SHA of HEAD for the repository holding ``folder``; None outside git or before the first commit."""
    repo = find_repo(folder)
    if repo is None:
        return None
    try:
        return repo.head.commit.hexsha
    except ValueError:  # an unborn branch: no commit yet
        return None


def commits_touching(folder: Path, path: Path) -> list[Commit]:
    """Commits that changed ``path`` (a file or folder), newest first."""
    repo = find_repo(folder)
    if repo is None:
        return []
    rel = path.resolve().relative_to(Path(repo.working_tree_dir or ".").resolve()).as_posix()
    try:
        out = repo.git.log("--format=%H%x00%ct%x00%s", "--", rel)
    except git.GitCommandError as exc:
        if "does not have any commits" in str(exc.stderr):
            return []
        raise GitError(f"git log failed for {rel}: {exc.stderr.strip()}") from None
    commits = []
    for line in out.splitlines():
        sha, stamp, subject = line.split("\x00", 2)
        commits.append(Commit(sha, datetime.fromtimestamp(int(stamp), UTC), subject))
    return commits


def files_changed(folder: Path, sha: str, path: Path) -> list[str]:
    """Paths under ``path`` (relative to it) changed by commit ``sha``."""
    repo = find_repo(folder)
    if repo is None:
        return []
    root = Path(repo.working_tree_dir or ".").resolve()
    rel = path.resolve().relative_to(root).as_posix()
    try:
        out = repo.git.show("--format=", "--name-only", sha, "--", rel)
    except git.GitCommandError as exc:
        raise GitError(f"git show failed for {sha}: {exc.stderr.strip()}") from None
    return [line.removeprefix(rel + "/") for line in out.splitlines() if line.strip()]


def file_history(repo_path: Path, path: str) -> list[tuple[Commit, dict[str, bytes]]]:
    """Oldest-first (commit, files) for every commit that changed ``path`` (a file or a folder).

    ``files`` maps paths relative to ``path`` (or the file's own name) to their content at that commit.
    """
    repo = _repo(str(repo_path.resolve()))
    if repo is None:
        raise GitError(f"{repo_path} is not a git repository")
    try:
        shas = repo.git.log("--format=%H%x00%ct%x00%s", "--reverse", "--", path).splitlines()
    except git.GitCommandError as exc:
        raise GitError(f"git log failed for {path}: {exc.stderr.strip()}") from None
    history = []
    for line in shas:
        sha, stamp, subject = line.split("\x00", 2)
        commit = repo.commit(sha)
        files: dict[str, bytes] = {}
        try:
            item = commit.tree / path
        except KeyError:
            continue  # the commit deleted it
        if item.type == "blob":
            files[Path(path).name] = item.data_stream.read()
        else:
            for blob in item.traverse():
                if blob.type == "blob":  # type: ignore[union-attr]
                    rel = Path(blob.path).relative_to(path).as_posix()  # type: ignore[union-attr]
                    files[rel] = blob.data_stream.read()  # type: ignore[union-attr]
        history.append((Commit(sha, datetime.fromtimestamp(int(stamp), UTC), subject), files))
    return history


def toplevel(folder: Path) -> Path | None:
    """The working tree root of the repository holding ``folder``; None outside git or in a bare one."""
    repo = find_repo(folder)
    if repo is None or repo.working_tree_dir is None:
        return None
    return Path(repo.working_tree_dir)


def object_type(repo_path: Path, sha: str, path: str) -> str | None:
    """``blob`` (a file) or ``tree`` (a folder) for ``path`` at commit ``sha``; None when it is not there."""
    repo = find_repo(repo_path)
    if repo is None:
        raise GitError(f"{repo_path} is not a git repository")
    try:
        return str(repo.git.cat_file("-t", f"{sha}:{path}")).strip() or None
    except git.GitCommandError:
        return None
