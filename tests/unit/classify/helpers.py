"""Build section and notice diffs for classifier tests with the diff stage's own word diff."""

from __future__ import annotations

import textwrap

from noticekit.classify import Finding, MaterialConfig, detect
from noticekit.diff import word_diff
from noticekit.diff.model import NoticeDiff, SectionDiff, WordOps


def word_ops(old: str, new: str) -> WordOps:
    """Word-level ops rebuilding ``old`` (equal+delete) and ``new`` (equal+insert): the diff stage's own."""
    return word_diff(old, new)


def body(text: str) -> str:
    return textwrap.dedent(text).strip("\n") + "\n"


def section_diff(
    old: str,
    new: str,
    *,
    title: str = "About your information",
    section_id: str = "about",
    sensitivity: str = "normal",
    new_title: str | None = None,
) -> SectionDiff:
    old, new = body(old), body(new)
    status = "unchanged" if old == new else "modified"
    return SectionDiff(
        section_id,
        status,  # type: ignore[arg-type]
        title,
        new_title or title,
        old_summary="Summary.",
        new_summary="Summary.",
        old_index=0,
        new_index=0,
        ops=word_ops(old, new),
        old_body=old,
        new_body=new,
        sensitivity=sensitivity,  # type: ignore[arg-type]
    )


def notice_diff(*sections: SectionDiff, intro_ops: WordOps = ()) -> NoticeDiff:
    return NoticeDiff("2024-01-01", "2024-06-01", tuple(sections), intro_ops=intro_ops)


RULES_ONLY = MaterialConfig(learned=False)
"""The hand-written rules on their own: these helpers test rules; the learned net has ``test_learned.py``."""


def findings_for(old: str, new: str, config: MaterialConfig | None = None, **kwargs: str) -> list[Finding]:
    return detect(notice_diff(section_diff(old, new, **kwargs)), config or RULES_ONLY)


def categories(old: str, new: str, **kwargs: str) -> set[str]:
    return {f.category for f in findings_for(old, new, **kwargs)}


def assert_flagged(old: str, new: str, category: str, title: str) -> None:
    """The edit yields a finding of ``category`` (other findings may come with it)."""
    found = {f.category for f in findings_for(old, new, title=title)}
    assert category in found, f"expected {category}, got {found or 'nothing'}"


def assert_silent(old: str, new: str, title: str) -> None:
    """The edit yields no finding at all."""
    found = findings_for(old, new, title=title)
    assert found == [], "\n".join(str(f) for f in found)
