"""Align two notices section by section (by stable id) and describe every change as plain data.

A section is matched across versions by its ``id``, never by its title or position, so a renamed
file (``03-sharing.md`` -> ``04-sharing.md``), a new title or a new place in the order is reported as
what it is, not as a removal plus an addition.

*Moved* means "its order relative to the other common sections changed". The common sections that
keep their relative order are a longest common subsequence of the two orders (with unique ids: a
longest increasing subsequence, O(n log n)); only the others are moved, so moving one section does
not mark every section it jumped over.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import yaml

from noticekit.diff.model import DateChange, FileDiff, NoticeDiff, SectionDiff, SectionStatus, WordOps
from noticekit.diff.words import word_diff
from noticekit.model import Notice, NoticeMeta, Section

DATE_FIELDS = ("last_updated", "effective", "announced")


def compare_notices(old: Notice, new: Notice, old_id: str, new_id: str) -> NoticeDiff:
    """Everything that changed from ``old`` (version ``old_id``) to ``new`` (version ``new_id``)."""
    return NoticeDiff(
        old_id=old_id,
        new_id=new_id,
        sections=align_sections(old.sections, new.sections),
        title_change=(old.meta.title, new.meta.title) if old.meta.title != new.meta.title else None,
        title_ops=word_diff(old.meta.title, new.meta.title) if old.meta.title != new.meta.title else (),
        intro_ops=word_diff(old.intro, new.intro) if old.intro != new.intro else (),
        date_changes=_date_changes(old.meta, new.meta),
        files=_file_diffs(old, new),
    )


def align_sections(old: Sequence[Section], new: Sequence[Section]) -> tuple[SectionDiff, ...]:
    """Section diffs in new order, each removed section placed where it stood in the old order."""
    old_index = {s.id: i for i, s in enumerate(old)}
    new_index = {s.id: i for i, s in enumerate(new)}
    common_in_new_order = [s.id for s in new if s.id in old_index]
    kept = set(_longest_increasing([old_index[i] for i in common_in_new_order], common_in_new_order))

    diffs: dict[str, SectionDiff] = {}
    for section in new:
        before = old[old_index[section.id]] if section.id in old_index else None
        diffs[section.id] = _section_diff(before, section, old_index, new_index, moved=section.id not in kept)
    # A removed section is shown right after the nearest earlier old section that still exists
    # (or first, when there is none), so a reader finds it where it used to be.
    removed_after: dict[str | None, list[str]] = {}
    anchor: str | None = None
    for section in old:
        if section.id in new_index:
            anchor = section.id
            continue
        diffs[section.id] = _section_diff(section, None, old_index, new_index, moved=False)
        removed_after.setdefault(anchor, []).append(section.id)
    order = list(removed_after.get(None, []))
    for section in new:
        order.append(section.id)
        order.extend(removed_after.get(section.id, []))
    return tuple(diffs[section_id] for section_id in order)


def _section_diff(
    old: Section | None,
    new: Section | None,
    old_index: dict[str, int],
    new_index: dict[str, int],
    *,
    moved: bool,
) -> SectionDiff:
    either = new or old
    assert either is not None
    ops: WordOps
    status: SectionStatus
    if old is None:
        status, ops = "added", (("insert", either.body),) if either.body else ()
    elif new is None:
        status, ops = "removed", (("delete", either.body),) if either.body else ()
    elif old.body != new.body:
        status, ops = "modified", word_diff(old.body, new.body)
    else:
        status, ops = "unchanged", ()
    return SectionDiff(
        id=either.id,
        status=status,
        old_title=old.title if old else None,
        new_title=new.title if new else None,
        old_summary=old.summary if old else None,
        new_summary=new.summary if new else None,
        old_index=old_index.get(either.id) if old else None,
        new_index=new_index.get(either.id) if new else None,
        moved=moved and old is not None and new is not None,
        ops=ops,
        old_body=old.body if old else "",
        new_body=new.body if new else "",
        sensitivity=either.sensitivity,
        old_path=old.path if old else None,
        new_path=new.path if new else None,
        title_ops=word_diff(old.title, new.title) if old and new and old.title != new.title else (),
        summary_ops=word_diff(old.summary, new.summary) if old and new and old.summary != new.summary else (),
    )


def _longest_increasing(values: list[int], ids: list[str]) -> list[str]:
    """The ids of one longest strictly increasing subsequence of ``values`` (patience sorting)."""
    tails: list[int] = []  # tails[k]: smallest last value of an increasing run of length k + 1
    tail_at: list[int] = []  # index in ``values`` of that last value
    parent: list[int] = [-1] * len(values)
    for i, value in enumerate(values):
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(i)
        else:
            tails[k] = value
            tail_at[k] = i
        parent[i] = tail_at[k - 1] if k else -1
    result: list[str] = []
    i = tail_at[-1] if tail_at else -1
    while i != -1:
        result.append(ids[i])
        i = parent[i]
    return result[::-1]


def _date_changes(old: NoticeMeta, new: NoticeMeta) -> tuple[DateChange, ...]:
    changes = []
    for name in DATE_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            changes.append(
                DateChange(name, before.isoformat() if before else None, after.isoformat() if after else None)
            )
    return tuple(changes)


def _file_diffs(old: Notice, new: Notice) -> tuple[FileDiff, ...]:
    """Source text of every Markdown file that differs, paired by section id (for line-based diffs)."""
    pairs: list[tuple[str | None, str | None]] = [("index.md", "index.md")]
    new_by_id = {s.id: s for s in new.sections}
    old_ids = {s.id for s in old.sections}
    for section in old.sections:
        match = new_by_id.get(section.id)
        pairs.append((section.path, match.path if match else None))
    pairs.extend((None, s.path) for s in new.sections if s.id not in old_ids)
    files = []
    for old_path, new_path in pairs:
        before = _source(old, old_path) if old_path else ""
        after = _source(new, new_path) if new_path else ""
        if before != after:
            files.append(FileDiff(old_path, new_path, before, after))
    return tuple(files)


def _source(notice: Notice, path: str) -> str:
    """The file as written when the notice was loaded from disk; otherwise rebuilt from the model."""
    raw = notice.files.get(path)
    if raw is not None:
        return raw.decode("utf-8", errors="replace").removeprefix("\ufeff").replace("\r\n", "\n")
    if path == "index.md":
        meta = notice.meta
        fields: dict[str, object] = {"title": meta.title, "last_updated": meta.last_updated}
        if meta.effective != meta.last_updated:
            fields["effective"] = meta.effective
        for name in ("announced", "material", "material_reason", "change_summary"):
            if getattr(meta, name) is not None:
                fields[name] = getattr(meta, name)
        return _front_matter(fields) + notice.intro
    section = next(s for s in notice.sections if s.path == path)
    fields = {"id": section.id, "title": section.title, "summary": section.summary}
    if section.sensitivity != "normal":
        fields["sensitivity"] = section.sensitivity
    return _front_matter(fields) + section.body


def _front_matter(fields: dict[str, object]) -> str:
    dumped = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=10_000)
    return f"---\n{dumped}---\n"
