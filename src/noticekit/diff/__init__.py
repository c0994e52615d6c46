"""Compare two notices: section alignment by stable id and word-level diffs of the Markdown source.

The result is plain data (``noticekit.diff.model``); the renderers in ``noticekit.render.diff_*``
format it and the material-change classifier reads it.
"""

from __future__ import annotations

from noticekit.diff.model import (
    DateChange,
    DiffStats,
    FileDiff,
    NoticeDiff,
    Op,
    SectionDiff,
    SectionStatus,
    WordOps,
    new_text,
    old_text,
)
from noticekit.diff.sections import compare_notices
from noticekit.diff.words import tokenize, word_diff

__all__ = [
    "DateChange",
    "DiffStats",
    "FileDiff",
    "NoticeDiff",
    "Op",
    "SectionDiff",
    "SectionStatus",
    "WordOps",
    "compare_notices",
    "new_text",
    "old_text",
    "tokenize",
    "word_diff",
]
