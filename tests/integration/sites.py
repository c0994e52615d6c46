"""Helpers to build real sites with MkDocs in a subprocess and read their pages."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[2]


def make_project(target: Path, notice: Path | None = None, versions: Path | None = None) -> Path:
    """A project in ``target`` using the repository's mkdocs.yml and hooks, with the given notice/versions."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "hooks", target / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(notice or REPO / "notice", target / "notice")
    if versions is not None:
        shutil.copytree(versions, target / "versions")
    elif notice is None:
        shutil.copytree(REPO / "versions", target / "versions")
    if notice is None and (REPO / "noticekit.yml").exists():
        shutil.copy(REPO / "noticekit.yml", target / "noticekit.yml")
    return target


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path

    def page(self, url: str) -> BeautifulSoup:
        path = self.site / url / "index.html" if not url.endswith(".html") else self.site / url
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def json(self, name: str) -> dict:
        return json.loads((self.site / name).read_text(encoding="utf-8"))


def build(project: Path, as_of: str | None = "2026-11-29", site: Path | None = None, **env: str) -> BuildResult:
    site = site or project / "site"
    environ = {k: v for k, v in os.environ.items() if k not in ("NOTICE_AS_OF", "SOURCE_DATE_EPOCH")}
    if as_of:
        environ["NOTICE_AS_OF"] = as_of
    environ.update(env)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=project,
        env=environ,
        capture_output=True,
        text=True,
    )
    return BuildResult(result.returncode, result.stdout + result.stderr, site)


def notice_cli(project: Path, *args: str, as_of: str | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("NOTICE_AS_OF", "SOURCE_DATE_EPOCH")}
    if as_of:
        environ["NOTICE_AS_OF"] = as_of
    return subprocess.run(
        [sys.executable, "-m", "noticekit.cli", "-C", str(project), *args],
        env=environ,
        capture_output=True,
        text=True,
    )
