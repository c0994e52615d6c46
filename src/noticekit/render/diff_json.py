"""JSON rendering of a diff: the public, machine-readable contract.

Shape (``format`` 1; fields are only ever added)::

    {
      "format": 1,
      "old": "2023-03-14", "new": "2024-01-01",
      "changed": true,
      "title": {"old": "...", "new": "...", "ops": [["delete", "..."], ["insert", "..."]]} | null,
      "dates": [{"field": "effective", "old": "2023-03-14", "new": "2024-02-01"}],
      "intro_ops": [["equal", "..."], ...],           # empty when the introduction is unchanged
      "stats": {"added": 0, "removed": 0, "modified": 1, "moved": 0, "retitled": 0,
                "summaries_changed": 0, "unchanged": 11, "words_inserted": 3, "words_deleted": 1},
      "sections": [
        {"id": "sharing", "status": "modified", "moved": false,
         "old_title": "...", "new_title": "...", "retitled": false,
         "old_summary": "...", "new_summary": "...", "summary_changed": false,
         "old_index": 4, "new_index": 4, "old_path": "sections/05-sharing.md", "new_path": "...",
         "sensitivity": "normal", "words_inserted": 3, "words_deleted": 1,
         "ops": [["equal", "We share "], ["insert", "..."], ...]}
      ]
    }

``ops`` is present for modified sections (and, as one insert or delete, for added and removed ones);
``equal`` + ``delete`` texts rebuild the old body and ``equal`` + ``insert`` the new one.
Sections come in new order, removed ones where they stood in the old order.
"""

from __future__ import annotations

import json
from typing import Any

from noticekit.diff.model import NoticeDiff, SectionDiff, WordOps

FORMAT = 1


def diff_to_json(diff: NoticeDiff) -> dict[str, Any]:
    """The diff as JSON-ready data (see the module docstring for the shape)."""
    stats = diff.stats
    return {
        "format": FORMAT,
        "old": diff.old_id,
        "new": diff.new_id,
        "changed": diff.changed,
        "title": (
            {"old": diff.title_change[0], "new": diff.title_change[1], "ops": _ops(diff.title_ops)}
            if diff.title_change
            else None
        ),
        "dates": [{"field": d.field, "old": d.old, "new": d.new} for d in diff.date_changes],
        "intro_ops": _ops(diff.intro_ops),
        "stats": {name: getattr(stats, name) for name in stats.__dataclass_fields__},
        "sections": [_section(s) for s in diff.sections],
    }


def render_json(diff: NoticeDiff, *, indent: int | None = 2) -> str:
    """``diff_to_json`` serialised (UTF-8 text kept readable, not ``\\u`` escaped)."""
    return json.dumps(diff_to_json(diff), indent=indent, ensure_ascii=False) + "\n"


def _section(s: SectionDiff) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": s.id,
        "status": s.status,
        "moved": s.moved,
        "old_title": s.old_title,
        "new_title": s.new_title,
        "retitled": s.retitled,
        "old_summary": s.old_summary,
        "new_summary": s.new_summary,
        "summary_changed": s.summary_changed,
        "old_index": s.old_index,
        "new_index": s.new_index,
        "old_path": s.old_path,
        "new_path": s.new_path,
        "sensitivity": s.sensitivity,
        "words_inserted": s.words_inserted,
        "words_deleted": s.words_deleted,
    }
    if s.status != "unchanged":
        data["ops"] = _ops(s.ops)
    if s.retitled:
        data["title_ops"] = _ops(s.title_ops)
    if s.summary_changed:
        data["summary_ops"] = _ops(s.summary_ops)
    return data


def _ops(ops: WordOps) -> list[list[str]]:
    return [[op, text] for op, text in ops]
