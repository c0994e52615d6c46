"""Plain data between the converters and the writer: a notice as read from a foreign document.

A converter (``html``, ``markdown_doc``) turns a published page into a ``Draft``; ``finish`` fills the
gaps Noticekit requires (dates, summaries) and says what it filled in; ``writer`` turns the result into
the files of a notice folder. Nothing here reads or writes files.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

PLACEHOLDER_SUMMARY = "TODO: summarise this section for the contents table."
PLACEHOLDER_BODY = "TODO: this section had no text in the source document."


@dataclass(frozen=True)
class DraftSection:
    id: str
    """A valid, unique slug (the converters assign it with ``ids.IdAllocator``)."""
    title: str
    summary: str | None
    """From the source's contents table; None when it had none for this section."""
    body: str
    """Markdown, headings of level 3 and deeper only."""


@dataclass(frozen=True)
class Draft:
    """A converted document: what the source said, before Noticekit's defaults are applied."""

    title: str
    intro: str
    sections: tuple[DraftSection, ...]
    last_updated: date | None = None
    effective: date | None = None
    announced: date | None = None
    change_summary: str | None = None
    material: bool | None = None
    material_reason: str | None = None
    warnings: tuple[str, ...] = field(default=())
    """What the converter could not carry over as it was, for the editor."""


def finish(draft: Draft, fallback_date: date, fallback_reason: str) -> tuple[Draft, list[str]]:
    """Fill what Noticekit requires and the source lacked; return the complete draft and warnings.

    ``fallback_reason`` completes the warning when no date was found, e.g. "used today's date".
    """
    warnings = list(draft.warnings)
    last_updated, effective = draft.last_updated, draft.effective
    if last_updated is None and effective is not None:
        last_updated = effective
    if last_updated is None:
        last_updated = fallback_date
        warnings.append(
            f"no 'Last updated' date found in the document; {fallback_reason} ({fallback_date.isoformat()}): "
            "set 'last_updated' in index.md to the date of this text"
        )
    if effective is not None and effective < last_updated:
        warnings.append(
            f"the document says it took effect on {effective.isoformat()}, before it was last updated "
            f"({last_updated.isoformat()}); a version takes effect when its text does, so 'effective' "
            "was left out (it defaults to 'last_updated')"
        )
        effective = None
    if effective == last_updated:
        effective = None
    sections = []
    missing_summary = []
    empty = []
    for section in draft.sections:
        summary, body = section.summary, section.body
        if not summary or not summary.strip():
            missing_summary.append(section.id)
            summary = PLACEHOLDER_SUMMARY
        if not body.strip():
            empty.append(section.id)
            body = PLACEHOLDER_BODY + "\n"
        sections.append(replace(section, summary=" ".join(summary.split()), body=body))
    if missing_summary:
        warnings.append(
            f"{len(missing_summary)} section(s) have no summary (the source had no contents table entry "
            f"for them): {', '.join(missing_summary)}; replace the placeholder 'summary' in their front matter"
        )
    if empty:
        warnings.append(f"section(s) with no text in the source got a placeholder body: {', '.join(empty)}")
    announced = draft.announced if draft.announced and draft.announced <= (effective or last_updated) else None
    done = replace(
        draft,
        last_updated=last_updated,
        effective=effective,
        announced=announced,
        sections=tuple(sections),
        warnings=(),
    )
    return done, warnings
