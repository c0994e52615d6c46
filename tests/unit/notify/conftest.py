"""A tmp project with two released versions: the first, and a material change announced in advance."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticekit.load.loader import load_notice
from noticekit.model import Notice
from noticekit.project import Project
from noticekit.versions.archive import Archive
from noticekit.versions.version import Version, sha256
from tests.conftest import section, write

FIRST = "2026-05-01"
SECOND = "2026-11-16"
FINDING = {
    "rule": "new-purpose",
    "category": "new_purpose",
    "section": "ai-training",
    "message": "A new purpose: training AI models",
    "before": "",
    "after": "We use your messages to train our AI models.",
}


def _notice(folder: Path, index: str, sections: dict[str, str]) -> Notice:
    write(folder / "index.md", index)
    for rel, text in sections.items():
        write(folder / rel, text)
    return load_notice(folder)


def _version(notice: Notice, **extra: object) -> Version:
    meta = notice.meta
    return Version(
        id=meta.last_updated.isoformat(),
        title=meta.title,
        last_updated=meta.last_updated,
        effective=meta.effective,
        announced=meta.announced,
        files={p: sha256(d) for p, d in notice.files.items()},
        change_summary=meta.change_summary,
        **extra,  # type: ignore[arg-type]
    )


def release_first(root: Path) -> None:
    notice = _notice(
        root / "src-1",
        f"---\ntitle: Privacy Notice of Example Co\nlast_updated: {FIRST}\n---\nHow Example Co handles data.\n",
        {
            "sections/01-what-we-collect.md": section("what-we-collect", "What we collect", "Your name."),
            "sections/02-sharing.md": section("sharing", "Sharing", "We share nothing."),
        },
    )
    Archive(root / "versions").release(notice, _version(notice))


def release_second(root: Path) -> None:
    notice = _notice(
        root / "src-2",
        f"---\ntitle: Privacy Notice of Example Co\nlast_updated: {SECOND}\neffective: 2026-12-21\n"
        f"announced: {SECOND}\nchange_summary: We will use your messages to train our AI models.\n---\n"
        "How Example Co handles data.\n",
        {
            "sections/01-what-we-collect.md": section("what-we-collect", "What we collect", "Your name."),
            "sections/02-sharing.md": section("sharing", "Sharing", "We share nothing."),
            "sections/03-ai-training.md": section(
                "ai-training", "AI training", "We use your messages to train our AI models."
            ),
        },
    )
    version = _version(notice, material=True, findings=(FINDING,), baseline=FIRST)
    Archive(root / "versions").release(notice, version)


@pytest.fixture
def project_root(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    release_first(root)
    release_second(root)
    write(root / "noticekit.yml", "organisation: Example Co <privacy@example.com>\nsite_url: https://example.com/privacy/\n")
    return root


@pytest.fixture
def project(project_root: Path) -> Project:
    return Project.load(project_root)
