"""Shared fixtures: notice folders written into tmp paths, and the example projects."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


INDEX = """
---
title: Privacy Notice of Example Co
last_updated: 2022-04-04
---
This notice explains how Example Co handles personal information.
"""


def section(section_id: str, title: str, body: str, summary: str | None = None, extra: str = "") -> str:
    summary = summary or f"What you will find about {title.lower()}."
    return f"---\nid: {section_id}\ntitle: {title}\nsummary: {summary}\n{extra}---\n{textwrap.dedent(body).strip()}\n"


@pytest.fixture
def make_notice(tmp_path: Path) -> Callable[..., Path]:
    """Write a valid three-section notice into tmp_path/notice, with optional file overrides."""

    def make(files: dict[str, str | bytes | None] | None = None, folder: str = "notice") -> Path:
        root = tmp_path / folder
        base: dict[str, str | bytes | None] = {
            "index.md": INDEX,
            "sections/01-what-we-collect.md": section(
                "what-we-collect", "What we collect", "### Information you share directly\n\nYour name and email."
            ),
            "sections/02-sharing.md": section(
                "sharing", "Sharing", "### Information you share directly\n\nWe share your email with our mailer."
            ),
            "sections/03-your-rights.md": section(
                "your-rights", "Your rights", "You can ask for a copy. See [sharing](#sharing)."
            ),
        }
        base.update(files or {})
        for rel, text in base.items():
            if text is not None:
                write(root / rel, text)
        return root

    return make


@pytest.fixture
def example_project(tmp_path: Path) -> Path:
    """A copy of the repository's example project (mkdocs.yml, hooks, notice, versions)."""
    target = tmp_path / "project"
    target.mkdir()
    for name in ("mkdocs.yml", "noticekit.yml"):
        if (REPO / name).exists():
            shutil.copy(REPO / name, target / name)
    for name in ("hooks", "notice", "versions", "templates"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    return target
