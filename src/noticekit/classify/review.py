"""The thorough review: every substantive change is worth a look unless it is recognisably safe.

The rules in the ``rules`` package say *what* changed ("a new recipient", "a longer period"); they need words
they know. On fresh text written by someone else they catch about nine material edits in ten
(``docs/decisions/0003``). The thorough review turns the burden around, as a lawyer reading a redline
does: a change is flagged unless it is one of the kinds that cannot hurt the reader —

* the same words rearranged (reordered, reformatted, set out as a list or a table);
* a spelling fix, a renamed firm, another contact person or channel;
* a limit, a protection or a negation added ("only", "encrypted", "we do not");
* something the reader can now do, or a choice they are given;
* an explanation, an example, a definition or a reason;
* a period, an age or an address: their own rules know which way is worse;
* a sentence taken out that limited or protected nothing (fewer recipients, fewer purposes).

Everything else — new words in a statement of what is done with data, a figure or a unit of time
changed, an item taken out of a denial, a limit lost — becomes a ``review`` finding. It runs only when
no specific rule found anything in the change (a safety net), and only when ``material.review`` is
``thorough``. It is not the default: rewordings that keep the meaning are flagged too (see the figures
in ``docs/decisions/0003``), so every such release needs a ``material_reason``.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from noticekit.classify.changes import Change
from noticekit.classify.findings import Finding, excerpt
from noticekit.classify.polarity import has_negation, negated
from noticekit.classify.practices import (
    CONSENT_GATE,
    PROTECTIVE,
    READER_SUBJECT,
    RESTATEMENT,
    actions,
    inserted_segments,
)
from noticekit.classify.quantities import durations
from noticekit.classify.rules import (
    AGE_WORDS,
    BOUND,
    CONTACT_PERSON,
    DEFINES,
    EXPLAINS_WHY,
    FIRM_WORD,
    MODIFIER,
    NOUN_LIMIT,
    PLAIN_WORDS,
    READER_CONDITION,
    REASON,
    RENAMED,
    SectionView,
    about_children,
    content_stems,
    is_a_name,
    is_contact_channel,
    limit_weight,
    limit_words,
    make_finding,
    new_content_words,
    segment_explained,
    similar_old_sentence,
    unit_explained,
)
from noticekit.classify.rules.base import IMPERATIVE
from noticekit.classify.rules.nets import UNIT_DAYS
from noticekit.classify.sentences import Unit, normalise
from noticekit.classify.terms import CHOICE, COARSENED, CONTACT_DETAIL, CONTACT_US, DEFINITION

RULE = "review"

_TIME_UNITS = frozenset({*UNIT_DAYS, "hour", "hours"})
_ADDRESS = re.compile(
    r"\b(?:street|road|avenue|lane|floor|suite|unit|building|house|court|quay|square|place|way|drive|po box|"
    r"zzphone|zzemail|zzurl|write to|address)\b"
)
_WE = re.compile(r"\bwe\b")
_NUMBER_WORDS = re.compile(
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|"
    r"forty|fifty|sixty|ninety|hundred)(?: \w+)?"
)
_LESS_OF_IT = re.compile(r"\b(?:first letter|initials?|only the first|last (?:two|three|four) digits|year of birth)\b")
_TO_DO_IT = re.compile(r"^to (?:stop|opt out|unsubscribe|change|update|delete|see|get|turn off|switch off)\b")
_RIGHT_WORDS = re.compile(r"\b(?:you|your right|choose|choice|opt\w* out|object|withdraw|unsubscribe|request|ask us)\b")


def thorough_review(view: SectionView, change: Change) -> Iterator[Finding]:
    """One ``review`` finding for the first part of ``change`` that is not recognisably safe."""
    if change.kind != "substantive" or CONTACT_US.search(normalise(view.title)):
        return
    if _bag(view.old_units) == _bag(view.new_units):
        return  # the same words, rearranged
    for old, new in change.pairs:
        finding = _review_pair(view, change, old, new)
        if finding is not None:
            yield finding
            return


def _review_pair(view: SectionView, change: Change, old: Unit | None, new: Unit | None) -> Finding | None:
    if new is None:
        return _review_removed(view, change, old) if old is not None else None
    if RENAMED.search(new.norm) or CONTACT_PERSON.search(new.norm) or is_contact_channel(new):
        return None
    if old is not None and limit_weight(limit_words(new.norm, reader=True)) > limit_weight(
        limit_words(old.norm, reader=True)
    ):
        return None  # a limit added
    counterpart = old.plain if old is not None else similar_old_sentence(view, new)
    if counterpart is None:
        return _review_new_sentence(view, change, new)
    old_norm = normalise(counterpart)
    if limit_weight(limit_words(new.norm, reader=True)) < limit_weight(limit_words(old_norm, reader=True)):
        return _review(view, change, "negation_removed", f"a limit is gone from {_quote(new.plain)}")
    figures = _figure_changed(old_norm, new.norm)
    if figures:
        category = "children" if about_children(view, new) else "new_purpose"
        return _review(view, change, category, f"a figure changed ({figures})")
    old_units = [w for w in old_norm.split() if w in _TIME_UNITS]
    new_units = [w for w in new.norm.split() if w in _TIME_UNITS]
    if old_units != new_units and not durations(new.norm) and not durations(old_norm) and not BOUND.search(new.norm):
        return _review(view, change, "longer_retention", f"a time changed ({' '.join(old_units) or '—'} → "
                       f"{' '.join(new_units) or '—'})")  # fmt: skip
    for segment in inserted_segments(counterpart, new.plain):
        replaced = " ".join(segment.replaced)
        brought = new_content_words(f"{view.old_norm} {replaced}", segment.text)
        if not brought or durations(segment.text) or durations(replaced) or _respelled(replaced, segment.text):
            continue
        if durations(new.norm) and _NUMBER_WORDS.fullmatch(segment.text):
            continue  # "24" -> "eighteen" (months): the period rules compare the periods
        if _safe_addition(segment.text) or (not replaced and segment_explained(view, new, segment)):
            continue
        if _names_swapped(segment.text, replaced, new, old) or (replaced and CONTACT_DETAIL.search(segment.text)):
            continue
        what = f"{_quote(replaced)} becomes {_quote(segment.text)}" if replaced else f"added {_quote(segment.text)}"
        return _review(view, change, "new_purpose", what)
    for segment in inserted_segments(new.plain, counterpart):
        if segment.replaced:
            continue  # judged above as a replacement
        finding = _review_dropped(view, change, old_norm, new, segment.text)
        if finding is not None:
            return finding
    return None


def _review_new_sentence(view: SectionView, change: Change, new: Unit) -> Finding | None:
    if len(new_content_words(view.old_norm, new.norm)) < 2 or _ADDRESS.search(new.norm):
        return None
    if _safe_addition(new.norm) or unit_explained(view, new):
        return None
    return _review(view, change, "new_purpose", f"a new statement: {_quote(new.plain)}")


def _review_removed(view: SectionView, change: Change, old: Unit) -> Finding | None:
    """A sentence taken out matters when it limited or protected something that is not said again."""
    if not (limit_words(old.norm, reader=about_children(view, old)) or PROTECTIVE.search(old.norm)):
        return None  # the reader's own wishes ("if you would rather not ...") limit nothing we do
    if not new_content_words(view.new_norm, old.norm) or _mostly_said(old, view.new_units):
        return None
    return _review(view, change, "negation_removed", f"a sentence with a limit or protection was taken out: "
                   f"{_quote(old.plain)}")  # fmt: skip


def _review_dropped(view: SectionView, change: Change, old_norm: str, new: Unit, text: str) -> Finding | None:
    """Words taken out of a sentence: from a denial ("we do not share your bank balance, ..."), or words that
    limited, protected or gave the reader something."""
    if not text or not new_content_words(view.new_norm, text):
        return None  # still said somewhere in the section (a sentence set out as a list)
    at = old_norm.find(text)
    if at > 0 and negated(old_norm, at):
        return _review(view, change, "negation_removed", f"{_quote(text)} is no longer covered by the promise")
    if (
        limit_words(text, reader=True)
        or PROTECTIVE.search(text)
        or READER_SUBJECT.search(text)
        or CHOICE.search(text)
        or (_RIGHT_WORDS.search(text))
    ):
        return _review(view, change, "rights_reduced", f"{_quote(text)} was taken out")
    return None


def _safe_addition(text: str) -> bool:
    """A protection, a negation, a consent, the reader's own act or choice, an explanation or a reason."""
    unmasked = NOUN_LIMIT.sub(" ", READER_CONDITION.sub(" ", text))
    if PROTECTIVE.search(unmasked) or has_negation(unmasked) or CONSENT_GATE.search(text):
        return True
    if COARSENED.search(text) or _LESS_OF_IT.search(text) or _TO_DO_IT.match(text) or IMPERATIVE.match(text):
        return True  # "the first letter of your surname"; "To stop these texts, reply STOP"
    reader = READER_SUBJECT.search(text)
    ours = _WE.search(text)
    if (reader and not (ours and ours.start() < reader.start())) or CHOICE.search(text):
        return True
    if RESTATEMENT.search(text) or PLAIN_WORDS.match(text) or DEFINES.match(text) or DEFINITION.search(text):
        return True
    if REASON.match(text) or EXPLAINS_WHY.match(text) or CONTACT_DETAIL.search(text):
        return True
    return bool(MODIFIER.match(text) and not actions(text))


def _figure_changed(old_norm: str, new_norm: str) -> str | None:
    """Numbers that are not periods, ages or parts of an address differ."""
    old = [w for w in old_norm.split() if w.isdigit()]
    new = [w for w in new_norm.split() if w.isdigit()]
    both = f"{old_norm} {new_norm}"
    if old == new or durations(new_norm) or durations(old_norm):
        return None
    if AGE_WORDS.search(both) or _ADDRESS.search(new_norm):
        return None
    return f"{' '.join(old) or '—'} → {' '.join(new) or '—'}"


def _respelled(replaced: str, text: str) -> bool:
    """One word for a near spelling of it ("shre" -> "share"): the meaning rules judge the sentence."""
    if len(replaced.split()) != 1 or len(text.split()) != 1:
        return False
    return difflib.SequenceMatcher(None, replaced, text).ratio() >= 0.75


def _names_swapped(text: str, replaced: str, new: Unit, old: Unit | None) -> bool:
    """One person's name for another (not a firm's: the controller rules judge firms)."""
    if FIRM_WORD.search(new.norm) or not is_a_name(text, new.plain):
        return False
    return not replaced or (old is not None and is_a_name(replaced, old.plain))


def _mostly_said(old: Unit, units: Iterable[Unit]) -> bool:
    """The removed sentence still exists word for word elsewhere in the section."""
    return any(unit.norm == old.norm for unit in units)


def _bag(units: Iterable[Unit]) -> Counter[str]:
    """Content words, limit words and figures of a body, in any order."""
    bag: Counter[str] = Counter()
    for unit in units:
        if unit.kind == "heading":
            continue
        bag.update(content_stems(unit.norm))
        bag.update(limit_words(unit.norm, reader=True))
        bag.update(word for word in unit.norm.split() if word.isdigit())
    return bag


def _quote(text: str) -> str:
    return f"\u201c{excerpt(text, '', 90)}\u201d"


def _review(view: SectionView, change: Change, category: str, what: str) -> Finding:
    return make_finding(RULE, category, view, change, f"Worth a review: {what}")
