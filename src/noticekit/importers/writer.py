"""Write a finished ``Draft`` as the files of a notice folder (``index.md`` + ``sections/NN-<id>.md``).

Output is deterministic (same draft, same bytes), so that importing the same text twice gives the same
version fingerprint, and front-matter values are quoted by YAML itself whenever they need it.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import yaml

from noticekit.importers.draft import Draft


def scalar(value: object) -> str:
    """One YAML scalar on one line: quoted when plain text would be read as something else."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    text = " ".join(str(value).split())
    dumped = yaml.safe_dump(text, allow_unicode=True, width=float("inf"), default_flow_style=True)
    return dumped.removesuffix("\n...\n").removesuffix("\n")


def _front_matter(pairs: list[tuple[str, object]]) -> str:
    lines = [f"{key}: {scalar(value)}" for key, value in pairs if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\n"


def notice_files(draft: Draft) -> dict[str, bytes]:
    """The notice folder's files by relative path. ``draft`` must be finished (``draft.finish``)."""
    if draft.last_updated is None:
        raise ValueError("an unfinished draft has no last_updated date")
    index = _front_matter(
        [
            ("title", draft.title),
            ("last_updated", draft.last_updated),
            ("effective", draft.effective),
            ("announced", draft.announced),
            ("change_summary", draft.change_summary),
            ("material", draft.material),
            ("material_reason", draft.material_reason),
        ]
    )
    intro = draft.intro.strip()
    files = {"index.md": (index + (intro + "\n" if intro else "")).encode("utf-8")}
    width = max(2, len(str(len(draft.sections))))
    for number, section in enumerate(draft.sections, start=1):
        head = _front_matter([("id", section.id), ("title", section.title), ("summary", section.summary)])
        body = section.body.strip() + "\n"
        files[f"sections/{number:0{width}d}-{section.id}.md"] = (head + body).encode("utf-8")
    return files


def write_folder(folder: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` into a new folder ``folder`` (which must not exist)."""
    folder.mkdir(parents=True)
    for rel, data in sorted(files.items()):
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def replace_folder(staging: Path, target: Path) -> None:
    """Put ``staging`` in the place of ``target`` (removing what was there), by rename."""
    if target.exists():
        old = target.with_name(f".{target.name}.replaced-{os.getpid()}")
        os.rename(target, old)
        os.rename(staging, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.rename(staging, target)


def is_empty_folder(folder: Path) -> bool:
    """True when ``folder`` is missing or holds no visible file (hidden files are not part of a notice)."""
    if not folder.exists():
        return True
    return not any(
        p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts) for p in folder.rglob("*")
    )
