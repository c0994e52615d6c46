"""Periods: longer retention, later deletion, slower answers, shorter notice and new deadlines for the reader."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from noticekit.classify.changes import Change
from noticekit.classify.findings import Finding, excerpt
from noticekit.classify.polarity import has_negation
from noticekit.classify.quantities import Duration, DurationRole, durations
from noticekit.classify.rules.base import (
    SectionView,
    _is_right_context,
    _quote,
    about_children,
    inserted,
    make_finding,
    removed,
)
from noticekit.classify.sentences import Unit, normalise
from noticekit.classify.terms import CHOICE, DENIALS, ERASURE, KEEP_LEAD, KEPT_AFTER, RIGHTS, UNLIMITED

# --------------------------------------------------------------------------------------------------
# Periods: retention, response times, notice, deadlines


def _default_role(view: SectionView, unit: Unit) -> DurationRole | None:
    if "retention" in view.unit_topics(unit):
        return "retention"
    if _READER_ACTS.search(unit.norm) and not re.search(r"\bwe\b", unit.norm):
        return "window"  # "you can ask for a review ... within one month": a deadline for the reader
    return None


_READER_ACTS = re.compile(
    r"\byou (?:\w+ ){0,2}(?:can|may|are entitled to|have the right to) (?:\w+ ){0,2}"
    r"(?:ask|request|appeal|object|complain|challenge|apply|claim|dispute|contest|raise|submit|withdraw|opt out)\b"
)


_WINDOW_PERIOD = (
    r"(?:within|no later than|not later than|before the end of|up to) (?P<period>(?:\w+ ){0,2}"
    r"(?:days?|weeks?|months?|years?))"
)
_READER_WINDOW = re.compile(
    r"\byou (?:\w+ ){0,2}(?:can|may|could|must|have to|need to|are entitled to|have the right to) "
    r"(?:(?!we )\w+ ){0,10}?" + _WINDOW_PERIOD + r"\b"
)
_READER_HAS_WINDOW = re.compile(
    r"\byou (?:will )?(?:have|get|are given|are allowed) (?:only )?"
    r"(?P<period>(?:\w+ ){0,2}(?:days?|weeks?|months?|years?)) (?:\w+ ){0,4}?(?:to|in which to) "
    r"(?:\w+ ){0,2}(?:ask|request|appeal|object|complain|challenge|contest|dispute|apply|claim|withdraw|opt out|"
    r"tell|submit|raise|exercise)\w*"
)
"""A time limit set inside the reader's action ("you can, within 7 days of the decision, ask for a review";
"you can contest a decision ... within 10 days of being told")."""


def _reader_windows(norm: str) -> Iterator[re.Match[str]]:
    yield from _READER_WINDOW.finditer(norm)
    yield from _READER_HAS_WINDOW.finditer(norm)


def _periods(view: SectionView, units: Iterable[Unit], role: DurationRole) -> list[Duration]:
    found: list[Duration] = []
    for unit in units:
        found.extend(d for d in durations(unit.norm, _default_role(view, unit)) if d.role == role)
    return found


def _compare(old: list[Duration], new: list[Duration], longer: bool) -> tuple[Duration, Duration] | None:
    """The first pair where ``new`` is longer (or shorter) than ``old``, by position or extremes."""
    if not old or not new:
        return None
    if len(old) == len(new):
        for a, b in zip(old, new, strict=True):
            if (b.days > a.days * 1.001) if longer else (b.days < a.days * 0.999):
                return a, b
        return None
    a = max(old, key=lambda d: d.days) if longer else min(old, key=lambda d: d.days)
    b = max(new, key=lambda d: d.days) if longer else min(new, key=lambda d: d.days)
    if (b.days > a.days * 1.001) if longer else (b.days < a.days * 0.999):
        return a, b
    return None


def _period_pairs(change: Change) -> list[tuple[list[Unit], list[Unit]]]:
    pairs = [([a], [b]) for a, b in change.pairs if a is not None and b is not None]
    if not pairs and change.old and change.new:
        pairs = [(list(change.old), list(change.new))]
    return pairs


_DELETED_AT_EVENT = re.compile(
    r"\b(?:delet|eras|destroy|remov|discard|purg|anonymi[sz]|overwrit|wip)\w* (?:\w+ ){0,3}"
    r"(?:when|once|as soon as|upon|on|at the end of|the moment|after) (?!\d)(?:\w+ ){0,2}"
    r"(?:you|your|the|it|they|we|each|every|an?|this)\b"
)
"""Deletion tied to an event and no period ("deleted when you leave the car park")."""
_OPEN_ENDED = re.compile(r"\b(?:no longer (?:needed|necessary|required|relevant)|as long as|until)\b")

_EXTENDED = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty|thirty|sixty|ninety|a|an) "
    r"(?:\w+ )?(?:days?|weeks?|months?|years?) (?:after|following|from)(?: \w+){0,5}"
)


_ANCHOR = re.compile(r"\b(?:days?|weeks?|months?|years?) (?:from|after|following|since|beyond) ((?:\w+ ){0,11}\w+)")
_ANCHOR_END = re.compile(r" (?:as|and|then|because|unless|but|so|in case|in order|after which|to comply|so that)\b.*$")
"""An event ends where the sentence goes on to a reason or the next step ("..., as required by law")."""
_LATER_EVENT = re.compile(
    r"\b(?:next|last|latest|final|(?:most )?recent|end|ends|ended|close\w*|closure|expir\w+|terminat\w+|leav\w+|left|"
    r"later|subsequent|further|complet\w+|conclu\w+|resolv\w+|settle\w*|cease\w*|inactiv\w+|stop\w*|cancel\w*|"
    r"finish\w*)\b"
)
# fmt: off
_ANCHOR_STOP = frozenset({"the", "a", "an", "we", "you", "your", "our", "it", "is", "are", "of", "to", "for", "date",
                          "day", "time", "moment", "point", "when", "that", "which", "any", "with", "s", "in", "on"})
# fmt: on


def _anchor_words(anchor: str) -> set[str]:
    return {w for w in anchor.split() if w not in _ANCHOR_STOP}


def _later_anchor(old: list[Duration], new: list[Duration], old_norm: str, new_norm: str) -> tuple[str, str] | None:
    """The same period now counts from a later, open event ("six months from the date we tell you the outcome"
    -> "until six months after the property is next let"; "after the end of treatment" -> "after your last
    contact"): the period is unchanged in length but ends later."""
    if not old or not new or max(d.days for d in new) < max(d.days for d in old) * 0.999:
        return None
    old_anchor, new_anchor = _ANCHOR.search(old_norm), _ANCHOR.search(new_norm)
    if old_anchor is None or new_anchor is None:
        return None
    a, b = (_ANCHOR_END.sub("", m.group(1)) for m in (old_anchor, new_anchor))
    old_words, new_words = _anchor_words(a), _anchor_words(b)
    if not new_words or len(old_words & new_words) * 2 >= max(1, len(old_words), len(new_words)):
        return None  # the same event, reworded
    later = {m.group(0) for m in _LATER_EVENT.finditer(b)} - {m.group(0) for m in _LATER_EVENT.finditer(a)}
    return (a, b) if later and not _AFTER_NEXT.search(a) else None


BOUND = re.compile(
    r"\b(?:whichever (?:comes|is|happens|occurs) (?:first|sooner|earlier|earliest)|"
    r"(?:but|and) (?:in any case |in any event )?(?:no|not) (?:longer|more) than|"
    r"at the (?:latest|most)|up to a maximum of|to a maximum of)\b"
)
"""A bound added to an open period makes it shorter, never longer."""
_EVENT_AT = re.compile(
    r"\b(?:at the end of|(?:on|at|upon|after|when|once|until) (?:the )?(?:\w+ )?(?:closure|close|end|expiry))"
    r"((?: \w+){1,12})"
)
_LATER_OF = re.compile(
    r"\bwhichever (?:is|comes|happens|occurs|ends) (?:the )?(?:later|last|latest|longer)|\bwhichever is the later\b"
)
_AFTER_NEXT = re.compile(r"\b(?:after next|one after|second|third)\b")
"""Two or more steps on ("the season after next"): any "next" or "following" in its place is earlier."""
_LATER_THAN = re.compile(r"\b(?:following|next|subsequent|after (?:the|that|this|your)|later|second|another|last)\b")


def _later_event(old: list[Duration], new: list[Duration], old_norm: str, new_norm: str) -> tuple[str, str] | None:
    """Deletion at an event moved to a later one, with no period either side: "at the end of the season in
    which they were taken" -> "at the end of the season following the one in which they were taken"."""
    if old or new:
        return None
    a, b = _EVENT_AT.search(old_norm), _EVENT_AT.search(new_norm)
    if a is None or b is None or a.group(0) == b.group(0):
        return None
    later = {m.group(0) for m in _LATER_THAN.finditer(b.group(1))} - {
        m.group(0) for m in _LATER_THAN.finditer(a.group(1))
    }
    if not later or BOUND.search(new_norm) or has_negation(b.group(0)) or _AFTER_NEXT.search(a.group(1)):
        return None  # "the season after next" -> "the following season" is earlier
    return a.group(0).strip(), b.group(0).strip()


def _unit_roles(view: SectionView, units: list[Unit]) -> set[str]:
    return {d.role for u in units for d in durations(u.norm, _default_role(view, u)) if d.role}


def _subject(units: list[Unit]) -> str:
    unit = units[0]
    if unit.kind == "row" and unit.first_cell:
        return unit.first_cell
    label = re.match(r"^\s*\*\*([^*]{2,60})\*\*", unit.raw)
    if label:
        return label.group(1).rstrip(":")
    return ""


def retention_longer(view: SectionView, change: Change) -> Iterator[Finding]:
    for old_units, new_units in _period_pairs(change):
        old = _periods(view, old_units, "retention")
        new = _periods(view, new_units, "retention")
        pair = _compare(old, new, longer=True)
        subject = _subject(new_units)
        what = f"Retention for {_lower_first(subject)}" if subject else "A retention period"
        if pair:
            a, b = pair
            yield make_finding(
                "retention-longer", "longer_retention", view, change, f"{what} goes from {a.text} to {b.text}"
            )
            return
        old_norm, new_norm = " ".join(u.norm for u in old_units), " ".join(u.norm for u in new_units)
        at_event = _DELETED_AT_EVENT.search(old_norm)
        if not old and new and at_event and not _OPEN_ENDED.search(old_norm):
            yield make_finding(
                "retention-longer",
                "longer_retention",
                view,
                change,
                f"{what} goes from deletion at the event ({_quote(at_event.group(0))}) to {new[0].text}",
            )
            return
        extended = _EXTENDED.search(new_norm)
        later_of = _LATER_OF.search(new_norm)
        if later_of and not _LATER_OF.search(old_norm):
            yield make_finding(
                "retention-longer",
                "longer_retention",
                view,
                change,
                f"{what} now runs to the later of two events ({_quote(later_of.group(0))})",
            )
            return
        if BOUND.search(new_norm) and not BOUND.search(old_norm):
            continue  # "until you ask us ... or until 3 years after ..., whichever comes first": a new upper bound
        if not old and extended and re.search(r"\buntil\b", old_norm) and "retention" in _unit_roles(view, new_units):
            yield make_finding(
                "retention-longer",
                "longer_retention",
                view,
                change,
                f"{what} now runs {_quote(extended.group(0))} instead of ending then",
            )
            return
        anchors = _later_anchor(old, new, old_norm, new_norm) or _later_event(old, new, old_norm, new_norm)
        if anchors:
            yield make_finding(
                "retention-longer",
                "longer_retention",
                view,
                change,
                f"{what} now runs from a later event ({_quote(anchors[0])} becomes {_quote(anchors[1])}); "
                "review whether it is material",
            )
            return
        unlimited = UNLIMITED.search(new_norm)
        if old and unlimited and not UNLIMITED.search(old_norm):
            yield make_finding(
                "retention-longer",
                "longer_retention",
                view,
                change,
                f"{what} goes from {old[0].text} to an unlimited period ({_quote(unlimited.group(0))})",
            )
            return
    # A commitment to delete replaced by something else ("we delete it" -> "we suspend it").
    commitments = [u for u in change.old if not CHOICE.search(u.norm) and not DENIALS.search(u.norm)]
    bounded = any(d.role == "retention" for u in change.new for d in durations(u.norm, _default_role(view, u)))
    hit = removed(view, change, ERASURE, units=commitments) if commitments and change.new and not bounded else None
    if hit:
        children = any(about_children(view, u) for u in change.old)
        yield make_finding(
            "deletion-dropped",
            "children" if children else "longer_retention",
            view,
            change,
            f"A commitment to delete information was dropped ({_quote(hit[1])})",
        )
        return
    # A promise of a limit dropped for "indefinitely"/"permanently" anywhere in the change.
    retention_units = [
        u
        for u in change.new
        if "retention" in view.unit_topics(u) or re.search(r"\b(?:keep|kept|retain\w*|stor\w+|delet\w+)\b", u.norm)
    ]
    hit = inserted(view, change, UNLIMITED, units=retention_units)
    if hit and change.old:
        yield make_finding(
            "retention-longer",
            "longer_retention",
            view,
            change,
            f"Information may now be kept for an unlimited period ({_quote(hit[1])})",
        )
        return
    hit = inserted(view, change, KEPT_AFTER)
    if hit:
        yield make_finding(
            "retention-longer",
            "longer_retention",
            view,
            change,
            f"Information is now kept after deletion ({_quote(hit[1])})",
        )
        return
    yield from _kept_item_added(view, change)


def _kept_item_added(view: SectionView, change: Change) -> Iterator[Finding]:
    """A new entry in a list of what we keep ("We keep some information for longer: - your messages, two years")."""
    old_days = {d.days for u in view.old_units for d in durations(u.norm, _default_role(view, u))}
    for old, new in change.pairs:
        if old is not None or new is None or new.kind not in ("item", "row"):
            continue
        lead = normalise(new.lead)
        exception = re.search(r"\b(?:except\w*|for longer|longer|however|but|still)\b", lead)
        if not KEEP_LEAD.search(lead) or (ERASURE.search(lead) and not exception) or ERASURE.search(new.norm):
            continue
        periods = [d for d in durations(new.norm, "retention") if d.role == "retention"]
        unlimited = UNLIMITED.search(new.norm)
        if not (periods or unlimited) or any(d.days in old_days for d in periods):
            continue  # no period, or the period was already stated (a paragraph set out as a table)
        what = periods[0].text if periods else unlimited.group(0) if unlimited else ""
        yield make_finding(
            "retention-item-added",
            "longer_retention",
            view,
            change,
            f"A new entry in the list of information kept: {_quote(excerpt(new.plain, '', 80))} ({what})",
        )
        return


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _right_added(view: SectionView, change: Change) -> bool:
    """The change brings a right the old section did not name at all (an appeal, a copy, a correction)."""
    return any(family.search(change.new_norm) and not family.search(view.old_norm) for family in RIGHTS) and not any(
        family.search(change.old_norm) for family in RIGHTS if family.search(change.new_norm)
    )


def _days(period: str) -> float:
    found = durations(period)
    return found[0].days if found else float("inf")


def _our_commitment(norm: str, period: str) -> bool:
    """ "we will stop within five working days": a time we give ourselves, not a window the reader must meet."""
    at = norm.find(period)
    return at >= 0 and bool(re.search(r"\bwe (?:\w+ ){0,4}(?:within|in|after)? ?$", norm[:at]))


def deadline_worse(view: SectionView, change: Change) -> Iterator[Finding]:
    """Slower answers to requests, shorter notice of changes, shorter windows to act."""
    checks: tuple[tuple[DurationRole, bool, str], ...] = (
        ("response", True, "The time to answer requests goes from {a} to {b}"),
        ("notice", False, "Notice given before changes goes from {a} to {b}"),
        ("window", False, "The time you have to act goes from {a} to {b}"),
    )
    for old_units, new_units in _period_pairs(change):
        for role, longer, template in checks:
            pair = _compare(_periods(view, old_units, role), _periods(view, new_units, role), longer)
            if pair:
                yield make_finding(
                    "deadline-worse", "rights_reduced", view, change, template.format(a=pair[0].text, b=pair[1].text)
                )
                return
    old_windows = {m.group("period") for u in change.old for m in _reader_windows(u.norm)}
    if _right_added(view, change):
        return  # a new right that comes with a time limit ("you can appeal within 60 days") is a right added
    for unit in change.new:
        if not (
            _is_right_context(view, unit) or _READER_ACTS.search(unit.norm) or _READER_HAS_WINDOW.search(unit.norm)
        ):
            continue
        match = next((m for m in _reader_windows(unit.norm) if m.group("period") not in old_windows), None)
        shorter = match and old_windows and _days(match.group("period")) < min(map(_days, old_windows))
        if match and (not old_windows or shorter):
            if shorter:
                before = min(old_windows, key=_days)
                yield make_finding(
                    "deadline-worse",
                    "rights_reduced",
                    view,
                    change,
                    f"The time you have to act goes from {before} to {match.group('period')}",
                )
                return
            yield make_finding(
                "deadline-worse",
                "rights_reduced",
                view,
                change,
                f"A new deadline for exercising a right: {_quote(match.group('period'))}",
            )
            return
    for unit in change.new:
        windows = [d for d in durations(unit.norm) if d.role == "window" and not _our_commitment(unit.norm, d.text)]
        if windows and not _periods(view, change.old, "window") and _is_right_context(view, unit):
            yield make_finding(
                "deadline-worse",
                "rights_reduced",
                view,
                change,
                f"A new deadline for exercising a right: {_quote(windows[0].text)}",
            )
            return
