"""The detector: run every rule over a ``NoticeDiff`` and return the findings in a stable order.

Order: sections as the diff lists them (the introduction first), then within a section the
removed sub-sections, then each change in reading order with the rules in ``CHANGE_RULES`` order,
then the sensitive-section finding. Identical findings are reported once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from noticekit.classify.changes import Change, ensure_ops, find_changes, same_vocabulary, same_words
from noticekit.classify.config import MaterialConfig
from noticekit.classify.findings import Finding, excerpt
from noticekit.classify.learned import (
    Features,
    Model,
    change_features,
    likely_category,
    merge,
    shipped_model,
    stem,
)
from noticekit.classify.quantities import deadlines
from noticekit.classify.review import thorough_review
from noticekit.classify.rules import CHANGE_RULES, RuleFunc, SectionView
from noticekit.classify.rules.base import topics
from noticekit.classify.sentences import Unit, normalise, split_units
from noticekit.classify.terms import Family, literal_family
from noticekit.diff.model import NoticeDiff, SectionDiff, WordOps, new_text, old_text

INTRO_ID = "intro"
"""Section id used in findings about the notice's introduction (``index.md``)."""

_SAFETY_NETS = frozenset(
    {
        "list-grew",
        "practice-added",
        "recipient-type-added",
        "substantive-change",
        "limit-lost",
        "benefit-narrowed",
        "statement-rewritten",
        "review",
    }
)
_GENERIC = _SAFETY_NETS | {"list-item-added"}

_NOT_SUBSTANTIVE = ("cosmetic", "typo", "heading")
"""Kinds of change no rule looks at (a contact change still may: a new controller's address)."""

_MIN_REMOVED_WORDS = 8
"""A removed (sub-)section with fewer words of text than this is not substantive."""


def detect(diff: NoticeDiff, config: MaterialConfig | None = None) -> list[Finding]:
    """Every material change between the two notices of ``diff``; empty when the update is minor."""
    config = config or MaterialConfig()
    rules = (*CHANGE_RULES, thorough_review) if config.review == "thorough" else CHANGE_RULES
    model = shipped_model() if config.learned else None
    findings: list[Finding] = []
    for view, part, changes, new_counts, expired in _walk(diff, config):
        if part.status == "removed":
            findings.extend(_section_removed(view, new_counts))
            continue
        findings.extend(_subsections_removed(view, new_counts, expired))
        findings.extend(_change_findings(view, changes, rules, model))
        findings.extend(_sensitive(view, changes))
    return _unique(findings)


def edit_features(diff: NoticeDiff) -> Features:
    """The learned net's features of every substantive change in ``diff``, merged (to train it)."""
    return merge(
        _features(change, _review(view, change))
        for view, _part, changes, _counts, _expired in _walk(diff, MaterialConfig())
        for change in changes
        if change.kind not in _NOT_SUBSTANTIVE
    )


def _walk(
    diff: NoticeDiff, config: MaterialConfig
) -> Iterator[tuple[SectionView, _Part, list[Change], Counter[str], Callable[[Unit], bool]]]:
    """Each changed part of the notice: its view, its changes, the new notice's sentence counts and
    the test for statements whose date has passed."""
    extra = _extra_families(config)
    parts = [_Part.intro(diff.intro_ops), *(_Part.of(section) for section in diff.sections)]
    old_counts: Counter[str] = Counter()
    new_counts: Counter[str] = Counter()
    for part in parts:
        old_counts.update(u.norm for u in part.old_units if u.norm)
        new_counts.update(u.norm for u in part.new_units if u.norm)
    notice_old = " ".join(u.norm for part in parts for u in part.old_units)
    notice_new = " ".join(u.norm for part in parts for u in part.new_units)
    old_sentences = tuple(u.norm for part in parts for u in part.old_units if u.norm)
    old_plain = " ".join(u.plain for part in parts for u in part.old_units)
    as_of = _as_of(diff)

    def expired(unit: Unit) -> bool:
        """A statement limited to a date that has passed ("before 5 January 2026") may simply go."""
        return as_of is not None and any(
            day <= as_of for text in (unit.norm, normalise(unit.heading)) for day in deadlines(text)
        )

    for part in parts:
        if part.status == "unchanged":
            continue
        view = SectionView(
            part.id,
            part.title,
            part.old_units,
            part.new_units,
            notice_old,
            notice_new,
            extra,
            part.sensitivity,
            old_sentences,
            old_plain,
        )
        changes = (
            []
            if part.status == "removed"
            else find_changes(
                part.ops,
                part.old_units,
                part.new_units,
                still_there=lambda unit: new_counts[unit.norm] >= old_counts[unit.norm] or expired(unit),
                was_there=lambda unit: old_counts[unit.norm] >= new_counts[unit.norm],
            )
        )
        yield view, part, changes, new_counts, expired


def section_changes(old_body: str, new_body: str, ops: WordOps = ()) -> list[Change]:
    """The changes between two bodies of one section (for tools and tests)."""
    ops = ensure_ops(ops, old_body, new_body)
    old_units, new_units = split_units(old_body), split_units(new_body)
    old_counts = Counter(u.norm for u in old_units)
    new_counts = Counter(u.norm for u in new_units)
    return find_changes(
        ops,
        old_units,
        new_units,
        still_there=lambda unit: new_counts[unit.norm] >= old_counts[unit.norm],
        was_there=lambda unit: old_counts[unit.norm] >= new_counts[unit.norm],
    )


@dataclass
class _Part:
    """A section or the introduction, with both bodies split into units."""

    id: str
    title: str
    sensitivity: str
    status: str
    ops: WordOps
    old_units: list[Unit]
    new_units: list[Unit]

    @classmethod
    def of(cls, section: SectionDiff) -> _Part:
        old_body = section.old_body or (old_text(section.ops) if section.status == "removed" else "")
        new_body = section.new_body or (new_text(section.ops) if section.status == "added" else "")
        status = section.status
        if status in ("modified", "unchanged") and old_body != new_body:
            status = "modified"
        old_units = split_units(old_body) if status != "added" else []
        new_units = split_units(new_body) if status != "removed" else []
        if (
            status == "modified"
            and (same_words(old_units, new_units) or same_vocabulary(old_units, new_units))
            and _same_headings(old_units, new_units)
        ):
            status = "unchanged"  # reformatted: the same words in the same order
        return cls(
            section.id,
            section.new_title or section.old_title or section.id,
            section.sensitivity,
            status,
            ensure_ops(section.ops, old_body, new_body) if status != "unchanged" else (),
            old_units,
            new_units,
        )

    @classmethod
    def intro(cls, ops: WordOps) -> _Part:
        old_body, new_body = old_text(ops), new_text(ops)
        status = "modified" if old_body != new_body else "unchanged"
        return cls(INTRO_ID, "Introduction", "normal", status, ops, split_units(old_body), split_units(new_body))


def _same_headings(old_units: list[Unit], new_units: list[Unit]) -> bool:
    return [u.norm for u in old_units if u.kind == "heading"] == [u.norm for u in new_units if u.kind == "heading"]


def _extra_families(config: MaterialConfig) -> tuple[Family, ...]:
    return tuple(
        literal_family(f"extra-{category}", category, terms)
        for category, terms in sorted(config.extra_terms.items())
        if terms
    )


def _change_findings(
    view: SectionView, changes: list[Change], rules: tuple[RuleFunc, ...], model: Model | None
) -> Iterator[Finding]:
    for change in changes:
        if change.kind in _NOT_SUBSTANTIVE:
            continue
        found = [finding for rule in rules for finding in rule(view, change)]
        # A new list item that a more specific rule already explained needs no second finding, and
        # the safety nets (a list that grew, a new practice in other words) only speak when no other
        # rule has found anything in the change.
        explained = {f.category for f in found if f.rule not in _GENERIC}
        found = [f for f in found if f.rule != "list-item-added" or f.category not in explained]
        specific = [f for f in found if f.rule not in _SAFETY_NETS]
        if found or model is None:
            yield from specific or found[:1]
        else:
            yield from _learned(view, change, model)


def _features(change: Change, review: Finding | None) -> Features:
    """The net's features of ``change``; ``review`` is the thorough review's finding on it, if any."""
    return change_features(change.old_norm, change.new_norm, review is not None)


def _review(view: SectionView, change: Change) -> Finding | None:
    return next(iter(thorough_review(view, change)), None)


def _learned(view: SectionView, change: Change, model: Model) -> Iterator[Finding]:
    """The learned net's finding for a substantive change that no rule explained, if it scores high enough."""
    review = _review(view, change)
    features = _features(change, review)
    score = model.score(features)
    if score < model.threshold:
        return
    if review is not None:
        detail = review.message.removeprefix("Worth a review: ")
    else:
        reasons = model.reasons(features)
        added = [_word(key[1:], change.new_norm) for key in reasons if key[0] == "+"]
        taken = [_word(key[1:], change.old_norm) for key in reasons if key[0] == "-"]
        detail = (
            "; ".join(
                part
                for part in (
                    f"adds {', '.join(map(_quoted, added))}" if added else "",
                    f"takes out {', '.join(map(_quoted, taken))}" if taken else "",
                )
                if part
            )
            or "the wording of a statement changed"
        )
    sentence_topics = topics(f"{change.old_plain} {change.new_plain}")
    yield Finding(
        "learned",
        likely_category(sentence_topics, view.topics, review.category if review else None),
        view.id,
        f"Worth a review: {detail} (like material edits in the labelled set; score {score:.2f})",
        excerpt(change.old_plain, change.new_plain),
        excerpt(change.new_plain, change.old_plain),
    )


def _word(stemmed: str, text: str) -> str:
    """The first word of ``text`` with this stem, as the reader wrote it (lower case)."""
    return next((word for word in text.split() if stem(word) == stemmed), stemmed)


def _quoted(word: str) -> str:
    return f"“{word}”"


def _sensitive(view: SectionView, changes: list[Change]) -> Iterator[Finding]:
    if view.sensitivity != "high":
        return
    substantive = [c for c in changes if c.kind == "substantive"]
    if substantive:
        first = substantive[0]
        count = len(substantive)
        yield Finding(
            "sensitive-section",
            "sensitive_section",
            view.id,
            f"'{view.title}' is marked sensitivity: high and has {count} substantive change{'s' if count > 1 else ''}",
            excerpt(first.old_plain, first.new_plain),
            excerpt(first.new_plain, first.old_plain),
        )


def _words(units: list[Unit]) -> int:
    return sum(len(u.norm.split()) for u in units if u.kind != "heading")


def _section_removed(view: SectionView, new_counts: Counter[str]) -> Iterator[Finding]:
    body = [u for u in view.old_units if u.kind != "heading"]
    if _words(body) < _MIN_REMOVED_WORDS or _mostly_kept(body, new_counts):
        return
    yield Finding(
        "section-removed",
        "section_removed",
        view.id,
        f"The section '{view.title}' was removed",
        excerpt(" ".join(u.plain for u in body), ""),
        "",
    )


def _subsections_removed(
    view: SectionView, new_counts: Counter[str], expired: Callable[[Unit], bool]
) -> Iterator[Finding]:
    new_headings = {u.norm for u in view.new_units if u.kind == "heading"}
    units = view.old_units
    for index, unit in enumerate(units):
        if unit.kind != "heading" or unit.norm in new_headings or new_counts[unit.norm] or expired(unit):
            continue
        body: list[Unit] = []
        for other in units[index + 1 :]:
            if other.kind == "heading" and other.level <= unit.level:
                break
            if other.kind != "heading":
                body.append(other)
        if _words(body) < _MIN_REMOVED_WORDS or _mostly_kept(body, new_counts):
            continue
        yield Finding(
            "subsection-removed",
            "section_removed",
            view.id,
            f"The sub-section '{unit.plain}' was removed",
            excerpt(" ".join(u.plain for u in [unit, *body]), ""),
            "",
        )


def _mostly_kept(units: list[Unit], new_counts: Counter[str]) -> bool:
    """Half or more of the words are in sentences that still exist (the text moved elsewhere)."""
    total = _words(units)
    kept = sum(len(u.norm.split()) for u in units if new_counts[u.norm])
    return kept * 2 >= total


def _as_of(diff: NoticeDiff) -> date | None:
    """The date the new notice speaks from: its effective date, else its last-updated date or id."""
    changed = {change.field: change.new for change in diff.date_changes}
    for value in (changed.get("effective"), changed.get("last_updated"), diff.new_id):
        try:
            return date.fromisoformat(value or "")
        except ValueError:
            continue
    return None


def _unique(findings: list[Finding]) -> list[Finding]:
    seen = set()
    result = []
    for finding in findings:
        key = (finding.rule, finding.category, finding.section, finding.message, finding.before, finding.after)
        if key not in seen:
            seen.add(key)
            result.append(finding)
    return result
