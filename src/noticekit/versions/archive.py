"""The archive of released versions (``versions/<id>/``): listing, loading, integrity, atomic release.

A released version is a legal record, so this module never modifies one: a release writes a new
folder under a hidden staging name and renames it into place only once every byte is on disk.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from functools import cached_property
from pathlib import Path

from noticekit.errors import IntegrityError, ReleaseRefused, VersionNotFound
from noticekit.load.loader import load_notice
from noticekit.model import Notice, Problem
from noticekit.versions import git
from noticekit.versions.version import MANIFEST, Version, sha256

VERSION_ID = re.compile(r"^\d{4}-\d{2}-\d{2}$")
STAGING_PREFIX = ".staging-"


class Archive:
    """The ``versions/`` folder of a project. ``display`` is how its path is shown in messages."""

    def __init__(self, folder: Path, display: str = "versions") -> None:
        self.folder = folder
        self.display = display
        self._loaded: dict[str, Notice] = {}

    def ids(self) -> list[str]:
        """Version ids, oldest first (hidden staging folders are not versions)."""
        if not self.folder.is_dir():
            return []
        return sorted(p.name for p in self.folder.iterdir() if p.is_dir() and VERSION_ID.match(p.name))

    @cached_property
    def _versions(self) -> dict[str, Version]:
        found: dict[str, Version] = {}
        problems: list[Problem] = []
        for version_id in self.ids():
            version, problem = self._read_manifest(version_id)
            if problem:
                problems.append(problem)
            elif version is not None:
                found[version_id] = version
        if problems:
            raise IntegrityError("\n".join(str(p) for p in problems))
        return found

    def versions(self) -> list[Version]:
        """Every version, oldest first; raises ``IntegrityError`` when a manifest is unreadable."""
        return list(self._versions.values())

    def latest(self) -> Version | None:
        versions = self.versions()
        return versions[-1] if versions else None

    def version(self, version_id: str) -> Version:
        if version_id not in self._versions:
            known = ", ".join(self.ids()) or "none yet"
            raise VersionNotFound(f"no version '{version_id}' in {self.display}/ (versions: {known})")
        return self._versions[version_id]

    def load(self, version_id: str) -> Notice:
        """The version's notice; loaded once per ``Archive`` (a released version never changes)."""
        self.version(version_id)
        if version_id not in self._loaded:
            self._loaded[version_id] = load_notice(self.folder / version_id, display=f"{self.display}/{version_id}")
        return self._loaded[version_id]

    # Integrity ---------------------------------------------------------------------------------

    def _read_manifest(self, version_id: str) -> tuple[Version | None, Problem | None]:
        path = self.folder / version_id / MANIFEST
        shown = f"{self.display}/{version_id}/{MANIFEST}"
        if not path.is_file():
            return None, Problem(shown, 1, "missing manifest: this folder is not a released version")
        try:
            version = Version.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            return None, Problem(shown, 1, f"unreadable manifest: {exc}")
        if version.id != version_id:
            return None, Problem(shown, 1, f"manifest says version '{version.id}' but the folder is '{version_id}'")
        return version, None

    def verify(self) -> list[Problem]:
        """Every difference between each version's files and its manifest, plus git provenance problems."""
        problems: list[Problem] = []
        for version_id in self.ids():
            version, problem = self._read_manifest(version_id)
            if problem or version is None:
                problems.append(problem or Problem(version_id, 1, "unreadable"))
                continue
            folder = self.folder / version_id
            # Hidden files are ignored here exactly as the loader ignores them: they are never published.
            on_disk = {
                rel: p
                for p in folder.rglob("*")
                if p.is_file()
                and (rel := p.relative_to(folder).as_posix()) != MANIFEST
                and not any(part.startswith(".") for part in rel.split("/"))
            }
            for rel, digest in sorted(version.files.items()):
                shown = f"{self.display}/{version_id}/{rel}"
                if rel not in on_disk:
                    problems.append(Problem(shown, 1, f"file of released version {version_id} is missing"))
                elif sha256(on_disk[rel].read_bytes()) != digest:
                    problems.append(
                        Problem(
                            shown,
                            1,
                            f"file of released version {version_id} was changed after release "
                            "(its SHA-256 no longer matches the manifest); restore it from git",
                        )
                    )
            for rel in sorted(set(on_disk) - set(version.files)):
                problems.append(
                    Problem(
                        f"{self.display}/{version_id}/{rel}",
                        1,
                        f"file added to released version {version_id} after release",
                    )
                )
            problems.extend(self._provenance(version_id))
        return problems

    def _provenance(self, version_id: str) -> list[Problem]:
        """A released version is written once: any commit after the one that added it is tampering."""
        commits = git.commits_touching(self.folder, self.folder / version_id)
        problems = []
        for commit in commits[:-1]:  # newest first; the last one added the version
            for rel in git.files_changed(self.folder, commit.sha, self.folder / version_id) or ["(folder)"]:
                problems.append(
                    Problem(
                        f"{self.display}/{version_id}/{rel}",
                        1,
                        f"released version {version_id} was changed by commit {commit.short} "
                        f'({commit.date:%Y-%m-%d}, "{commit.subject}") after it was released',
                    )
                )
        return problems

    def stale_staging(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.iterdir() if p.name.startswith(STAGING_PREFIX))

    # Release -----------------------------------------------------------------------------------

    def release(self, notice: Notice, version: Version) -> Path:
        """Write ``notice`` as ``version`` atomically; raise ``ReleaseRefused`` if it already exists."""
        target = self.folder / version.id
        if target.exists():
            raise ReleaseRefused(
                f"version {version.id} already exists in {self.display}/; released versions are never overwritten",
                hint="change 'last_updated' in the working copy to today's date, then release again",
            )
        self.folder.mkdir(parents=True, exist_ok=True)
        for stale in self.stale_staging():  # left by a release that was killed midway
            shutil.rmtree(stale, ignore_errors=True)
        staging = self.folder / f"{STAGING_PREFIX}{version.id}-{os.getpid()}"
        try:
            for rel, data in sorted(notice.files.items()):
                _write_file(staging / rel, data)
            _write_file(staging / MANIFEST, version.to_bytes())
            _fsync_dir(staging)
            os.rename(staging, target)
            _fsync_dir(self.folder)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
        self.__dict__.pop("_versions", None)
        self._loaded.clear()
        return target


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
