"""Build diffs for classifier tests: the real word diff when it exists, a difflib stand-in until then."""

from __future__ import annotations

import difflib
import re
import textwrap

from noticekit.classify import Finding, MaterialConfig, detect
from noticekit.diff.model import NoticeDiff, SectionDiff, WordOps

try:  # the diff stage is written in parallel; use it as soon as it exists
    from noticekit.diff import word_diff as _word_diff  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on the state of the tree
    _word_diff = None

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


def word_ops(old: str, new: str) -> WordOps:
    """Word-level ops rebuilding ``old`` (equal+delete) and ``new`` (equal+insert)."""
    if _word_diff is not None:
        return tuple(_word_diff(old, new))
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    ops: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            ops.append(("delete", "".join(a[i1:i2])))
        if j2 > j1:
            ops.append(("insert", "".join(b[j1:j2])))
    return tuple(ops)  # type: ignore[return-value]


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


def findings_for(old: str, new: str, config: MaterialConfig | None = None, **kwargs: str) -> list[Finding]:
    return detect(notice_diff(section_diff(old, new, **kwargs)), config or MaterialConfig())


def categories(old: str, new: str, **kwargs: str) -> set[str]:
    return {f.category for f in findings_for(old, new, **kwargs)}
