"""Promises removed or weakened: children's ages and protections, limits on use, defaults switched on,
denials dropped, reversed, narrowed or qualified, limits lost, and "without X" turned into "with X"."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from noticekit.classify.changes import Change
from noticekit.classify.findings import Finding, excerpt
from noticekit.classify.ladders import (
    CONSENT_LABELS,
    PROMISE_LABELS,
    VERB_LABELS,
    age_lowered,
    consent_weakened,
    promise_weakened,
)
from noticekit.classify.polarity import (
    conditional_prohibition,
    disclosure_polarity,
    has_negation,
    negated,
    qualifiers,
    verb_pattern,
    verb_polarity,
)
from noticekit.classify.practices import (
    GLUE,
    PARENTHESIS,
    PROTECTIVE,
    SEPARATOR,
    actions,
    clause_before,
    inserted_segments,
)
from noticekit.classify.quantities import ages, durations
from noticekit.classify.rules.base import (
    _ANY_READER_CONDITION,
    _READER_LIMIT,
    _RESTRICTIONS,
    _SCOPE,
    NOUN_LIMIT,
    SectionView,
    _is_right_context,
    _quote,
    about_children,
    content_stems,
    inserted,
    limit_weight,
    limit_words,
    make_finding,
    new_content_words,
    removed,
)
from noticekit.classify.rules.periods import _period_pairs
from noticekit.classify.rules.practices import _PURPOSE_VERB
from noticekit.classify.sentences import Unit
from noticekit.classify.terms import (
    CHILD_PROTECTIVE,
    CHILD_REQUIREMENTS,
    CHILDREN,
    DEFAULT_OFF,
    DEFAULT_ON,
    DENIALS,
    LIMITATION,
    PROTECTIONS,
    Family,
)

# --------------------------------------------------------------------------------------------------
# Children


_CHILD_PRACTICE = re.compile(
    r"\b(?:collect\w*|use|uses|using|process\w*|shar\w+|allow\w*|permit\w*|welcome\w*|open to|available to|"
    r"sign up|register|create (?:an )?accounts?|accounts? for|target\w*|market\w* to|advertis\w+)\b"
)


def children_weaker(view: SectionView, change: Change) -> Iterator[Finding]:
    for old_units, new_units in _period_pairs(change):
        about_age = "children" in view.topics
        old_ages = [a for u in old_units for a in ages(u.norm, about_age=about_age)]
        new_ages = [a for u in new_units for a in ages(u.norm, about_age=about_age)]
        if old_ages and new_ages:
            pairs = (
                list(zip(old_ages, new_ages, strict=True))
                if len(old_ages) == len(new_ages)
                else [(min(old_ages), min(new_ages))]
            )
            for a, b in pairs:
                if b < a:
                    yield make_finding(
                        "children-age-lowered",
                        "children",
                        view,
                        change,
                        f"The age threshold for children goes down from {a} to {b}",
                    )
                    return
    for old_norm, new_norm in [
        *((a.norm, b.norm) for a, b in change.pairs if a and b),
        (change.old_norm, change.new_norm),
    ]:
        lowered = age_lowered(old_norm, new_norm)
        if lowered:
            yield make_finding(
                "children-age-lowered",
                "children",
                view,
                change,
                f"An age threshold goes down from {lowered[0]} to {lowered[1]}",
            )
            return
    hit = removed(view, change, PROTECTIONS)
    if hit:
        yield make_finding(
            "children-protection-removed",
            "children",
            view,
            change,
            f"No longer mentioned: {PROTECTIONS.label} ({_quote(hit[1])})",
        )
        return
    child_units = [u for u in change.old if about_children(view, u) and _CONSENT.search(u.norm)]
    hit = removed(view, change, CHILD_REQUIREMENTS, units=child_units) if child_units and change.new else None
    if hit:
        yield make_finding(
            "children-protection-removed",
            "children",
            view,
            change,
            f"A requirement protecting children was dropped ({_quote(hit[1])})",
        )
        return
    units = [u for u in change.new if _CHILD_PRACTICE.search(u.norm) and not CHILD_PROTECTIVE.search(u.norm)]
    hit = inserted(view, change, CHILDREN, units=units)
    if hit:
        yield make_finding(
            "children-data-added",
            "children",
            view,
            change,
            f"Information about children is now part of the processing ({_quote(hit[1])})",
        )


_CONSENT = re.compile(r"\b(?:parent\w*|guardian\w*|consent\w*|permission|verif\w+|approv\w+|confirm\w*|agree\w*)\b")


# --------------------------------------------------------------------------------------------------
# Limits on use


def limit_removed(view: SectionView, change: Change) -> Iterator[Finding]:
    """A practice loses its limit ("we use your address only to deliver" -> "to deliver", "for no other purpose").

    Only sentences that still assert the practice count (a reworded denial is ``negation_removed``'s
    business), and not rights ("you can *only* object by post" losing "only" is an easier right).
    """
    for old, new in change.pairs:
        if old is None or new is None or _is_right_context(view, old) or _is_right_context(view, new):
            continue
        if LIMITATION.count(new.norm) >= LIMITATION.count(old.norm):
            continue
        denied, asserted_verbs = verb_polarity(new.norm)
        if denied and not asserted_verbs:
            continue  # "only with your consent" -> "we do not share": the practice is now denied outright
        asserted = asserted_verbs or actions(new.norm) or _PURPOSE_VERB.search(new.norm)
        if not asserted or DENIALS.search(new.norm):
            continue
        hit = LIMITATION.search(old.norm)
        yield make_finding(
            "limit-removed",
            "negation_removed",
            view,
            change,
            f"A limit on how the information is used was removed ({_quote(hit.group(0) if hit else '')})",
        )
        return


# --------------------------------------------------------------------------------------------------
# Defaults


def default_switched(view: SectionView, change: Change) -> Iterator[Finding]:
    """Something that was off unless the reader turned it on is now on unless they turn it off."""
    pairs = [([a], [b]) for a, b in change.pairs if a is not None and b is not None]
    if change.old and change.new:
        pairs.append((list(change.old), list(change.new)))  # the default may be restated in another sentence
    for old_units, new_units in pairs:
        old_norm = " ".join(u.norm for u in old_units)
        new_norm = " ".join(u.norm for u in new_units)
        was_off = _asserted_default(DEFAULT_OFF, old_norm)
        now_on = _asserted_default(DEFAULT_ON, new_norm)
        if not was_off or not now_on or _asserted_default(DEFAULT_ON, old_norm):
            continue
        if _asserted_default(DEFAULT_OFF, new_norm) and DEFAULT_OFF.count(new_norm) >= DEFAULT_OFF.count(old_norm):
            continue  # still off by default; the "on" is something else
        children = any(about_children(view, u) for u in (*old_units, *new_units))
        yield make_finding(
            "default-switched",
            "children" if children else "rights_reduced",
            view,
            change,
            f"A default changes from off to on ({_quote(was_off)} becomes {_quote(now_on)})"
            + (" for children" if children else "; the reader now has to act to stop it"),
        )
        return
    yield from _consent_stepped_down(view, change)


def _consent_stepped_down(view: SectionView, change: Change) -> Iterator[Finding]:
    """Something that needed agreement first now only lets the reader object ("only if a parent has ticked
    the consent box" -> "if you would rather your child was not included, tell us"), or needs none."""
    if not change.new:
        return
    # The whole change is compared: a consent condition moved to another sentence of the change is kept.
    hit = consent_weakened(change.old_norm, change.new_norm)
    if hit:
        children = any(about_children(view, u) for u in (*change.old, *change.new))
        yield make_finding(
            "consent-weakened",
            "children" if children else "rights_reduced",
            view,
            change,
            f"The choice offered is weaker: {CONSENT_LABELS[hit[0]]} becomes {CONSENT_LABELS[hit[1]]}"
            + (" for children" if children else ""),
        )


def _asserted_default(family: Family, norm: str) -> str | None:
    """The first statement of a default; only a negation right before it ("is not on by default") denies it."""
    for match in family.matches(norm):
        if not has_negation(" ".join(norm[: match.start()].split()[-3:])):
            return match.group(0)
    return None


# --------------------------------------------------------------------------------------------------
# Promises removed or weakened


def negation_removed(view: SectionView, change: Change) -> Iterator[Finding]:
    found = _promise_reversed(view, change) or list(_practice_promise_removed(view, change))
    yield from found or _promise_stepped_down(view, change)


def _promise_stepped_down(view: SectionView, change: Change) -> Iterator[Finding]:
    """The same practice is still denied, but on a lower rung: "we have never sold and never will" -> "we do
    not currently sell"; "we do not share" -> "we do not normally share"."""
    # The whole change is compared (strongest rung on each side), so a promise restated elsewhere in the
    # change at full strength is not a weakening.
    hit = promise_weakened(change.old_norm, change.new_norm)
    if hit:
        verb, before, after = hit
        yield make_finding(
            "promise-weakened",
            "negation_removed",
            view,
            change,
            f"A promise not to {VERB_LABELS.get(verb, verb)} is weaker: {PROMISE_LABELS[before]} becomes "
            f"{PROMISE_LABELS[after]}",
        )


def _promise_reversed(view: SectionView, change: Change) -> list[Finding]:
    """A promise about who receives, sees or is shown what ("your employer does not receive", "we will not
    publish", "is not shown") is reversed or dropped. The organisation or a third party is the subject, or
    the sentence is passive; the reader as subject ("you cannot see") is a matter of rights, not this rule.
    """
    new_denied_section: set[str] = set()
    for unit in view.new_units:
        new_denied_section |= disclosure_polarity(unit.norm)[0]
    for old, new in change.pairs:
        if old is None:
            continue
        denied = disclosure_polarity(old.norm)[0]
        if not denied:
            continue
        if new is None:
            lost = sorted(denied - new_denied_section)
            if any(has_negation(u.norm) for u in change.new):
                lost = []  # restated as another denial
        else:
            if conditional_prohibition(old.norm, new.norm):
                continue  # "not without consent" -> "only with consent": the same rule
            new_denied, new_asserted = disclosure_polarity(new.norm)
            lost = sorted((denied & new_asserted) - new_denied)
            if not lost and not has_negation(new.norm):
                lost = sorted(denied - new_asserted - new_denied_section)  # the promise is gone from the sentence
        if lost:
            children = any(about_children(view, u) for u in (old, *([new] if new else [])))
            return [
                make_finding(
                    "negation-removed",
                    "children" if children else "negation_removed",
                    view,
                    change,
                    f"A promise not to {_verbs(lost)} was removed or reversed ({_quote(excerpt(old.plain, '', 90))})"
                    + (" for children" if children else ""),
                )
            ]
    return []


def _practice_promise_removed(view: SectionView, change: Change) -> Iterator[Finding]:
    new_denied_section = set()
    for unit in view.new_units:
        new_denied_section |= verb_polarity(unit.norm)[0]
    for old, new in change.pairs:
        if old is None:
            continue
        denied, _ = verb_polarity(_ANY_READER_CONDITION.sub(" ", old.norm))
        if not denied:
            continue  # "if you would rather your photos were never used, tell us": the reader's wish, no promise
        if new is None:
            lost = sorted(denied - new_denied_section)
            if any(has_negation(u.norm) and _restated(old.norm, lost, u.norm) for u in change.new):
                lost = []  # reworded as another denial ("must not use" -> "is not meant for")
            if lost:
                yield make_finding(
                    "negation-removed",
                    "negation_removed",
                    view,
                    change,
                    f"A promise not to {_verbs(lost)} was removed ({_quote(excerpt(old.plain, '', 90))})",
                )
                return
            continue
        new_denied, new_asserted = verb_polarity(new.norm)
        if conditional_prohibition(old.norm, new.norm):
            continue
        flipped = sorted((denied & new_asserted) - new_denied)
        dropped = sorted(v for v in denied - new_denied - new_asserted if v not in new_denied_section)
        if dropped and not new_denied and has_negation(new.norm) and _restated(old.norm, dropped, new.norm):
            dropped = []  # the promise is reworded around another verb ("is not meant for"), not dropped
        if flipped or dropped:
            yield make_finding(
                "negation-removed",
                "negation_removed",
                view,
                change,
                f"A promise not to {_verbs(flipped or dropped)} was removed or reversed",
            )
            return
        added = sorted(q for q in qualifiers(new.norm) - qualifiers(old.norm) if not _said_before(q, new.norm, view))
        if added and denied & new_denied and _qualifies_promise(new.norm, denied & new_denied, added):
            yield make_finding(
                "negation-weakened",
                "negation_removed",
                view,
                change,
                f"A promise not to {_verbs(sorted(denied & new_denied))} is weakened by {_quote(added[0])}",
            )
            return


# fmt: off
_FUNCTION_WORDS = frozenset({
    "a", "an", "the", "and", "or", "of", "to", "for", "in", "on", "at", "by", "with", "from", "we", "you", "our",
    "your", "us", "it", "its", "this", "that", "these", "those", "is", "are", "be", "will", "may", "can", "not",
    "no", "never", "do", "does", "any", "all",
})
# fmt: on


def _said_before(word: str, norm: str, view: SectionView) -> bool:
    """``word`` with the three words after it was already in the old section: a sentence joined or split, as
    when a list becomes a table ("They are off unless you turn them on" moved into a cell)."""
    at = norm.find(word)
    phrase = " ".join(norm[at:].split()[:4]) if at >= 0 else word
    return phrase in view.old_norm


def _restated(old: str, verbs: Iterable[str], new: str) -> bool:
    """The words a denied verb governs in ``old`` ("use *the service*") mostly reappear in ``new``."""
    new_words = set(new.split())
    for verb in verbs:
        for match in verb_pattern(verb).finditer(old):
            scope = [w for w in old[match.end() :].split()[:6] if w not in _FUNCTION_WORDS]
            if scope and sum(w in new_words for w in scope) * 2 < len(scope):
                return False
    return True


def _qualifies_promise(norm: str, verbs: set[str], words: list[str]) -> bool:
    """A qualifier counts when it stands in the promise's sentence after the negation starts."""
    starts = [m.start() for verb in verbs for m in verb_pattern(verb).finditer(norm)]
    first = min(starts) if starts else 0
    return any(norm.find(word, max(0, first - 40)) >= 0 for word in words)


def _verbs(verbs: list[str]) -> str:
    return verbs[0] if len(verbs) == 1 else ", ".join(verbs[:-1]) + " or " + verbs[-1]


# --------------------------------------------------------------------------------------------------
# Safety net: a limit that was in a sentence is gone from it


def _mostly_restated(old: Unit, new_units: tuple[Unit, ...]) -> bool:
    """Half or more of a removed sentence's content words are still said in the change's new sentences."""
    words = set(content_stems(old.norm))
    kept = words & {stem for unit in new_units for stem in content_stems(unit.norm)}
    return bool(words) and len(kept) * 2 >= len(words) and any(limit_words(u.norm) for u in new_units)


def limit_lost(view: SectionView, change: Change) -> Iterator[Finding]:
    """A sentence keeps its subject but loses a "never", "not", "no" or "only": what was ruled out or
    confined is now allowed ("seen only by our verifiers and never shown" -> "shown unless a parent asks").

    A safety net in other words than the specific promise rules know: the reader's own limits, bounds on
    periods and limits restated elsewhere in the change are set aside.
    """
    if change.kind != "substantive" or not change.old or not change.new:
        return
    children = any(about_children(view, unit) for unit in change.old)
    if limit_weight(limit_words(change.new_norm, reader=children)) >= limit_weight(
        limit_words(change.old_norm, reader=children)
    ):
        return
    for old, new in change.pairs:
        if old is None:
            continue
        old_limits = limit_words(old.norm, reader=children)
        if new is None:
            if old_limits and not _SCOPE.match(old.norm) and not _mostly_restated(old, change.new):
                yield make_finding(
                    "limit-lost",
                    "children" if children else "negation_removed",
                    view,
                    change,
                    f"A sentence with a limit ({_quote(sorted(old_limits)[0])}) was taken out: "
                    f"{_quote(excerpt(old.plain, '', 90))}; review whether it is material",
                )
                return
            continue
        new_limits = limit_words(new.norm, reader=children)
        lost = old_limits - new_limits
        if limit_weight(new_limits) < limit_weight(old_limits) and not lost:
            lost = Counter({word: 1 for word in old_limits if word not in _RESTRICTIONS})  # "not" -> "only"
        if not lost or _SCOPE.match(old.norm) or conditional_prohibition(old.norm, new.norm):
            continue  # what the notice covers; "must not X without Y" -> "need Y to X", the same rule
        word = sorted(lost)[0]
        yield make_finding(
            "limit-lost",
            "children" if about_children(view, old) else "negation_removed",
            view,
            change,
            f"A limit ({_quote(word)}) was taken out of {_quote(excerpt(old.plain, '', 90))}; "
            "review whether it is material",
        )
        return


# --------------------------------------------------------------------------------------------------
# Safety net: a promise that covers less (fewer things denied, fewer people protected)


def denial_narrowed(view: SectionView, change: Change) -> Iterator[Finding]:
    """Something taken out of what a promise denies: "We do not share your bank balance, your transaction
    history or ..." -> "We do not share your transaction history or ...". The promise stays; it covers less."""
    if change.kind != "substantive":
        return
    for old, new in change.pairs:
        if old is None or new is None or not has_negation(new.norm) or _SCOPE.match(old.norm):
            continue
        if limit_weight(limit_words(change.new_norm)) > limit_weight(limit_words(change.old_norm)):
            continue  # "We may share ..." -> "We do not share ...": a promise made, not narrowed
        for segment in inserted_segments(new.plain, old.plain):
            if any(w not in GLUE and w not in (SEPARATOR, PARENTHESIS) for w in segment.replaced):
                continue  # replaced, not taken out: the other rules judge the new words
            text = segment.text
            at = old.norm.find(text)
            gone = new_content_words(new.norm, text)
            if at <= 0 or not gone or not negated(old.norm, at, at + len(text)) or _READER_LIMIT.search(old.norm):
                continue
            if re.search(r"\b(?:unless|except|other than|apart from|save)\b", text):
                continue  # an exception taken out of a promise makes it stronger
            yield make_finding(
                "denial-narrowed",
                "negation_removed",
                view,
                change,
                f"A promise no longer covers {_quote(excerpt(text, '', 80))}",
            )
            return


_SAME_SCOPE = frozenset({"personal", "own", "private", "such", "this", "that", "these", "those", "the", "your"})
_BROADER = re.compile(r"\b(?:or|nor|any|anyone|anything|ever|at all|whatsoever|all|every|other|else|including)\b")


def denial_qualified(view: SectionView, change: Change) -> Iterator[Finding]:
    """Words added inside what a promise denies that make it deny less: "we do not sell your personal
    information" -> "... for money"; "does not use Worker data" -> "identifiable Worker data"; "don't show your
    surname to anyone" -> "to anyone outside your allotment site". Words that widen it ("or share", "ever") or
    another denial are left alone."""
    if change.kind != "substantive":
        return
    for old, new in change.pairs:
        if old is None or new is None or not has_negation(old.norm) or _SCOPE.match(old.norm):
            continue
        if limit_weight(limit_words(new.norm)) != limit_weight(limit_words(old.norm)) or limit_weight(
            limit_words(change.new_norm)
        ) > limit_weight(limit_words(change.old_norm)):
            continue  # a denial gained or lost: the limit rules judge it
        for segment in inserted_segments(old.plain, new.plain):
            text = segment.text
            if segment.replaced or not new_content_words(old.norm, text) or _BROADER.search(text):
                continue
            if set(text.split()) <= _SAME_SCOPE:
                continue  # "your data" -> "your personal data": the same thing named more exactly
            if has_negation(text) or PROTECTIVE.search(NOUN_LIMIT.sub(" ", text)) or durations(text):
                continue
            at = new.norm.find(text)
            if at <= 0 or _READER_LIMIT.search(new.norm[:at]) or new.norm[:at].split()[-1] in ("or", "and", "nor"):
                continue  # the reader's own limit; another item added to what is denied ("... or your address")
            if not (negated(new.norm, at, at + len(text)) or has_negation(_own_clause(new.norm, at))):
                continue
            yield make_finding(
                "denial-qualified",
                "negation_removed",
                view,
                change,
                f"A promise now denies less: {_quote(excerpt(text, '', 80))} was added to it",
            )
            return


_UNDER_AGE = re.compile(r"\b(?:under|below|younger than) (?:the age of |age )?(\d{1,2})\b")


def protected_age_lowered(view: SectionView, change: Change) -> Iterator[Finding]:
    """A protection for young people now covers fewer of them: "we never print the full name of a player under
    18" -> "under 13". In a sentence that describes a practice instead ("we show ads to under-16s"), a lower
    age narrows the practice and is left alone."""
    if change.kind != "substantive":
        return
    for old, new in change.pairs:
        if old is None or new is None:
            continue
        before, after = _UNDER_AGE.search(old.norm), _UNDER_AGE.search(new.norm)
        if before is None or after is None or int(after.group(1)) >= int(before.group(1)):
            continue
        if not (has_negation(new.norm) or PROTECTIVE.search(new.norm) or CHILD_PROTECTIVE.search(new.norm)):
            continue
        yield make_finding(
            "protected-age-lowered",
            "children",
            view,
            change,
            f"A protection now covers only people {after.group(0)}, not {before.group(0)}",
        )
        return


# --------------------------------------------------------------------------------------------------
# "without X" turned into "with X"

_WITHOUT = re.compile(r"\bwithout (?:(?:the|any|your|their|its|a|an)\b )?((?:\w+ ){0,2}\w+)")
_CONSENT_NOUN = re.compile(
    r"\b(?:consent\w*|permission|agree\w*|approv\w+|authori[sz]\w+|ask\w*|asking|notice|notify\w*|telling|"
    r"warning|delay|charge|fee|cost|payment|problems?|issues?|interruption|break\w*|fail\w*|errors?)\b"
)
_GENERIC = frozenset({"s", "the", "any", "your", "their", "its", "a", "an", "of", "and", "or", "being", "having"})


def _own_clause(norm: str, start: int) -> str:
    """The words of the clause leading to ``start``, cut at "and"/"but" and at another clause's start."""
    return re.split(r"\b(?:and|but|while|whereas|although)\b", clause_before(norm, start))[-1]


def without_flipped(view: SectionView, change: Change) -> Iterator[Finding]:
    """What a practice was done without ("clips are saved without sound", "answers without names") it is now
    done with ("with the sound picked up", "with respondents' names"): the data it leaves out is now included.

    Consent, notice, fees and the like are conditions, not data: "without asking you" -> "with your consent"
    is more protective, and is left to the promise rules.
    """
    new_norm = change.new_norm  # a sentence split in two keeps its words in the change
    if not change.old or not change.new:
        return
    for old in change.old:
        for match in _WITHOUT.finditer(old.norm):
            phrase = match.group(1)
            if _CONSENT_NOUN.search(phrase) or has_negation(_own_clause(old.norm, match.start())):
                continue
            words = [w for w in phrase.split() if w not in _GENERIC and len(w) > 2]
            if not words or any(re.search(rf"\bwithout (?:\w+ ){{0,3}}{re.escape(w)}\b", new_norm) for w in words):
                continue
            with_hits = (
                (unit.norm, m)
                for w in words
                for unit in change.new
                for m in re.finditer(rf"\bwith (?:\w+ ){{0,3}}{re.escape(w)}\b", unit.norm)
            )
            hit = next((m.group(0) for norm, m in with_hits if not has_negation(_own_clause(norm, m.start()))), None)
            if hit:
                yield make_finding(
                    "without-flipped",
                    "new_data_category",
                    view,
                    change,
                    f"Something left out before is now included ({_quote('without ' + phrase)} becomes {_quote(hit)})",
                )
                return
