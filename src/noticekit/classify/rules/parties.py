"""Who else is involved: international transfers (safeguards and destinations) and the controller's identity."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from noticekit.classify.changes import Change
from noticekit.classify.findings import Finding
from noticekit.classify.ladders import MECHANISM_LABELS, mechanism_stepped_down
from noticekit.classify.polarity import negated
from noticekit.classify.rules.base import MEANS, SectionView, _quote, inserted, make_finding, removed
from noticekit.classify.sentences import Unit
from noticekit.classify.terms import (
    ABROAD,
    CONDITIONAL,
    CONTROLLER_CONTEXT,
    MECHANISMS,
    NOT_TRANSFER,
    OWNERSHIP,
    TRANSFER_CONTEXT,
    companies,
    places,
)

# --------------------------------------------------------------------------------------------------
# International transfers


def _transfer_units(view: SectionView, units: Iterable[Unit]) -> list[Unit]:
    return [
        unit
        for unit in units
        if (TRANSFER_CONTEXT.search(unit.norm) or "transfer" in view.unit_topics(unit))
        and not NOT_TRANSFER.search(unit.norm)
        and not MEANS.search(unit.norm)
    ]


_PLACE_NAMES = ("united states", "united kingdom", "european union", "european economic area")


def transfer_changed(view: SectionView, change: Change) -> Iterator[Finding]:
    old_units, new_units = _transfer_units(view, change.old), _transfer_units(view, change.new)
    parts = []
    for family in MECHANISMS:
        if new_units and inserted(view, change, family, units=new_units):
            parts.append(f"adds {family.label}")
        elif old_units and removed(view, change, family, units=old_units):
            parts.append(f"drops {family.label}")
    if old_units and new_units:
        step = mechanism_stepped_down(" ".join(u.norm for u in old_units), " ".join(u.norm for u in new_units))
        if step:
            parts.append(f"the weakest safeguard goes from {MECHANISM_LABELS[step[0]]} to {MECHANISM_LABELS[step[1]]}")
    old_places = set().union(*(places(u.plain, u.norm) for u in change.old), places(view.old_plain, view.old_norm))
    old_places |= {place for place in _PLACE_NAMES if re.search(rf"\b{place}\b", view.notice_old)}
    added_places: list[str] = []
    for unit in new_units:
        for place in sorted(places(unit.plain, unit.norm) - old_places):
            match = re.search(r"\b" + re.escape(place) + r"\b", unit.norm)
            if (match is None or not negated(unit.norm, match.start(), match.end())) and place not in added_places:
                added_places.append(place)
    if added_places:
        parts.append(f"adds {', '.join(p.title() for p in added_places)} as a destination")
    abroad = inserted(view, change, ABROAD, units=new_units)
    if abroad and not added_places:
        parts.append(f"adds transfers abroad ({_quote(abroad[1])})")
    if parts:
        yield make_finding(
            "transfer-changed",
            "transfer_mechanism",
            view,
            change,
            f"International transfers change: {'; '.join(parts)}",
        )


# --------------------------------------------------------------------------------------------------
# Controller identity


_NAME = re.compile(r"\b[A-Z][\w'\u2019&.-]*(?:\s+(?:(?:of|and|for|the|&|de|du|von|van)\s+)?[A-Z][\w'\u2019&.-]*)+")
# fmt: off
_NOT_NAMES = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "From", "On", "Since",
    "As", "In", "The", "This", "We", "Our", "Until", "After", "Before", "If", "When", "Where", "Under", "For",
})
# fmt: on


_STREET = re.compile(
    r"^(?:Street|St|Road|Rd|Square|Sq|Avenue|Ave|Lane|Place|Quay|Court|Drive|Way|Row|Terrace|Crescent|Close|"
    r"Gardens|Walk|Parade|Hill|Floor|Building|House|Wharf|Boulevard|Blvd|Highway|Suite|Unit)\.?$"
)


def _proper_names(plain: str) -> set[str]:
    """Names of two or more capitalised words ("St Anne's Parish Trust", "Diocesan Board of Finance").

    A street in an address ("14 Harbour Street", "80 Merrion Square") is no organisation."""
    names = set()
    for match in _NAME.finditer(plain):
        if re.search(r"\d[a-z]{0,2}\s*$", plain[: match.start()]):
            continue
        for chunk in _SENTENCE_GAP.split(match.group(0)):
            name = _proper_name(chunk.rstrip("."))
            if name:
                names.add(name)
    return names


_SENTENCE_GAP = re.compile(r"(?<=[A-Za-z]{3}\.)\s+")
"""A name that ends a sentence ("... Services Ltd.") is not joined to the next sentence's first words; initials
and "St." are not sentence ends."""


def _proper_name(text: str) -> str | None:
    words = text.split()
    if not words or _STREET.match(words[-1]):
        return None
    while words and words[0] in _NOT_NAMES:
        words = words[1:]
    if len(words) >= 2 and not all(w.isupper() for w in words):
        return " ".join(words)
    return None


@lru_cache(maxsize=64)
def _names_in(plain: str) -> frozenset[str]:
    return frozenset(_proper_names(plain))


_CONTROLLER_SUBJECT = re.compile(
    r"(?P<subject>[^.;:!?]{2,160}?)\s+(?:is|are|will be|shall be|acts? as|becomes?|remains?)\s+"
    r"(?:the\s+|a\s+|joint\s+|our\s+)?(?:data\s+)?controllers?\b"
)
_PRONOUN_SUBJECT = re.compile(r"^(?:we|us|our|it|they|this|that|which|who|each of us)\b", re.IGNORECASE)
# fmt: off
_GENERIC_ORG = frozenset({
    "the", "a", "an", "our", "its", "of", "and", "company", "companies", "organisation", "organization", "business",
    "ltd", "limited", "plc", "inc", "llc", "llp", "gmbh", "group", "entity", "provider", "also", "both", "each",
})
# fmt: on


_CONTROLLER_IS = re.compile(
    r"\b[Tt]he (?:data )?controllers? (?:(?:of|for|responsible for) [^.;:]{0,60}? )?(?:is|are|will be|shall be) "
    r"(?:now )?(?P<subject>[^.;:!?]{2,120})"
)


def _controller_subject(plain: str) -> str | None:
    """Who a sentence says is the controller: "X is the controller" or "the controller of your data is X", with
    a trailing aside (", which bought ...,") and an earlier clause (", and") cut off."""
    match = _CONTROLLER_SUBJECT.search(plain)
    if match is not None:
        subject = re.split(r",\s*(?:and|but|so|while)\s+|;", match.group("subject"))[-1]
    else:
        match = _CONTROLLER_IS.search(plain)
        if match is None:
            return None
        subject = match.group("subject")
    pieces = [p.strip() for p in subject.split(",") if p.strip()]
    if not pieces:
        return None
    subject = re.sub(r"^(?:and|but|so|now|today|instead)\s+", "", pieces[0], flags=re.IGNORECASE)
    return None if _PRONOUN_SUBJECT.match(subject) else subject


_RESPONSIBLE = re.compile(
    r"(?P<subject>[^.;:!?]{2,200}?)\s+(?:(?:is|are|will be|shall be|remains?|becomes?|acts? as)\s+(?:now\s+|solely\s+|"
    r"legally\s+|fully\s+|ultimately\s+)?(?:responsible|accountable)\s+for|(?:controls?|decides?|determines?)\s+"
    r"(?:how|why|the purposes)|looks? after)\s+(?:\w+\s+){0,3}?(?:personal\s+)?(?:information|data|details)\b",
    re.IGNORECASE,
)
_RELATIVE_END = re.compile(r",?\s*(?:which|who|that)\s*$", re.IGNORECASE)


def _responsible_subject(plain: str) -> str | None:
    """Who "is responsible for / controls / decides how ... your personal information": the organisation named
    before the verb, or, after a relative pronoun ("..., an independently owned business which is responsible"),
    the noun phrase the pronoun points back to."""
    match = _RESPONSIBLE.search(plain)
    if match is None:
        return None
    subject = match.group("subject").strip()
    if _RELATIVE_END.search(subject):
        subject = _RELATIVE_END.sub("", subject)
        subject = re.split(r",|\bby\b", subject)[-1].strip()
    else:
        subject = re.split(r",\s*(?:and|but|so|while)\s+|;", subject)[-1].split(",")[0].strip()
    subject = re.sub(r"^(?:and|but|so|now|today|instead)\s+", "", subject, flags=re.IGNORECASE)
    return None if not subject or _PRONOUN_SUBJECT.match(subject) else subject


def _subject_words(subject: str) -> set[str]:
    words = re.findall(r"[a-z0-9]+", subject.lower())
    return {w for w in words if w not in _GENERIC_ORG and len(w) > 1}


def _controller_subject_changed(view: SectionView, change: Change) -> tuple[str, str] | None:
    """The subject of "... is the controller" is someone else: a one-word brand ("Parla" -> "Parlanet"), or a
    named company replaced by a description of another ("the franchisee company that operates your branch")."""
    for find in (_controller_subject, _responsible_subject):
        old_subjects = [s for s in (find(u.plain) for u in change.old) if s]
        if not old_subjects:
            continue
        old_words = set().union(*(_subject_words(s) for s in old_subjects))
        for unit in change.new:
            if CONDITIONAL.match(unit.norm):
                continue
            subject = find(unit.plain)
            if subject is None:
                continue
            words = _subject_words(subject)
            if words and old_words and not words & old_words:
                return old_subjects[0], subject
    return None


_JOINT = re.compile(
    r"\b(?:joint(?:ly)? (?:data )?controllers?|co controllers?|(?:are|act as) controllers? together|"
    r"jointly (?:responsible|decide|determine|control)|decide together|together decide)\b"
)


def _joint_controller_added(view: SectionView, change: Change) -> str | None:
    """A new joint controller: "we and the local authority are joint controllers of ...", even under a
    condition ("if your child receives funded hours, ..."), since for those people a second organisation
    now decides about their data."""
    for unit in change.new:
        match = _JOINT.search(unit.norm)
        if (
            match is None
            or negated(unit.norm, match.start(), match.end())
            or _JOINT.search(view.notice_old or view.old_norm)
        ):
            continue
        return match.group(0)
    return None


def controller_changed(view: SectionView, change: Change) -> Iterator[Finding]:
    joint = _joint_controller_added(view, change)
    if joint:
        yield make_finding(
            "controller-changed",
            "controller_identity",
            view,
            change,
            f"Another organisation now shares control of your data ({_quote(joint)})",
        )
        return
    subjects = _controller_subject_changed(view, change)
    if subjects:
        yield make_finding(
            "controller-changed",
            "controller_identity",
            view,
            change,
            f"The controller changes from {_quote(subjects[0])} to {_quote(subjects[1])}",
        )
        return
    for unit in change.new:
        match = OWNERSHIP.search(unit.norm)
        asserted = match and not CONDITIONAL.match(unit.norm) and not negated(unit.norm, match.start(), match.end())
        if match and asserted and inserted(view, change, OWNERSHIP, units=[unit]):
            yield make_finding(
                "controller-changed",
                "controller_identity",
                view,
                change,
                f"The organisation responsible for your data changes ({_quote(match.group(0))})",
            )
            return
    for old, new in change.pairs:
        if old is None or new is None or CONDITIONAL.match(new.norm):
            continue
        if not (CONTROLLER_CONTEXT.search(old.norm) and CONTROLLER_CONTEXT.search(new.norm)):
            continue
        before, after = _proper_names(old.plain), _proper_names(new.plain)
        gone = sorted(before - after)
        added = sorted(after - before - _names_in(view.notice_old_plain or view.old_plain))
        # "Brightwell Dental Group" -> "Brightwell Dental Group Ltd": the same organisation, formally named.
        same = {(g, a) for g in gone for a in added if _subject_words(g) == _subject_words(a)}
        gone = [g for g in gone if g not in {pair[0] for pair in same}]
        added = [a for a in added if a not in {pair[1] for pair in same}]
        if gone and added:
            yield make_finding(
                "controller-changed",
                "controller_identity",
                view,
                change,
                f"The organisation responsible for your data changes from {', '.join(gone)} to {', '.join(added)}",
            )
            return
    old_section = companies(view.old_plain)
    old_change: dict[str, str] = {}
    for unit in change.old:
        old_change |= companies(unit.plain)
    for unit in change.new:
        if not CONTROLLER_CONTEXT.search(unit.norm):
            continue
        if CONDITIONAL.match(unit.norm):
            continue
        names = companies(unit.plain)
        new_keys = set(names.keys() - old_change.keys())
        gone_keys = set(old_change.keys() - names.keys())
        # "Brightwell Dental Group" -> "Brightwell Dental Group Ltd": the same organisation, formally named.
        same = {
            (g, n) for g in gone_keys for n in new_keys if _subject_words(old_change[g]) == _subject_words(names[n])
        }
        new_keys -= {pair[1] for pair in same}
        gone_keys -= {pair[0] for pair in same}
        if new_keys and (new_keys - old_section.keys() or gone_keys):
            was = ", ".join(old_change[k] for k in sorted(gone_keys)) or "no name"
            now = ", ".join(names[k] for k in sorted(new_keys))
            yield make_finding(
                "controller-changed",
                "controller_identity",
                view,
                change,
                f"The controller's name changes from {was} to {now}",
            )
            return
