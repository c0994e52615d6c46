"""The diff as plain data. Renderers and the material-change classifier read only these types.

A word diff is a tuple of ``(op, text)`` pairs, ``op`` in ``equal``/``insert``/``delete``, such that
the ``equal`` + ``delete`` texts rebuild the old text and ``equal`` + ``insert`` the new one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Op = Literal["equal", "insert", "delete"]
WordOps = tuple[tuple[Op, str], ...]
SectionStatus = Literal["added", "removed", "modified", "unchanged"]


def old_text(ops: WordOps) -> str:
    """Rebuild the old side of a word diff."""
    return "".join(text for op, text in ops if op != "insert")


def new_text(ops: WordOps) -> str:
    """Rebuild the new side of a word diff."""
    return "".join(text for op, text in ops if op != "delete")


@dataclass(frozen=True)
class SectionDiff:
    """How one section (matched by its stable id) changed between two versions."""

    id: str
    status: SectionStatus
    """``modified`` means the body changed; title/summary changes are flagged separately."""
    old_title: str | None
    new_title: str | None
    old_summary: str | None = None
    new_summary: str | None = None
    old_index: int | None = None
    """Position in the old notice (0-based), None when added."""
    new_index: int | None = None
    moved: bool = False
    """The section's order relative to the other common sections changed."""
    ops: WordOps = ()
    """Word diff of the Markdown body; set for ``modified`` (and whole-body ops for added/removed)."""
    old_body: str = ""
    new_body: str = ""
    sensitivity: Literal["normal", "high"] = "normal"
    """Of the new side (or the old one for a removed section)."""
    old_path: str | None = None
    """Source file relative to the notice folder on the old side, e.g. ``sections/03-sharing.md``."""
    new_path: str | None = None
    title_ops: WordOps = ()
    """Word diff of the title when it changed (``retitled``), else empty."""
    summary_ops: WordOps = ()
    """Word diff of the summary when it changed (``summary_changed``), else empty."""

    @property
    def retitled(self) -> bool:
        return self.old_title is not None and self.new_title is not None and self.old_title != self.new_title

    @property
    def summary_changed(self) -> bool:
        return self.old_summary is not None and self.new_summary is not None and self.old_summary != self.new_summary

    @property
    def changed(self) -> bool:
        """Anything about the section changed: body, place, title or summary."""
        return self.status != "unchanged" or self.moved or self.retitled or self.summary_changed

    @property
    def labels(self) -> tuple[str, ...]:
        """What changed, in words, e.g. ``("modified", "moved", "summary changed")``."""
        flags = ((self.moved, "moved"), (self.retitled, "retitled"), (self.summary_changed, "summary changed"))
        status = () if self.status == "unchanged" else (self.status,)
        return status + tuple(label for flag, label in flags if flag)

    @property
    def words_inserted(self) -> int:
        return sum(len(text.split()) for op, text in self.ops if op == "insert")

    @property
    def words_deleted(self) -> int:
        return sum(len(text.split()) for op, text in self.ops if op == "delete")


@dataclass(frozen=True)
class FileDiff:
    """The Markdown source of one file on both sides, paired by section id, for line-based renderers."""

    old_path: str | None
    """Relative to the notice folder (``index.md``, ``sections/03-sharing.md``); None when added."""
    new_path: str | None
    """None when the section was removed; differs from ``old_path`` when the file was renumbered."""
    old_text: str
    new_text: str


@dataclass(frozen=True)
class DiffStats:
    """Counts shown at the top of every rendering, computed once so all renderers agree."""

    added: int
    removed: int
    modified: int
    moved: int
    retitled: int
    summaries_changed: int
    unchanged: int
    """Sections in which nothing at all changed (body, title, summary, place)."""
    words_inserted: int
    """In modified sections' bodies (added and removed sections are counted as sections)."""
    words_deleted: int

    def section_counts(self, *, unchanged: bool = False) -> list[str]:
        """Non-zero section counts in reading order, e.g. ``["2 modified", "1 added"]``."""
        counts = [
            (self.modified, "modified"),
            (self.added, "added"),
            (self.removed, "removed"),
            (self.moved, "moved"),
            (self.retitled, "retitled"),
            (self.summaries_changed, "with a new summary"),
        ]
        if unchanged:
            counts.append((self.unchanged, "unchanged"))
        return [f"{n} {label}" for n, label in counts if n]


@dataclass(frozen=True)
class DateChange:
    field: str
    """``last_updated``, ``effective`` or ``announced``."""
    old: str | None
    new: str | None


@dataclass(frozen=True)
class NoticeDiff:
    """Everything that changed between two notices."""

    old_id: str
    new_id: str
    sections: tuple[SectionDiff, ...]
    """In new order, with removed sections placed where they stood in the old order."""
    title_change: tuple[str, str] | None = None
    """``(old, new)`` notice title when it changed."""
    intro_ops: WordOps = ()
    """Word diff of the introduction (empty when unchanged)."""
    date_changes: tuple[DateChange, ...] = field(default=())
    title_ops: WordOps = ()
    """Word diff of the notice title when it changed."""
    files: tuple[FileDiff, ...] = field(default=(), repr=False)
    """Source files whose text differs (front matter included), for the unified-diff renderer."""

    @property
    def changed(self) -> bool:
        return bool(self.title_change or self.intro_ops or any(s.changed for s in self.sections))

    def by_status(self, status: SectionStatus) -> list[SectionDiff]:
        return [s for s in self.sections if s.status == status]

    @property
    def stats(self) -> DiffStats:
        modified = self.by_status("modified")
        return DiffStats(
            added=len(self.by_status("added")),
            removed=len(self.by_status("removed")),
            modified=len(modified),
            moved=sum(s.moved for s in self.sections),
            retitled=sum(s.retitled for s in self.sections),
            summaries_changed=sum(s.summary_changed for s in self.sections),
            unchanged=sum(not s.changed for s in self.sections),
            words_inserted=sum(s.words_inserted for s in modified),
            words_deleted=sum(s.words_deleted for s in modified),
        )
