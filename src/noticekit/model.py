"""Plain data shared by every stage: a loaded notice, its sections, and the problems found in it.

These are the only types that cross stage boundaries (load -> version -> diff -> classify -> render),
so they stay small, frozen and free of behaviour beyond convenience accessors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located as precisely as we can."""

    file: str
    """Path as shown to the user (relative to the project root where possible)."""
    line: int
    """1-based line number; 0 when the problem concerns the whole file or folder."""
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"

    def to_json(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "message": self.message}


@dataclass(frozen=True)
class NoticeMeta:
    """Notice-level front matter of ``index.md`` after validation and normalisation."""

    title: str
    last_updated: date
    effective: date
    """Defaults to ``last_updated``; never earlier."""
    announced: date | None = None
    """When customers were told about this version (needed for material changes)."""
    material: bool | None = None
    """The editor's decision; ``None`` means "let the detector decide"."""
    material_reason: str | None = None
    """Why the editor overruled the detector; kept with the version."""
    change_summary: str | None = None
    """A plain-words summary of this update, shown in feeds, emails and the versions page."""


@dataclass(frozen=True)
class Section:
    """One top-level section (``sections/NN-<id>.md``)."""

    id: str
    """Stable slug: the HTML anchor, and the key that aligns sections across versions."""
    title: str
    summary: str
    """One paragraph shown in the contents table."""
    body: str
    """Markdown body (headings of level 3 and deeper)."""
    path: str
    """File path relative to the notice folder, e.g. ``sections/01-who-we-are.md``."""
    body_line: int = 1
    """Line of the file on which ``body`` starts, to map body offsets back to file lines."""
    sensitivity: Literal["normal", "high"] = "normal"
    """``high`` makes any substantive change in this section material."""


@dataclass(frozen=True)
class Notice:
    """A whole notice: the working copy or one released version."""

    meta: NoticeMeta
    intro: str
    """Markdown text of ``index.md`` after the front matter (before the contents table)."""
    sections: tuple[Section, ...]
    files: dict[str, bytes] = field(default_factory=dict, compare=False, repr=False)
    """Raw bytes of every source file by relative path, for hashing and archiving."""
    root: Path | None = field(default=None, compare=False)
    intro_line: int = 1
    """Line of ``index.md`` on which ``intro`` starts."""

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)
