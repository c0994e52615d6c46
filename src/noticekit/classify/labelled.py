"""Labelled edits (``eval/*_edits.yaml``): one section before and after an edit, and whether it is material.

The benchmark measures the detector on them and the training script fits the learned net to them; both
turn an edit into the same two one-section notices, so what is measured is what is trained.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from noticekit.diff import NoticeDiff, compare_notices
from noticekit.model import Notice, NoticeMeta, Section

_BEFORE, _AFTER = date(2024, 1, 1), date(2024, 6, 1)


@dataclass(frozen=True)
class LabelledEdit:
    id: str
    category: str
    material: bool
    section_title: str
    before: str
    after: str
    style: str = "-"

    @classmethod
    def from_mapping(cls, case: Mapping[str, Any]) -> LabelledEdit:
        """One case of a set, as written in YAML (missing text is empty, a missing title is "Section")."""
        return cls(
            str(case.get("id", "")),
            str(case.get("category", "?")),
            bool(case.get("material")),
            str(case.get("section_title") or "Section"),
            str(case.get("before") or ""),
            str(case.get("after") or ""),
            str(case.get("style", "-")),
        )


def load_edits(path: Path) -> list[LabelledEdit]:
    """The edits of one YAML set (a list of mappings, or a mapping with ``cases``)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if isinstance(data, dict):
        data = data.get("cases") or data.get("edits") or []
    return [LabelledEdit.from_mapping(case) for case in data]


def digest(path: Path) -> str:
    """SHA-256 of a set's file, recorded with a model trained on it."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def edit_diff(edit: LabelledEdit) -> NoticeDiff:
    """The edit as the diff between two notices of one section."""
    old = _notice(edit.section_title, edit.before, _BEFORE)
    new = _notice(edit.section_title, edit.after, _AFTER)
    return compare_notices(old, new, _BEFORE.isoformat(), _AFTER.isoformat())


def _notice(title: str, body: str, day: date) -> Notice:
    section_id = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "section"
    section = Section(section_id, title, "Summary.", body, f"sections/01-{section_id}.md")
    return Notice(NoticeMeta("Privacy notice", day, day), "", (section,))
