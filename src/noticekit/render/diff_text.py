"""Plain-text rendering of a diff, for the terminal.

Without colour, insertions are written ``{+…+}`` and deletions ``[-…-]`` (git's ``--word-diff=plain``
markers); with colour, green and red with underline and strike-through (so the change is not shown
by colour alone where the terminal supports those) and no markers. A marker never spans a line
break, so every line reads on its own, and ``less -R`` keeps colours right.
"""

from __future__ import annotations

from noticekit.diff.model import NoticeDiff, SectionDiff, WordOps

_PLAIN = {"insert": ("{+", "+}"), "delete": ("[-", "-]")}
_COLOR = {"insert": ("\x1b[4;32m", "\x1b[0m"), "delete": ("\x1b[9;31m", "\x1b[0m")}
_BOLD = ("\x1b[1m", "\x1b[0m")
_DATE_LABELS = {"last_updated": "Last updated", "effective": "Effective", "announced": "Announced"}


def render_text(diff: NoticeDiff, color: bool = False, *, context: int | None = 1) -> str:
    """The whole diff as text; ``context`` unchanged lines around each change (None: whole sections)."""
    marks = _COLOR if color else _PLAIN

    def bold(text: str) -> str:
        return f"{_BOLD[0]}{text}{_BOLD[1]}" if color else text

    out = [bold(f"Changes from {diff.old_id} to {diff.new_id}")]
    if not diff.changed and not diff.date_changes:
        return out[0] + "\nNo changes.\n"
    stats = diff.stats
    counts = ", ".join(stats.section_counts(unchanged=True))
    out.append(f"Sections: {counts}; {stats.words_inserted} words inserted, {stats.words_deleted} deleted")
    if diff.title_change:
        out.append(f"Title: {_inline(diff.title_ops, marks)}")
    for change in diff.date_changes:
        label = _DATE_LABELS.get(change.field, change.field)
        out.append(f"{label}: {change.old or 'none'} -> {change.new or 'none'}")
    if diff.intro_ops:
        out += ["", bold("== Introduction (modified) =="), _redline(diff.intro_ops, marks, context)]
    for s in diff.sections:
        if not s.changed:
            continue
        out += ["", bold(f"== {_title(s)} ({', '.join(s.labels)}) ==")]
        if s.retitled:
            out.append(f"Title: {_inline(s.title_ops, marks)}")
        if s.moved and s.old_index is not None and s.new_index is not None:
            out.append(f"Moved: now section {s.new_index + 1}, was {s.old_index + 1}")
        if s.summary_changed:
            out.append(f"Summary: {_inline(s.summary_ops, marks)}")
        if s.status != "unchanged":
            out.append(_redline(s.ops, marks, None if s.status != "modified" else context))
    return "\n".join(out).rstrip("\n") + "\n"


def _title(s: SectionDiff) -> str:
    return s.new_title or s.old_title or s.id


def _inline(ops: WordOps, marks: dict[str, tuple[str, str]]) -> str:
    return "".join(_mark(op, text.replace("\n", " "), marks) for op, text in ops)


def _mark(op: str, text: str, marks: dict[str, tuple[str, str]]) -> str:
    if op == "equal" or not text:
        return text
    open_mark, close_mark = marks[op]
    return f"{open_mark}{text}{close_mark}"


def _redline(ops: WordOps, marks: dict[str, tuple[str, str]], context: int | None) -> str:
    """Lines of the merged text with marked changes; only changed lines and their context if asked."""
    lines: list[list[str]] = [[]]
    changed: list[bool] = [False]
    for op, text in ops:
        for k, part in enumerate(text.split("\n")):
            if k:
                lines.append([])
                changed.append(op != "equal")
            if part:
                lines[-1].append(_mark(op, part, marks))
                changed[-1] = changed[-1] or op != "equal"
    rendered = ["".join(parts) for parts in lines]
    if rendered and not rendered[-1]:
        rendered.pop()
        changed.pop()
    if context is None:
        return "\n".join(rendered)
    keep = [False] * len(rendered)
    for i, flag in enumerate(changed):
        if flag:
            for j in range(max(0, i - context), min(len(rendered), i + context + 1)):
                keep[j] = True
    out: list[str] = []
    for i, line in enumerate(rendered):
        if keep[i]:
            if out and not keep[i - 1]:
                out.append("…")
            out.append(line)
    if keep and not keep[0] and out:
        out.insert(0, "…")
    if keep and not keep[-1] and out:
        out.append("…")
    return "\n".join(out)
