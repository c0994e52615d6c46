"""The material-change rules. Each reads one change (old and new sentences) in its section.

Every rule is direction-aware: it fires on the *less protective* direction only (a term inserted
where a recipient, purpose or data category is named; a right, a promise or a safeguard removed;
a period made longer), and stays silent on the more protective one.

A rule is a function ``(section, change) -> Iterator[Finding]``; ``CHANGE_RULES`` lists them in the
order their findings are reported. Section-level rules (removed sub-sections, sensitive sections)
live in ``detect.py``.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from noticekit.classify.changes import Change
from noticekit.classify.findings import Finding, excerpt
from noticekit.classify.ladders import (
    CONSENT_LABELS,
    MECHANISM_LABELS,
    PROMISE_LABELS,
    VERB_LABELS,
    age_lowered,
    consent_weakened,
    mechanism_stepped_down,
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
    CONSENT_GATE,
    FUNCTION_WORDS,
    GLUE,
    PARENTHESIS,
    PROTECTIVE,
    READER_SUBJECT,
    RESTATEMENT,
    SEPARATOR,
    Segment,
    actions,
    clause_before,
    content_words,
    inserted_segments,
    moved_within,
    only_additions,
)
from noticekit.classify.quantities import Duration, DurationRole, ages, durations
from noticekit.classify.sentences import Unit, normalise
from noticekit.classify.terms import (
    ABROAD,
    BENEFIT,
    CHANNEL_FRICTION,
    CHILD_PROTECTIVE,
    CHILD_REQUIREMENTS,
    CHILDREN,
    CHOICE,
    COARSENED,
    CONDITIONAL,
    CONTACT_DETAIL,
    CONTACT_US,
    CONTROLLER_CONTEXT,
    DATA,
    DEFAULT_OFF,
    DEFAULT_ON,
    DEFINITION,
    DENIALS,
    ERASURE,
    FRICTION,
    KEEP_LEAD,
    KEPT_AFTER,
    LIMITATION,
    LIST_TOPICS,
    MECHANISMS,
    NOT_TRANSFER,
    OWNERSHIP,
    PROTECTIONS,
    PURPOSES,
    RECIPIENTS,
    REQUIREMENT,
    RIGHT_CONTEXT,
    RIGHTS,
    SECURITY_TOPIC,
    SUMMARY,
    TOPICS,
    TRANSFER_CONTEXT,
    UNLIMITED,
    Family,
    companies,
    places,
)


def topics(text: str) -> frozenset[str]:
    norm = normalise(text)
    return frozenset(topic for topic, pattern in TOPICS.items() if pattern.search(norm))


@dataclass
class SectionView:
    """One section (or the introduction) on both sides, with notice-wide counts for moved text."""

    id: str
    title: str
    old_units: list[Unit]
    new_units: list[Unit]
    notice_old: str = ""
    """Normalised text of the whole old notice."""
    notice_new: str = ""
    extra_families: tuple[Family, ...] = ()
    sensitivity: str = "normal"
    notice_old_units: tuple[str, ...] = ()
    """Normalised sentences of the whole old notice (shared by every section's view)."""
    notice_old_plain: str = ""
    """Plain text of the whole old notice, for names of companies."""
    _topic_cache: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    @cached_property
    def old_norm(self) -> str:
        return " ".join(unit.norm for unit in self.old_units)

    @cached_property
    def new_norm(self) -> str:
        return " ".join(unit.norm for unit in self.new_units)

    @cached_property
    def old_plain(self) -> str:
        return " ".join(unit.plain for unit in self.old_units)

    @cached_property
    def topics(self) -> frozenset[str]:
        return topics(f"{self.title} {self.id.replace('-', ' ')}")

    def unit_topics(self, unit: Unit) -> frozenset[str]:
        """Topics of the section, the unit's heading and its lead-in."""
        key = f"{unit.heading}\x00{unit.lead}"
        if key not in self._topic_cache:
            self._topic_cache[key] = self.topics | topics(unit.heading) | topics(unit.lead)
        return self._topic_cache[key]

    def grew(self, family: Family) -> bool:
        """The family is mentioned more often than before, in this section and in the whole notice."""
        return _count(family, self.new_norm) > _count(family, self.old_norm) and (
            not self.notice_new or _count(family, self.notice_new) > _count(family, self.notice_old)
        )

    def shrank(self, family: Family) -> bool:
        return _count(family, self.new_norm) < _count(family, self.old_norm)

    def stated_before(self, family: Family) -> bool:
        """The old notice (this section if the notice is unknown) already asserts the family somewhere."""
        return _asserted_in(family, self.notice_old_units or tuple(u.norm for u in self.old_units))


@lru_cache(maxsize=1024)
def _asserted_in(family: Family, norms: tuple[str, ...]) -> bool:
    return any(
        not negated(norm, match.start(), match.end()) and not _object_of_choice(norm, match.start())
        for norm in norms
        if family.search(norm)
        for match in family.matches(norm)
    )


_CHOICE_VERB = re.compile(
    r"\b(?:opt(?:s|ed|ing)? out|object(?:s|ing)? to|unsubscrib\w+|withdraw\w*|turn\w* off|switch\w* off|disabl\w+|"
    r"stop\w*|limit\w*|restrict\w*|refus\w+|decline\w*|request\w* (?:that we|us) not|ask\w* us not|"
    r"do not sell|do not share|right to (?:know|access|delete|correct|object|opt out))\b"
)


def _object_of_choice(norm: str, start: int) -> bool:
    """The words at ``start`` are what the reader can refuse ("opt out of ... targeted advertising")."""
    window = norm[max(0, start - 120) : start]
    return bool(_CHOICE_VERB.search(window))


@lru_cache(maxsize=4096)
def _count(family: Family, text: str) -> int:
    """Counts over whole sections and notices are asked for again and again while rules run."""
    return family.count(text)


RuleFunc = Callable[[SectionView, Change], Iterator[Finding]]


def _finding(rule: str, category: str, view: SectionView, change: Change, message: str) -> Finding:
    before = excerpt(change.old_plain, change.new_plain)
    after = excerpt(change.new_plain, change.old_plain)
    return Finding(rule, category, view.id, message, before, after)


def _quote(text: str) -> str:
    return f"\u201c{text}\u201d"


def _asserted_matches(family: Family, units: Iterable[Unit]) -> Iterator[tuple[Unit, re.Match[str]]]:
    """Matches of ``family`` in ``units`` that are not denied by a negation."""
    for unit in units:
        norm = unit.norm
        glosses = _glosses(unit.plain)
        for match in family.matches(norm):
            if negated(norm, match.start(), match.end()):
                continue
            if any(match.group(0) in gloss for gloss in glosses) and not any(
                match.group(0) in part for part in _outside_glosses(unit.plain)
            ):
                continue  # "the track each flight followed (the series of GPS positions ...)": says what a word means
            yield unit, match


_GLOSS = re.compile(r"\((?:the|a|an|i\.e\.|ie|e\.g\.|eg|that is|meaning|which|in other words)\b[^()]*\)", re.I)


def _glosses(plain: str) -> list[str]:
    """Normalised bracketed asides that explain the word before them."""
    return [normalise(m.group(0)) for m in _GLOSS.finditer(plain)]


def _outside_glosses(plain: str) -> list[str]:
    return [normalise(_GLOSS.sub(" ", plain))]


def inserted(
    view: SectionView, change: Change, family: Family, *, units: Iterable[Unit] | None = None
) -> tuple[Unit, str] | None:
    """The first asserted mention of ``family`` that this change introduces, if any."""
    if family.search(change.old_norm) and any(True for _ in _asserted_matches(family, change.old)):
        return None
    if not view.grew(family):
        return None
    for unit, match in _asserted_matches(family, change.new if units is None else units):
        return unit, match.group(0)
    return None


def removed(
    view: SectionView, change: Change, family: Family, *, units: Iterable[Unit] | None = None
) -> tuple[Unit, str] | None:
    """The first asserted mention of ``family`` that this change removes, if any."""
    if any(True for _ in _asserted_matches(family, change.new)) or not view.shrank(family):
        return None
    for unit, match in _asserted_matches(family, change.old if units is None else units):
        return unit, match.group(0)
    return None


# --------------------------------------------------------------------------------------------------
# New purposes, data categories, recipients


# fmt: off
_ASSERTED_PRACTICES = frozenset({
    "use", "share", "disclose", "sell", "rent", "trade", "collect", "combine", "track", "profile", "transfer",
    "target", "train", "record", "access",
})
# fmt: on


def _describes_practice(view: SectionView, unit: Unit) -> bool:
    """False for sentences that give the reader a choice or tell them how to contact us.

    In a list of rights, or a section about rights and choices, only a sentence asserting what we
    do ("we share", "we use") describes a practice; "you can object to profiling" adds a choice.
    """
    norm = unit.norm
    # "When you write to us, we keep a record of your enquiry": contact words as the trigger of a practice
    # that we do are still a practice; "write to us at ..." alone is a channel.
    our_practice = bool(re.search(r"\bwe\b", norm)) and bool(verb_polarity(norm)[1])
    if (CONTACT_US.search(norm) and not our_practice) or _is_contact_channel(unit) or explains_words(unit):
        return False
    if unit.kind in ("item", "row") and CONTACT_US.search(normalise(unit.lead)):
        return False  # an entry in a list of ways to get in touch
    if CHOICE.search(reader_benefit_removed(norm)) and not norm.startswith("we "):
        return False
    if unit.kind == "item" and "rights" in (topics(unit.lead) | topics(unit.heading)):
        return False
    if "rights" in view.unit_topics(unit):
        return bool(verb_polarity(norm)[1] & _ASSERTED_PRACTICES) and not CONDITIONAL.match(norm)
    return True


def reader_benefit_removed(norm: str) -> str:
    """``norm`` without "so you can"/"to let you": what a practice lets the reader do is not a choice."""
    return BENEFIT.sub(" so that ", norm)


def _is_contact_channel(unit: Unit) -> bool:
    """A phone number, address or link offered to get in touch, with no practice asserted."""
    return bool(CONTACT_DETAIL.search(unit.norm)) and not verb_polarity(unit.norm)[1] - {"use"}


_RECOMMENDS = re.compile(r"\b(?:recommend\w*|suggest\w*|personali[sz]\w+|tailor\w*)\b")


def _explains_recommendations(clause: str, old_text: str) -> bool:
    """The subject of "made automatically by a model" is a suggestion the old text already made: the sentence
    says how an existing recommendation feature works. Decisions (prices, approvals, scores) are not covered."""
    return bool(_RECOMMENDS.search(clause)) and bool(_RECOMMENDS.search(old_text))


def explains_words(unit: Unit) -> bool:
    """A definition ("'Sell' means to disclose ...") or a summary ("In short: ...") of the notice's words.

    A definition that says what *we* do ("'Service' means the app we use to ...") still counts as a
    statement, so only definitions without "we"/"our" are set aside.
    """
    norm = unit.norm
    if SUMMARY.match(norm):
        return True
    if not DEFINITION.match(norm):
        return False
    # "... we use these words in that legal sense" talks about the notice's words, not about what we do.
    # "...; passing your details to our payment processor for a refund is not a sale": what the term excludes.
    return not re.search(r"\b(?:we|us|our)\b", _NOT_A_SALE.sub(" ", _ABOUT_WORDS.sub(" ", norm)))


_NOT_A_SALE = re.compile(
    r"(?:\w+ ){1,14}?(?:is|are|does|do|would|will) not (?:count as |considered |treated as |regarded as |amount to |"
    r"constitute |be )?(?:an? )?(?:sale|sales|selling|sharing|share|disclosure|transfer)\b"
)


_ABOUT_WORDS = re.compile(
    r"\b(?:we|you) (?:\w+ )?(?:use|uses|mean|call|say|refer to) (?:these|this|the|those|such|both) (?:\w+ )?"
    r"(?:words?|terms?|phrases?|expressions?|labels?)\b"
)


_PROTECTED_PASSIVE = re.compile(
    r"\b(?:is|are|will be|get|gets)(?: \w+)? (?:encrypted|hashed|pseudonymi[sz]ed|anonymi[sz]ed|redacted|masked|"
    r"stripped out|removed|deleted|erased)\b|"
    # a filter that keeps data out: "our filter checks it for phone numbers ... and blocks it"
    r"\b(?:filters?|blocks?|blocked|screens? out|strips? out|redacts?)\b(?: \w+){0,12} (?:blocks?|removes?|rejects?|"
    r"stops?|holds? back)\b|\bblocks? (?:it|them|any|the message|messages)\b"
)
"""A sentence about protecting data ("your messages are encrypted when stored") names data without taking it."""


def _term_rule(
    rule: str, category: str, families: tuple[Family, ...], lead: str, skip: Callable[[Unit], bool] | None = None
) -> RuleFunc:
    """New purposes, data categories, recipients: a family stated in the new text, nowhere in the old notice."""

    def check(view: SectionView, change: Change) -> Iterator[Finding]:
        practice_units = [
            unit
            for unit in change.new
            if _describes_practice(view, unit)
            and not (skip and skip(unit))
            and not _PROTECTED_PASSIVE.search(unit.norm)
            and not _EXPLAINS_EXISTING.match(unit.norm)
        ]
        hits = []
        for family in (*families, *(f for f in view.extra_families if f.category == category)):
            if not practice_units or view.stated_before(family):
                continue
            hit = _first_statement(family, practice_units)
            if hit and not new_content_words(view.old_norm, hit):
                continue  # every word of it was in the section already ("partner employers" -> "our Partners page")
            # Mentioned in the old sentence already: a reword, or a promise reversed (negation-removed).
            if hit and not family.search(change.old_norm):
                hits.append(f"{family.label} ({_quote(hit)})")
        if hits:
            yield _finding(rule, category, view, change, f"{lead}: {'; '.join(hits)}")

    check.__name__ = rule
    return check


_WHOLE_DENIAL = re.compile(
    r"^(?:\w+ ){0,5}?(?:we|it|they|our \w+|the \w+) (?:do|does|will|would|shall|did) (?:not|never)\b"
)
_DENIAL_BROKEN = re.compile(
    r"\b(?:but|however|except|unless|although|though|whereas|while|instead|other than|apart from|save|"
    r"and (?:we|they|it|our)|we (?:may|will|can|do) (?!not\b))\b"
)


def denial_sentence(norm: str) -> bool:
    """The sentence's main clause denies and nothing in it turns back ("In other words, we do not give it
    to any business in exchange for money"): every practice word in it is part of what is denied."""
    return bool(_WHOLE_DENIAL.match(norm)) and not _DENIAL_BROKEN.search(norm)


def _first_statement(family: Family, units: Iterable[Unit]) -> str | None:
    for unit in units:
        if denial_sentence(unit.norm):
            continue
        glosses, outside = _glosses(unit.plain), " ".join(_outside_glosses(unit.plain))
        for match in family.matches(unit.norm):
            if any(match.group(0) in gloss for gloss in glosses) and match.group(0) not in outside:
                continue  # a bracketed gloss of a word already there
            if family.category == "new_data_category" and _coarsened(unit.norm, match.start(), match.end()):
                continue  # "GPS locations are rounded to the nearest 100 metres": less precise data, not new data
            if not negated(unit.norm, match.start(), match.end()) and not _object_of_choice(unit.norm, match.start()):
                return match.group(0)
    return None


def _coarsened(norm: str, start: int, end: int) -> bool:
    """The data named at ``start:end`` is made coarser, rounded, aggregated or less identifying right there."""
    window = " ".join([*norm[:start].split()[-3:], norm[start:end], *norm[end:].split()[:6]])
    return bool(COARSENED.search(window))


purpose_added = _term_rule("purpose-added", "new_purpose", PURPOSES, "New purpose of processing")
data_added = _term_rule("data-category-added", "new_data_category", DATA, "New category of personal data")

_IMPRECISE = re.compile(
    r"\b(?:approximate(?:ly)?|rough(?:ly)?|general (?:area|location|region)|coarse|to the nearest (?:\w+ ){0,2}"
    r"(?:city|town|region|area|postcode district|county|state|country|kilometre|km|mile|hour|day)|city level|"
    r"partial|first (?:half|part|three|four) of|last (?:two|three|four) digits|year of birth|age range|age band)\b"
)
"""How a notice says data is kept imprecise: "your approximate location, to the nearest city"."""


def precision_raised(view: SectionView, change: Change) -> Iterator[Finding]:
    """Data the notice called imprecise is no longer: "your approximate location, to the nearest city, taken
    from your network settings" -> "your location, taken from your phone's GPS". More precise data is new data."""
    if change.kind != "substantive":
        return
    for old, new in change.pairs:
        if old is None or new is None:
            continue
        vague = _IMPRECISE.search(old.norm)
        if not vague or _IMPRECISE.search(new.norm) or COARSENED.search(new.norm) or has_negation(vague.group(0)):
            continue
        if not any(family.search(old.norm) and family.search(new.norm) for family in DATA):
            continue  # the data itself went or changed: other rules judge that
        yield _finding(
            "precision-raised",
            "new_data_category",
            view,
            change,
            f"Data is no longer limited to {_quote(vague.group(0))}: more precise data is collected",
        )
        return


def _retention_reason(unit: Unit) -> bool:
    """A sentence about keeping data that names an organisation only in its reason ("90 days, long enough to
    deal with questions from the police"): no verb gives the data to anyone."""
    norm = re.sub(r"\b(?:give|gives|given|giving|gave) (?:\w+ ){0,2}time to\b", " ", unit.norm)
    return (
        "retention" in topics(norm)
        and not _RECIPIENT_VERB.search(norm)
        and not _RECEIVE_VERB.search(norm)
        and not re.search(r"\b(?:with|to|for|by) (?:the |our |any |other )?(?:\w+ )?(?:third|partners?)\b", norm)
    )


_recipient_terms = _term_rule(
    "recipient-added", "new_recipients", RECIPIENTS, "New recipients or sharing", skip=_retention_reason
)


def recipient_added(view: SectionView, change: Change) -> Iterator[Finding]:
    yield from _recipient_terms(view, change)
    old_names = companies(view.notice_old_plain or view.old_plain) | companies(change.old_plain)
    for unit in change.new:
        if "recipients" not in (topics(unit.plain) | view.unit_topics(unit)) or CONTROLLER_CONTEXT.search(unit.norm):
            continue
        names = companies(unit.plain)
        added = [names[key] for key in sorted(names.keys() - old_names.keys())]
        denied, asserted = verb_polarity(unit.norm)
        if added and not (denied and not asserted):
            yield _finding(
                "recipient-named", "new_recipients", view, change, f"New named recipient: {', '.join(added)}"
            )
            return


_LIST_CATEGORIES = {
    "data": ("new_data_category", "A new item in the list of personal data collected"),
    "purpose": ("new_purpose", "A new item in the list of purposes"),
    "recipients": ("new_recipients", "A new item in the list of recipients"),
    "transfer": ("transfer_mechanism", "A new item in the list of international transfers"),
}


def list_item_added(view: SectionView, change: Change) -> Iterator[Finding]:
    """A list item or table row added to a list of purposes, data, recipients or transfers."""
    for old, new in change.pairs:
        if old is not None or new is None or new.kind not in ("item", "row") or _header_row(new):
            continue
        if not _describes_practice(view, new) or new.norm.split()[0] in ("no", "not", "never", "none"):
            continue
        topic = _list_topic(view, new)
        if topic is None or _said_in(new.norm, view.old_norm):
            continue  # the old text already said it: a sentence set out as a list with labels
        category, label = _LIST_CATEGORIES[topic]
        yield _finding("list-item-added", category, view, change, f"{label}: {_quote(excerpt(new.plain, '', 80))}")
        return


def _said_in(norm: str, old_norm: str) -> bool:
    """Nearly every content word of ``norm`` (four or more) is in ``old_norm``."""
    stems = _content_stems(norm)
    old = set(_content_stems(old_norm))
    return len(stems) >= 4 and sum(stem in old for stem in stems) >= 0.8 * len(stems)


def _list_topic(view: SectionView, unit: Unit) -> str | None:
    """What the list is about: from its lead-in, else its heading, else the section title."""
    for source in (topics(unit.lead), topics(unit.heading), view.topics):
        if not source:
            continue
        if "retention" in source or "rights" in source:
            return None
        return next((topic for topic in LIST_TOPICS if topic in source), None)
    return None


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


_BOUND = re.compile(
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
    if not later or _BOUND.search(new_norm) or has_negation(b.group(0)) or _AFTER_NEXT.search(a.group(1)):
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
            yield _finding(
                "retention-longer", "longer_retention", view, change, f"{what} goes from {a.text} to {b.text}"
            )
            return
        old_norm, new_norm = " ".join(u.norm for u in old_units), " ".join(u.norm for u in new_units)
        at_event = _DELETED_AT_EVENT.search(old_norm)
        if not old and new and at_event and not _OPEN_ENDED.search(old_norm):
            yield _finding(
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
            yield _finding(
                "retention-longer",
                "longer_retention",
                view,
                change,
                f"{what} now runs to the later of two events ({_quote(later_of.group(0))})",
            )
            return
        if _BOUND.search(new_norm) and not _BOUND.search(old_norm):
            continue  # "until you ask us ... or until 3 years after ..., whichever comes first": a new upper bound
        if not old and extended and re.search(r"\buntil\b", old_norm) and "retention" in _unit_roles(view, new_units):
            yield _finding(
                "retention-longer",
                "longer_retention",
                view,
                change,
                f"{what} now runs {_quote(extended.group(0))} instead of ending then",
            )
            return
        anchors = _later_anchor(old, new, old_norm, new_norm) or _later_event(old, new, old_norm, new_norm)
        if anchors:
            yield _finding(
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
            yield _finding(
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
        children = any(_about_children(view, u) for u in change.old)
        yield _finding(
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
        yield _finding(
            "retention-longer",
            "longer_retention",
            view,
            change,
            f"Information may now be kept for an unlimited period ({_quote(hit[1])})",
        )
        return
    hit = inserted(view, change, KEPT_AFTER)
    if hit:
        yield _finding(
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
        yield _finding(
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
                yield _finding(
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
                yield _finding(
                    "deadline-worse",
                    "rights_reduced",
                    view,
                    change,
                    f"The time you have to act goes from {before} to {match.group('period')}",
                )
                return
            yield _finding(
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
            yield _finding(
                "deadline-worse",
                "rights_reduced",
                view,
                change,
                f"A new deadline for exercising a right: {_quote(windows[0].text)}",
            )
            return


# --------------------------------------------------------------------------------------------------
# Rights and choices


def _is_right_context(view: SectionView, unit: Unit) -> bool:
    return bool(RIGHT_CONTEXT.search(reader_benefit_removed(unit.norm))) or "rights" in view.unit_topics(unit)


_OPT_OUT_FAMILIES = frozenset({"opt-out", "withdraw", "controls", "anytime", "objection"})


def right_removed(view: SectionView, change: Change) -> Iterator[Finding]:
    old_rights = [
        u for u in change.old if u.kind != "heading" and _is_right_context(view, u) and not DENIALS.search(u.norm)
    ]
    if not old_rights:
        return
    # "unless you opt out" became "only if you opt in": the choice got stronger, it did not go.
    opted_in = _asserted_default(DEFAULT_OFF, change.new_norm) and _asserted_default(DEFAULT_ON, change.old_norm)
    lost = []
    for family in RIGHTS:
        if opted_in and family.key in _OPT_OUT_FAMILIES:
            continue
        hit = removed(view, change, family, units=old_rights)
        if hit:
            lost.append(family.label)
    if lost:
        yield _finding("right-removed", "rights_reduced", view, change, f"No longer mentioned: {', '.join(lost)}")


def right_denied(view: SectionView, change: Change) -> Iterator[Finding]:
    units = [u for u in change.new if _is_right_context(view, u) or any(f.search(u.norm) for f in RIGHTS)]
    if not units or DENIALS.search(change.old_norm):
        return
    if not view.grew(DENIALS):
        return
    for unit in units:
        match = DENIALS.search(unit.norm)
        if match:
            yield _finding(
                "right-denied",
                "rights_reduced",
                view,
                change,
                f"A right or choice is now refused: {_quote(match.group(0))}",
            )
            return


_CONDITIONS = frozenset({"discretion", "only"})


def right_friction(view: SectionView, change: Change) -> Iterator[Finding]:
    units = [u for u in change.new if _is_right_context(view, u)]
    if not units:
        return
    added = []
    for family in FRICTION:
        if not change.old and family.key in _CONDITIONS:
            continue  # conditions in a newly added statement describe a new route, not a harder old one
        hit = inserted(view, change, family, units=units)
        if hit:
            added.append(f"{family.label} ({_quote(hit[1])})")
    channel = inserted(view, change, CHANNEL_FRICTION, units=[u for u in units if REQUIREMENT.search(u.norm)])
    if channel:
        added.append(f"{CHANNEL_FRICTION.label} ({_quote(channel[1])})")
    if added:
        yield _finding(
            "right-friction", "rights_reduced", view, change, f"Exercising a right gets harder: {'; '.join(added)}"
        )


_EASY_CHANNELS = {
    "phone": re.compile(r"\b(?:ring|rings|call|calling|phone|phoning|telephone|zzphone)\b"),
    "in person": re.compile(
        r"\b(?:in person|at reception|(?:tell|ask|speak to) (?:any|a|one of our) (?:\w+ )?"
        r"(?:instructor|staff|member of staff|employee|colleague|team member)s?)\b"
    ),
    "email": re.compile(r"\b(?:email|emailing|e mail|zzemail)\b"),
    "online": re.compile(
        r"\b(?:online|website|web form|the app|our app|in app|settings|account page|dashboard|portal|chat|zzurl|"
        r"self service|button|link)\b"
    ),
}
_HARD_CHANNELS = re.compile(
    r"\b(?:write to|writing to|in writing|by (?:post|mail|letter)|letter|postal|in person|visit (?:us|our|the|any) "
    r"(?:\w+ )?(?:office|branch|store|shop))\b"
)


def _easy_channels(norm: str) -> set[str]:
    return {key for key, pattern in _EASY_CHANNELS.items() if pattern.search(norm)}


def right_route_harder(view: SectionView, change: Change) -> Iterator[Finding]:
    """The way to use a right moves down the ladder: phone, email or online (easy) -> only by letter or in
    person (hard). A sentence telling the reader how to get something done ("ring us and we will delete ...")
    counts as a right even without the word."""
    for old, new in change.pairs:
        if old is None or new is None:
            continue
        about_right = _is_right_context(view, old) or _is_right_context(view, new) or ERASURE.search(old.norm)
        if not about_right and not any(family.search(old.norm) for family in RIGHTS):
            continue
        before, after = _easy_channels(old.norm), _easy_channels(new.norm)
        if before and not after and _HARD_CHANNELS.search(new.norm):
            yield _finding(
                "right-route-harder",
                "rights_reduced",
                view,
                change,
                f"A right can no longer be used by {', '.join(sorted(before))}; only a slower route is left",
            )
            return
        if after and before - after and not _easy_channels(view.new_norm) >= before:
            yield _finding(
                "right-route-harder",
                "rights_reduced",
                view,
                change,
                f"Fewer ways to use a right: no longer by {', '.join(sorted(before - after))}",
            )
            return


# --------------------------------------------------------------------------------------------------
# International transfers


def _transfer_units(view: SectionView, units: Iterable[Unit]) -> list[Unit]:
    return [
        unit
        for unit in units
        if (TRANSFER_CONTEXT.search(unit.norm) or "transfer" in view.unit_topics(unit))
        and not NOT_TRANSFER.search(unit.norm)
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
        yield _finding(
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
        yield _finding(
            "controller-changed",
            "controller_identity",
            view,
            change,
            f"Another organisation now shares control of your data ({_quote(joint)})",
        )
        return
    subjects = _controller_subject_changed(view, change)
    if subjects:
        yield _finding(
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
            yield _finding(
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
            yield _finding(
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
            yield _finding(
                "controller-changed",
                "controller_identity",
                view,
                change,
                f"The controller's name changes from {was} to {now}",
            )
            return


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
                    yield _finding(
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
            yield _finding(
                "children-age-lowered",
                "children",
                view,
                change,
                f"An age threshold goes down from {lowered[0]} to {lowered[1]}",
            )
            return
    hit = removed(view, change, PROTECTIONS)
    if hit:
        yield _finding(
            "children-protection-removed",
            "children",
            view,
            change,
            f"No longer mentioned: {PROTECTIONS.label} ({_quote(hit[1])})",
        )
        return
    child_units = [u for u in change.old if _about_children(view, u) and _CONSENT.search(u.norm)]
    hit = removed(view, change, CHILD_REQUIREMENTS, units=child_units) if child_units and change.new else None
    if hit:
        yield _finding(
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
        yield _finding(
            "children-data-added",
            "children",
            view,
            change,
            f"Information about children is now part of the processing ({_quote(hit[1])})",
        )


_CONSENT = re.compile(r"\b(?:parent\w*|guardian\w*|consent\w*|permission|verif\w+|approv\w+|confirm\w*|agree\w*)\b")


def _about_children(view: SectionView, unit: Unit) -> bool:
    return bool(CHILDREN.search(unit.norm)) or "children" in view.unit_topics(unit)


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
        yield _finding(
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
        children = any(_about_children(view, u) for u in (*old_units, *new_units))
        yield _finding(
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
        children = any(_about_children(view, u) for u in (*change.old, *change.new))
        yield _finding(
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
        yield _finding(
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
            children = any(_about_children(view, u) for u in (old, *([new] if new else [])))
            return [
                _finding(
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
        denied, _ = verb_polarity(old.norm)
        if not denied:
            continue
        if new is None:
            lost = sorted(denied - new_denied_section)
            if any(has_negation(u.norm) and _restated(old.norm, lost, u.norm) for u in change.new):
                lost = []  # reworded as another denial ("must not use" -> "is not meant for")
            if lost:
                yield _finding(
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
            yield _finding(
                "negation-removed",
                "negation_removed",
                view,
                change,
                f"A promise not to {_verbs(flipped or dropped)} was removed or reversed",
            )
            return
        added = sorted(q for q in qualifiers(new.norm) - qualifiers(old.norm) if not _said_before(q, new.norm, view))
        if added and denied & new_denied and _qualifies_promise(new.norm, denied & new_denied, added):
            yield _finding(
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

_LIMIT_WORDS = frozenset({"not", "never", "no", "nor", "none", "nobody", "nothing", "neither", "only", "solely"})
_LIMIT_BOUND = re.compile(
    r"\b(?:no|not) (?:longer|later|more|sooner|earlier|fewer|less) than\b|\bno longer (?:need|needed|required)\b|"
    r"\bnot only\b|\bno (?:charge|fee|cost)\b|\b(?:whether|if) or not\b|\bno matter\b|\bnot yet\b"
)
"""Limit words that state a bound or a figure of speech, not a promise: periods have their own rules."""
_READER_LIMIT = re.compile(
    r"\b(?:you|your \w+|users?|members?|customers?|parents?|visitors?)(?: \w+){0,2} "
    r"(?:do|does|did|will|can|could|may|might|need|needs|must|are|is|have|has|would|should)(?: \w+)? (?:not|never|no)\b"
)
"""The reader's own limit ("you do not need to", "you cannot change"): lifting it gives the reader more."""


_SCOPE = re.compile(r"^(?:this|these|the) (?:notice|policy|statement|section|page|document)s?\b")


_RESTRICTIONS = frozenset({"only", "solely"})


def _weight(limits: Counter[str]) -> int:
    """A denial ("not", "never") rules a practice out; a restriction ("only") lets part of it in."""
    return sum(count * (1 if word in _RESTRICTIONS else 2) for word, count in limits.items())


def _limits(norm: str, *, reader: bool = False) -> Counter[str]:
    """The limit words of ``norm``; the reader's own limits count only when ``reader`` (a child's limits)."""
    masked = _LIMIT_BOUND.sub(" ", norm)
    if not reader:
        masked = _READER_LIMIT.sub(" ", _ANY_READER_CONDITION.sub(" ", masked))
    return Counter(word for word in masked.split() if word in _LIMIT_WORDS)


def _mostly_restated(old: Unit, new_units: tuple[Unit, ...]) -> bool:
    """Half or more of a removed sentence's content words are still said in the change's new sentences."""
    words = set(_content_stems(old.norm))
    kept = words & {stem for unit in new_units for stem in _content_stems(unit.norm)}
    return bool(words) and len(kept) * 2 >= len(words) and any(_limits(u.norm) for u in new_units)


def limit_lost(view: SectionView, change: Change) -> Iterator[Finding]:
    """A sentence keeps its subject but loses a "never", "not", "no" or "only": what was ruled out or
    confined is now allowed ("seen only by our verifiers and never shown" -> "shown unless a parent asks").

    A safety net in other words than the specific promise rules know: the reader's own limits, bounds on
    periods and limits restated elsewhere in the change are set aside.
    """
    if change.kind != "substantive" or not change.old or not change.new:
        return
    children = any(_about_children(view, unit) for unit in change.old)
    if _weight(_limits(change.new_norm, reader=children)) >= _weight(_limits(change.old_norm, reader=children)):
        return
    for old, new in change.pairs:
        if old is None:
            continue
        old_limits = _limits(old.norm, reader=children)
        if new is None:
            if old_limits and not _SCOPE.match(old.norm) and not _mostly_restated(old, change.new):
                yield _finding(
                    "limit-lost",
                    "children" if children else "negation_removed",
                    view,
                    change,
                    f"A sentence with a limit ({_quote(sorted(old_limits)[0])}) was taken out: "
                    f"{_quote(excerpt(old.plain, '', 90))}; review whether it is material",
                )
                return
            continue
        new_limits = _limits(new.norm, reader=children)
        lost = old_limits - new_limits
        if _weight(new_limits) < _weight(old_limits) and not lost:
            lost = Counter({word: 1 for word in old_limits if word not in _RESTRICTIONS})  # "not" -> "only"
        if not lost or _SCOPE.match(old.norm) or conditional_prohibition(old.norm, new.norm):
            continue  # what the notice covers; "must not X without Y" -> "need Y to X", the same rule
        word = sorted(lost)[0]
        yield _finding(
            "limit-lost",
            "children" if _about_children(view, old) else "negation_removed",
            view,
            change,
            f"A limit ({_quote(word)}) was taken out of {_quote(excerpt(old.plain, '', 90))}; "
            "review whether it is material",
        )
        return


# --------------------------------------------------------------------------------------------------
# Safety net: what the reader can do, or what we promise to do for them, now has an exception

_EXCEPTION = re.compile(
    r"^(?:unless|except|excepting|other than|apart from|but not|save (?:where|for|that)|provided (?:that)?|"
    r"as long as|so long as|only (?:if|when|where|once|after|for|within|while)|if and only if|subject to|"
    r"(?:that|which|who) (?:has|have|are|is|were|was) (?:not|never)|(?:that|which) (?:you )?"
    r"(?:have|has|are|is) not yet|(?:that|which) (?:are|is|were|was) still|"
    r"without (?:first )?(?:telling|notifying|informing|warning|letting) you(?: know)?|"
    r"(?:once|after|when) you(?: have|ve)? (?:had|made|held|been|paid|waited|completed|verified|confirmed)|"
    r"where (?:we|it|the law) (?:agree|allow|permit)s?)\b"
)
"""Words that open an exception or a condition ("unless ...", "that has not yet been verified")."""
_BENEFIT_VERB = re.compile(
    r"\b(?:delet\w+|eras\w+|remov\w+|destroy\w*|anonymi[sz]\w+|correct\w*|rectif\w+|download\w*|export\w*|"
    r"access\w*|copy|copies|object\w*|opt\w* out|withdraw\w*|unsubscrib\w+|restrict\w*|port\w*|refund\w*|"
    r"tell you|notify you|inform you|ask (?:for )?your (?:consent|permission))\b"
)


_IMPERATIVE = re.compile(
    r"^(?:(?:just|simply|please) )?(?:open|go|tap|click|select|pick|choose|use|visit|write|email|call|send|press|"
    r"sign in|log in|head|find|follow|fill|complete|contact|ask|turn|switch|untick|tick)\b"
)
"""An instruction to the reader ("open My records, pick a sighting and tap Delete"): how a right is used."""


def benefit_narrowed(view: SectionView, change: Change) -> Iterator[Finding]:
    """A right, a choice or a commitment made for the reader gains an exception or a condition:
    "pick any sighting and tap Delete" -> "pick any sighting that has not yet been verified and tap Delete".

    Exceptions added to what *we* do with data narrow the practice and are left alone; consent gates too.
    """
    if change.kind != "substantive":
        return
    for old, new in change.pairs:
        if old is None or new is None:
            continue
        # A promise ("we never let the wineries see ...") that is still a denial but now has a way out.
        promise = _weight(_limits(old.norm)) >= 2 and _weight(_limits(new.norm)) >= 2 and not _SCOPE.match(old.norm)
        benefit = READER_SUBJECT.search(old.norm) or _IMPERATIVE.match(old.norm) or "rights" in view.unit_topics(old)
        if not promise and not (benefit and _BENEFIT_VERB.search(old.norm)):
            continue
        for segment in inserted_segments(old.plain, new.plain):
            text = segment.text
            if segment.replaced or not _EXCEPTION.match(text) or CONSENT_GATE.search(text):
                continue
            yield _finding(
                "benefit-narrowed",
                "negation_removed" if promise else "rights_reduced",
                view,
                change,
                f"A {'promise' if promise else 'right or choice'} now has an exception: "
                f"{_quote(excerpt(text, '', 90))}; review whether it is material",
            )
            return


def denial_narrowed(view: SectionView, change: Change) -> Iterator[Finding]:
    """Something taken out of what a promise denies: "We do not share your bank balance, your transaction
    history or ..." -> "We do not share your transaction history or ...". The promise stays; it covers less."""
    if change.kind != "substantive":
        return
    for old, new in change.pairs:
        if old is None or new is None or not has_negation(new.norm) or _SCOPE.match(old.norm):
            continue
        if _weight(_limits(change.new_norm)) > _weight(_limits(change.old_norm)):
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
            yield _finding(
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
        if _weight(_limits(new.norm)) != _weight(_limits(old.norm)) or _weight(_limits(change.new_norm)) > _weight(
            _limits(change.old_norm)
        ):
            continue  # a denial gained or lost: the limit rules judge it
        for segment in inserted_segments(old.plain, new.plain):
            text = segment.text
            if segment.replaced or not new_content_words(old.norm, text) or _BROADER.search(text):
                continue
            if set(text.split()) <= _SAME_SCOPE:
                continue  # "your data" -> "your personal data": the same thing named more exactly
            if has_negation(text) or PROTECTIVE.search(_NOUN_LIMIT.sub(" ", text)) or durations(text):
                continue
            at = new.norm.find(text)
            if at <= 0 or _READER_LIMIT.search(new.norm[:at]) or new.norm[:at].split()[-1] in ("or", "and", "nor"):
                continue  # the reader's own limit; another item added to what is denied ("... or your address")
            if not (negated(new.norm, at, at + len(text)) or has_negation(_own_clause(new.norm, at))):
                continue
            yield _finding(
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
        yield _finding(
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
                yield _finding(
                    "without-flipped",
                    "new_data_category",
                    view,
                    change,
                    f"Something left out before is now included ({_quote('without ' + phrase)} becomes {_quote(hit)})",
                )
                return


# --------------------------------------------------------------------------------------------------
# Safety net: a new practice described in words no family knows


def practice_added(view: SectionView, change: Change) -> Iterator[Finding]:
    """A sentence, list item or row that adds a data-handling action the old text did not have.

    Recall-oriented: the action ("estimate", "recommend", "upload", "disclose", "archive") must be new
    to the changed sentences, stated by or of the organisation (not "you can", not a definition,
    summary or example), asserted (not "we do not"), and not explained by a protective word nearby
    ("only", "encrypted", "deleted", "if you opt in"). The category follows the verb family.
    """
    if change.kind != "substantive" or CONTACT_US.search(normalise(view.title)):
        return
    bounded = any(d.role == "retention" for u in change.new for d in durations(u.norm, _default_role(view, u)))
    for old, new in change.pairs:
        if new is None or new.kind == "heading" or _header_row(new):
            continue
        counterpart = old.plain if old is not None else _similar_old_sentence(view, new)
        purpose = _purpose_clause_added(counterpart, new)
        if not _describes_practice(view, new) and not purpose:
            continue
        if _instruction(new.norm) or _LEGAL_BASIS.search(new.norm) or _EXPLAINS_EXISTING.match(new.norm):
            continue  # directions; the legal basis; "This is an automated comparison: ..." about what is there
        if PLAIN_WORDS.match(new.norm) or _PROTECTED_PASSIVE.search(new.norm):
            continue  # "In plain terms: ..." says it again; "Names are removed before anyone analyses them" protects
        if old is not None and _restrictions(new.norm) > _restrictions(old.norm):
            continue  # "can be seen by screeners" -> "can be seen only by the screener ...": a limit added
        if _REASON.match(new.norm) and _NOT_A.search(new.norm):
            continue  # "Because these disclosures are made at your direction, they are not a sale": why not
        if ("rights" in view.unit_topics(new) and not purpose) or CONTACT_US.search(normalise(new.heading)):
            continue  # rights and ways to get in touch have their own rules
        if SECURITY_TOPIC.search(normalise(f"{view.title} {new.heading}")):
            continue  # logging and checks that protect the data
        for segment in inserted_segments(counterpart, new.plain):
            if moved_within(segment, view.old_norm, view.new_norm):
                continue
            hit = _new_action(change, counterpart, segment, bounded)
            if hit:
                category, words = hit
                yield _finding(
                    "practice-added",
                    category,
                    view,
                    change,
                    f"New practice described: {_quote(excerpt(words, '', 100))}; review whether it is material",
                )
                return


def _restrictions(norm: str) -> int:
    return sum(count for word, count in _limits(norm).items() if word in _RESTRICTIONS)


_NOT_A = re.compile(r"\b(?:is|are|was|were) not (?:a|an|the|considered|treated as)\b")
_PURPOSE_CLAUSE = re.compile(r"^(?:and |or )?(?:also )?(?:to|so (?:that )?we can) (?!you\b)\w+")


def _purpose_clause_added(counterpart: str | None, new: Unit) -> bool:
    """A purpose of our own joined to an item that gave the reader something ("to let you pause ..., and to
    work out which households should be offered a lower price"): the item now describes a practice too."""
    if RIGHT_CONTEXT.search(new.norm) or re.search(r"\b(?:right|entitled) to\b", new.norm):
        return False  # "the right to ..., and to receive the data they provided": a right, not our purpose
    return any(
        _PURPOSE_CLAUSE.match(segment.text)
        and not re.match(r"^(?:and |or )?to \w+ (?:means|includes|is|are)\b", segment.text)
        and actions(segment.text)
        and not segment.replaced
        for segment in inserted_segments(counterpart, new.plain)
    )


PLAIN_WORDS = re.compile(
    r"^(?:in (?:plain|simple|everyday) (?:terms|english|words|language)|put simply|simply put|to put it simply|"
    r"in short|in other words|in summary|that is to say|"
    # a definition or a legal role stated: "By 'sell' we mean ...", "In data protection terms, X is our processor"
    r"by (?:\w+ ){1,3}we mean|when we say|in (?:data protection|legal|gdpr|privacy law) terms|"
    r"for (?:the avoidance of doubt|clarity)(?= (?:\w+ ){0,3}(?:is|are|means|does not|do not)\b))\b"
)
"""A sentence that announces it says the previous one again, in plainer words."""
_LEGAL_BASIS = re.compile(
    r"\b(?:we rely on|relies on|(?:legal|lawful) (?:basis|bases|ground|grounds)|basis for (?:this|processing|using))\b"
)
_INSTRUCTION = re.compile(r"\b(?:go to|click|tap|select|visit|press|open (?:the|your)|log in|sign in|follow the)\b")


def _instruction(norm: str) -> bool:
    """Directions to the reader ("to download your data, go to Settings"), with no "we" in them."""
    return bool(_INSTRUCTION.search(norm)) and not re.search(r"\bwe\b", norm)


def _similar_old_sentence(view: SectionView, unit: Unit) -> str | None:
    """The old notice's sentence this new one rewrites (moved and edited), if one is close enough."""
    return _closest(unit.norm, view.notice_old_units)


@lru_cache(maxsize=2048)
def _closest(norm: str, candidates: tuple[str, ...]) -> str | None:
    words = norm.split()
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(words)
    best, best_ratio = None, 0.6
    for candidate in candidates:
        matcher.set_seq1(candidate.split())
        if matcher.real_quick_ratio() >= best_ratio and matcher.quick_ratio() >= best_ratio:
            ratio = matcher.ratio()
            if ratio >= best_ratio:
                best, best_ratio = candidate, ratio
    return best


_WINDOW_AFTER = 6
_ASKS_CONSENT = re.compile(r"(?:\w+ ){0,3}(?:consent|permission|agreement|approval|authori[sz]ation)\b")
_EXCEPTION_LEAD = re.compile(
    r"\b(?:except|apart from|other than|save|but)(?: that| for| when| where)?(?: (?:we|it|they|the \w+))?"
    r"(?: (?:also|may|will|do|can))?(?: \w+ing)?\s*$"
)


def _marked(words: Iterable[str]) -> str:
    return " ".join(";" if word in (SEPARATOR, PARENTHESIS) else word for word in words)


def _new_action(change: Change, counterpart: str | None, segment: Segment, bounded: bool) -> tuple[str, str] | None:
    """The category and the words of the first new, asserted, unexplained action in ``segment``."""
    text = segment.text
    if not content_words(segment.added) or RESTATEMENT.search(text) or CONSENT_GATE.search(text):
        return None
    if content_words(segment.replaced) and len(content_words(segment.added)) <= 2:
        return None  # a word or two swapped for others ("show you" -> "suggest"): a rewording
    # Searched with the list separators in place (as ";", which no pattern crosses): the words since
    # the last one are the element the action belongs to.
    marked = _marked(segment.added)
    before = _marked(segment.words[: segment.start])
    full = f"{before} {marked}".strip()
    offset = len(full) - len(marked)
    old_text = " ; ".join(filter(None, (change.old_norm, normalise(counterpart or ""), _marked(segment.replaced))))
    old_actions = [action for _, action in actions(old_text)]
    done_before = {action.group for action in old_actions}
    automated_before = any(action.key == "automated" for action in old_actions)
    for match, action in actions(marked):
        if action.group in done_before and (action.key != "automated" or automated_before):
            # The sentence already did this; the insertion only qualifies or rewords it. A decision people
            # made ("our team decides") now made by software is a new kind of processing, not a reword.
            continue
        if action.category == "longer_retention" and bounded:
            continue  # a period is given: the retention rules compare it
        start, end = offset + match.start(), offset + match.end()
        if action.key == "automated" and _explains_recommendations(clause_before(full, start), old_text):
            continue  # "the suggestions are made automatically by a model": how existing suggestions are made
        if negated(full, start, end):
            continue
        clause = clause_before(full, start)
        # A list element ends at ";", and a purpose joined with "and to" starts a new one.
        element = re.split(r"\b(?:and|or) (?:also )?to\b", clause.rsplit(";", 1)[-1])[-1]
        after = " ".join(full[end:].split(";", 1)[0].split()[:_WINDOW_AFTER])
        if READER_SUBJECT.search(element) or _ASKS_CONSENT.match(after):
            continue  # the reader acts; or "obtain the client's written consent": asking, not a practice
        # "except that we pass ... to": an exception to a promise is where the practice is, not a limit on it.
        protective = PROTECTIVE.search(f"{_EXCEPTION_LEAD.sub(' ', element)} {match.group(0)} {after}")
        if protective and not (action.group == "sell" and not has_negation(protective.group(0))):
            continue  # selling or licensing stays worth a look even when the data is called anonymised
        if CONSENT_GATE.search(f"{clause} {after}") or CHOICE.search(reader_benefit_removed(element)):
            continue
        return action.category, text
    return None


_LIST_GREW = {
    "data": "new_data_category",
    "purpose": "new_purpose",
    "recipients": "new_recipients",
    "transfer": "transfer_mechanism",
}
_GREW_LABELS = {
    "new_data_category": "The list of personal data gains",
    "new_purpose": "The list of purposes gains",
    "new_recipients": "The list of recipients gains",
    "transfer_mechanism": "The list of international transfers gains",
    "longer_retention": "The list of what is kept gains",
}


def list_grew(view: SectionView, change: Change) -> Iterator[Finding]:
    """A list written inside a sentence, list item or table cell gains an element ("..., and to drug makers").

    Only pure additions count: the old words all stay, in order, and the new words form a whole
    element between separators ("," ";" "|" "and" "or"), so a reworded or qualified phrase does not.
    """
    if change.kind != "substantive":
        return
    for old, new in change.pairs:
        if old is None or new is None or _header_row(new) or not _describes_practice(view, new):
            continue
        if not only_additions(old.plain, new.plain):
            continue
        topic = _sentence_topic(view, new)
        if topic is None:
            continue
        for segment in inserted_segments(old.plain, new.plain):
            text = segment.text
            if not segment.at_boundary or not content_words(segment.added) or _SUBORDINATE.match(text):
                continue  # a reason or condition ("so that IT can tell ...") explains, it is no new element
            if moved_within(segment, view.old_norm, view.new_norm):
                continue  # "salutation" moved from the mandatory fields to the optional ones
            if _restates(text, old.norm) or CONSENT_GATE.search(text) or PROTECTIVE.search(text):
                continue
            if READER_SUBJECT.search(_REASON_CLAUSE.split(text, 1)[0]) or CONTACT_DETAIL.search(text):
                continue  # the reader does it; what a recipient does for them ("so that it can ...") is its reason
            before = segment.before
            if negated(f"{before} {text}", len(before) + 1) or has_negation(clause_before(before, len(before))):
                continue  # an addition to a promise not to do something ("we never sell: nobody pays us")
            category = _LIST_GREW[topic]
            # What the element itself does, not a reason after it ("to a broker so that it can quote you").
            named = actions(_REASON_CLAUSE.split(_marked(segment.added), 1)[0])
            if named:
                category = named[0][1].category  # the new element says what it does: its verb decides
            label = _GREW_LABELS[category]
            yield _finding("list-grew", category, view, change, f"{label} {_quote(excerpt(text, '', 80))}")
            return


def _restates(text: str, old_norm: str) -> bool:
    """An example or restatement ("such as X", "including X") of what the old sentence already named.

    A new element that names something new and then details it ("sick pay records including the
    reason for each absence") is an addition: the words before "including" are new.
    """
    match = RESTATEMENT.search(text)
    if match is None:
        return False
    old_words = set(old_norm.split())
    head = content_words(text[: match.start()].split())
    return all(word in old_words for word in head)


_REASON_CLAUSE = re.compile(r"\b(?:so that|so|in order that|because|which|who|that can|that will)\b")
_SUBORDINATE = re.compile(
    r"^(?:so|because|since|as|which|who|whom|whose|when|whenever|where|if|unless|until|while|whilst|although|though|"
    r"but|whereas|in case|once|provided|given|even|except|apart|other than|subject to|in line with|in accordance with|"
    r"according to|under|on|at|by)\b"
)
"""Words that open a reason, a condition, a relative clause or a qualification rather than a list element."""


def _header_row(unit: Unit) -> bool:
    """The first row of a table: column labels, not an entry."""
    return unit.kind == "row" and unit.lead.endswith(unit.plain)


_RECIPIENT_VERB = re.compile(
    r"\b(?:disclos\w+|shar(?:e|es|ed|ing)|sells?|sold|pass\w* (?:\w+ ){0,3}(?:on|to)|sen(?:d|ds|t) (?:\w+ ){0,4}to|"
    r"provid(?:e|es|ed) (?:\w+ ){0,4}to|giv(?:e|es|en) (?:\w+ ){0,3}to|transfer\w*|"
    r"(?:make|made) (?:\w+ ){0,3}available)\b"
)
_ORG_DISCLOSES = re.compile(
    r"^(?:\w+ ){0,4}?(?:we|the (?:company|provider|practice|organi[sz]ation)|our \w+)(?: \w+)? "
    r"(?:disclos\w+|shar(?:e|es)|pass(?:es)? (?:\w+ ){0,3}on|sen(?:d|ds) (?:\w+ ){0,3}to|giv(?:e|es) (?:\w+ ){0,3}to|"
    r"provid(?:e|es) (?:\w+ ){0,3}to)\b"
)
"""A sentence whose main clause is the organisation disclosing data: what it lists are recipients."""
_COLLECT_VERB = re.compile(
    r"\b(?:collect\w*|gather\w*|obtain\w*|receiv\w+|record\w*|captur\w+|measur\w+|reports?|log\w*|"
    r"(?:ask|asks) (?:you )?for|(?:give|provide) us)\b"
)
_PURPOSE_VERB = re.compile(r"\b(?:use|uses|used|using|process\w*|purposes?|in order to)\b")


def _sentence_topic(view: SectionView, unit: Unit) -> str | None:
    """What an enumeration in ``unit`` lists: from its list's lead-in, else the sentence's own verb."""
    if unit.kind in ("item", "row"):
        topic = _list_topic(view, unit)
        if topic is not None or unit.lead or unit.kind == "row":
            return topic
    norm = unit.norm
    if _ORG_DISCLOSES.match(norm) and "retention" not in topics(norm):
        return "recipients"  # "We pass it on: to ..., and to ... if you ask us": our disclosure leads
    if _is_right_context(view, unit) or "retention" in topics(norm):
        return None
    if _RECIPIENT_VERB.search(norm):
        return "recipients"
    if _COLLECT_VERB.search(norm):
        return "data"
    if _PURPOSE_VERB.search(norm):
        return "purpose"
    # A verbless answer ("Your name, your address and ...") lists what its heading asks about.
    for source in (topics(unit.heading), view.topics):
        if source:
            if "retention" in source or "rights" in source:
                return None
            return next((topic for topic in LIST_TOPICS if topic in source), None)
    return None


_ORG_TYPE = re.compile(
    r"\b(?:compan(?:y|ies)|partners?|insurers?|agenc(?:y|ies)|providers?|brokers?|firms?|networks?|platforms?|"
    r"advertisers?|marketers?|employers?|authorit(?:y|ies)|regulators?|banks?|lenders?|vendors?|processors?|"
    r"contractors?|suppliers?|affiliates?|organi[sz]ations?|business(?:es)?|recruiters?|retailers?|sponsors?|"
    r"brands?|researchers?|universit(?:y|ies)|charit(?:y|ies)|manufacturers?|labs?|laborator(?:y|ies)|"
    r"clinics?|hospitals?|pharmac(?:y|ies)|schools?|councils?|police|agents?|resellers?|dealers?|landlords?)\b"
)
"""Nouns that name a kind of organisation: a new one beside a disclosure verb is a new recipient."""
_RECEIVE_VERB = re.compile(
    r"\b(?:receiv\w+|gets?|sees?|seen|views?|viewed|access(?:es|ed)?|(?:visible|available|shown|sent) to)\b"
)


def _stem(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def recipient_type_added(view: SectionView, change: Change) -> Iterator[Finding]:
    """A kind of organisation joins a sentence about who receives or is given the data ("the employer and
    recruitment agencies in our partner network receive your CV"), even where the verb changes with it.

    A safety net: only the organisation noun new to the notice counts, not a reworded one ("company" ->
    "business"), an example ("such as"), a denial, a limit or a choice.
    """
    if change.kind != "substantive":
        return
    old_stems = {_stem(w) for w in (view.notice_old or view.old_norm).split()}
    for old, new in change.pairs:
        if old is None or new is None or _header_row(new) or not _describes_practice(view, new):
            continue
        if not (_RECIPIENT_VERB.search(new.norm) or _RECEIVE_VERB.search(new.norm)) or denial_sentence(new.norm):
            continue
        if _is_right_context(view, new) and not _ORG_DISCLOSES.match(new.norm):
            continue
        for segment in inserted_segments(old.plain, new.plain):
            text = segment.text
            if any(_ORG_TYPE.fullmatch(w) for w in segment.replaced) or _restates(text, old.norm):
                continue
            if _SUBORDINATE.match(text):
                continue  # "..., which may be a partner airline": says who an existing recipient is
            if CONSENT_GATE.search(text) or PROTECTIVE.search(text) or READER_SUBJECT.search(text):
                continue
            before = segment.before
            if negated(f"{before} {text}", len(before) + 1) or has_negation(clause_before(before, len(before))):
                continue
            fresh = [m.group(0) for m in _ORG_TYPE.finditer(text) if _stem(m.group(0)) not in old_stems]
            if fresh:
                yield _finding(
                    "recipient-type-added",
                    "new_recipients",
                    view,
                    change,
                    f"New kind of recipient: {_quote(excerpt(text, '', 80))}; review whether it is material",
                )
                return


# --------------------------------------------------------------------------------------------------
# Extra terms from the configuration


def custom_term(view: SectionView, change: Change) -> Iterator[Finding]:
    covered = {"new_purpose", "new_data_category", "new_recipients"}
    for family in view.extra_families:
        if family.category in covered:
            continue
        hit = inserted(view, change, family)
        if hit:
            yield _finding("custom-term", family.category, view, change, f"Configured term added: {_quote(hit[1])}")


# --------------------------------------------------------------------------------------------------
# Safety net: a substantive change in words the old section never used

# fmt: off
_STOPWORDS = frozenset({
    "not", "no", "do", "does", "did", "done", "doing", "have", "has", "had", "having", "been", "being", "was", "were",
    "would", "should", "could", "must", "shall", "might", "what", "how", "why", "whether", "because", "while", "until",
    "after", "before", "within", "per", "i", "he", "she", "his", "her", "him", "me", "my", "one", "two", "three",
    "ours", "yours", "theirs", "own", "both", "either", "neither", "most", "many", "much", "few", "very", "just",
    "even", "still", "yet", "now", "here", "over", "under", "again", "once", "only", "same", "too", "whose", "whom",
    "via", "onto", "upon", "off", "down", "through", "between", "against", "during", "without", "across",
    "get", "gets", "got", "make", "makes", "made", "take", "takes", "took", "taken", "put", "puts", "way", "ways",
    "thing", "things", "something", "anything", "everything", "someone", "anyone", "new", "further", "following",
    "follow", "follows", "s", "t", "ll", "ve", "re", "d", "m", "etc", "ie", "eg", "e", "g", "let", "lets",
    # numbers and units of time: periods and frequencies have their own rules
    "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty",
    "sixty", "ninety", "hundred", "half", "quarter", "second", "seconds", "minute", "minutes", "hour", "hours", "day",
    "days", "week", "weeks", "month", "months", "year", "years",
})
# fmt: on
_STEM = 6
"""Words are compared by their first letters, so "compare"/"comparison", "season"/"seasons" are one word."""

SUBSTANTIVE_MIN_NEW_WORDS = 3
"""How many content words the old section never used a change must bring before the safety net speaks."""

_HANDLING_SUBJECT = re.compile(r"\b(?:we|us|our|the (?:company|organi[sz]ation|service|app|platform))\b")
_EXPLAINS_EXISTING = re.compile(
    r"^(?:this|that|it|these|those) (?:is|are|was) (?:an?|the|just|simply|only)\b(?! new\b| (?:an?|the) new\b)"
)
_OTHERS_RIGHT = re.compile(
    r"^(?!we\b|our\b)(?:\w+ ){1,3}(?:can|may|are able to|have the right to) (?:also |now |still )?"
    r"(?:download|see|view|access|ask|request|update|correct|change|export|get a copy|check|review)\b"
)
_SECURITY_WORDS = re.compile(
    r"\b(?:second factor|two factor|multi factor|2fa|mfa|one time (?:code|password)|passwords?|log(?:s|ged)? in|"
    r"sign(?:s|ed)? in|logins?|encrypt\w*|firewall\w*|penetration|vulnerab\w+|weakness\w*|patch\w*|locked?|"
    r"authenticat\w+)\b"
)


_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "s", "ly", "ments", "ment")


def _word_stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:_STEM]


def _acronyms(old_norm: str, new_norm: str) -> set[int]:
    """Positions of ``new_norm`` words that spell out an abbreviation the old text used ("standard
    contractual clauses" for "sccs", "united states" for "us")."""
    old = {w.rstrip("s") for w in old_norm.split() if 2 <= len(w) <= 6 and w.isalpha()} | {"us", "uk", "eu", "eea"}
    words = new_norm.split()
    found: set[int] = set()
    for size in range(2, 6):
        for i in range(len(words) - size + 1):
            if "".join(w[0] for w in words[i : i + size]) in old:
                found.update(range(i, i + size))
    return found


def _content_stems(norm: str) -> list[str]:
    return [
        _word_stem(word)
        for word in norm.split()
        if word.isalpha() and len(word) > 2 and word not in _STOPWORDS and word not in FUNCTION_WORDS
    ]


def new_content_words(old_norm: str, new_norm: str) -> list[str]:
    """Content words of ``new_norm`` whose stem appears nowhere in ``old_norm`` (in reading order, once each)."""
    old = set(_content_stems(old_norm))
    seen: set[str] = set()
    words = []
    spelled_out = _acronyms(old_norm, new_norm)
    for index, word in enumerate(new_norm.split()):
        if index in spelled_out or not word.isalpha() or len(word) <= 2 or word in _STOPWORDS or word in FUNCTION_WORDS:
            continue
        stem = _word_stem(word)
        if stem not in old and stem not in seen:
            seen.add(stem)
            words.append(word)
    return words


_WE_NEED = re.compile(
    r"\bwe (?:also |will |may |might |then )?(?:need|needs|ask for|asks for|require|requires|request|take|note|"
    r"write down|hold|ask you for|ask you to give us)\b"
)
"""What we ask the reader to hand over ("we also need your home address and ..."): a list of data."""


def _handles_data(view: SectionView, unit: Unit, added: str) -> str | None:
    """The category of the data-handling statement ``unit`` makes (with its list lead-in), or None.

    The verb family of the added words decides, else what the list's lead-in lists, else the sentence's verb.
    """
    text = f"{normalise(unit.lead)} {unit.norm}" if unit.kind in ("item", "row") else unit.norm
    asserted = verb_polarity(text)[1]
    found = actions(text)
    if not asserted and not found:
        asked = _WE_NEED.search(text) and not has_negation(_READER_CONDITION.sub(" ", text))
        return "new_data_category" if asked else None
    if not _HANDLING_SUBJECT.search(text) and not asserted:
        return None
    own = actions(added)
    if own:
        return own[0][1].category
    topic = _sentence_topic(view, unit)
    if topic in _LIST_GREW:
        return _LIST_GREW[topic]
    return found[0][1].category if found else "new_purpose"


_OUR_ACT = re.compile(
    r"\b(?:we|it|our (?:\w+ )?(?:team|staff|system|service|app|platform)s?)(?: \w+){0,2} (?!not\b|never\b)\w+"
)
_NOT_AN_ACT = re.compile(
    r"\b(?:this|these) (?:notice|policy|statement|page|terms)\b|"
    r"\bwe (?:would|d) (?:appreciate|like|love|welcome|prefer)\b|"
    r"\bwe (?:are|re) (?:happy|glad|pleased|sorry)\b|\b(?:means|includes|refers to)\b"
)


def _our_new_act(added: str) -> str | None:
    """Words the safety net cannot name but that say the organisation does something new ("and it feeds
    the system that learns ...", "and we will let your guarantor know"): worth a look, as a purpose."""
    if _OUR_ACT.search(added) and not _NOT_AN_ACT.search(added) and not has_negation(added):
        return "new_purpose"
    return None


_REASON = re.compile(
    r"^(?:because|since|as (?:required|the law|law)|to comply|in order to comply|so (?:that )?(?!we\b)\w+ can|"
    r"(?:\w+ ){0,4}for the (?:purposes|reasons) (?:in|of|set out in|described in) this)\b"
)
_CONSENT_WORD = re.compile(r"\b(?:consent|permission|approval|authori[sz]ation)\b")
_NAMING = re.compile(r"\b(?:called|known as|referred to as|named)$")
_MODIFIER = re.compile(r"^(?:which|who|whose|whom|that|where|when)\b")
_NOUN_LIMIT = re.compile(r"\b(?:what|credit|spending|borrowing|upper|lower|daily|weekly|monthly|overdraft) limits?\b")
_EXPLAINS_WHY = re.compile(
    r"^(?:we do (?:this|so|that)|this is (?:because|so|why|to)|the reason|that is why|this is why)\b"
)


def _unit_explained(view: SectionView, new: Unit) -> bool:
    """Statements the safety net leaves alone whatever they add: directions, definitions, rights, security."""
    norm = new.norm
    if new.kind == "heading" or _header_row(new) or not _describes_practice(view, new):
        return True
    if _instruction(norm) or _LEGAL_BASIS.search(norm) or explains_words(new):
        return True
    if PLAIN_WORDS.match(norm) or _EXPLAINS_EXISTING.match(norm) or _EXPLAINS_WHY.match(norm):
        return True  # "In plain terms: ...", "This is an automated comparison: ...", "We do this because ..."
    if _OTHERS_RIGHT.match(norm):
        return True  # "Parents can download ..."
    if (
        "rights" in view.unit_topics(new)
        or CONTACT_US.search(normalise(new.heading))
        or _PROTECTED_PASSIVE.search(norm)
    ):
        return True
    return bool(SECURITY_TOPIC.search(normalise(f"{view.title} {new.heading}")))


_READER_CONDITION = re.compile(
    r"\b(?:if|when|where|while|in case) you (?!(?:would |d )?(?:prefer|rather|want|wish|like|choose)\b)"
    r"(?:\w+ ){0,4}?(?:not|never)(?: \w+){0,2}"
)
_ANY_READER_CONDITION = re.compile(r"\b(?:if|when|where|while|in case) you (?:\w+ ){0,4}?(?:not|never)(?: \w+){0,2}")
"""Also the reader's wishes ("if you'd rather we didn't"): none of it limits what we do."""
"""A condition on the reader ("if you will not be in"): its negation limits nothing we do."""


def _segment_explained(view: SectionView, new: Unit, segment: Segment) -> bool:
    """An insertion that is an example, a choice, the reader's act, a period, a protection or a negation."""
    text = segment.text
    lead = " ".join(segment.before.split()[-4:])
    added = [w for w in segment.added if w not in GLUE]
    if len(added) > 2 and added[0] == PARENTHESIS and added[-1] == PARENTHESIS:
        return True  # an aside in brackets that says more about a word already there
    if _MODIFIER.match(text) and segment.start > 0 and not actions(text):
        return True  # "..., which normally meets in June": a relative clause describing a noun
    if _REASON.match(text) or _CONSENT_WORD.search(text) or _NAMING.search(text):
        return True  # "because the law requires it", "obtain your written consent", "small files called cookies"
    if RESTATEMENT.match(text) or RESTATEMENT.search(" ".join(segment.before.split()[-2:])):
        return True
    if CONSENT_GATE.search(f"{lead} {text}") or CHOICE.search(reader_benefit_removed(text)):
        return True
    if READER_SUBJECT.search(_READER_CONDITION.sub(" ", text).split(" that ")[0]) or _SECURITY_WORDS.search(text):
        return True
    if durations(text, _default_role(view, new)):
        return True  # periods have their own rules, which know which way is longer
    unmasked = _READER_CONDITION.sub(" ", _NOUN_LIMIT.sub(" ", text))
    return bool(PROTECTIVE.search(unmasked)) or has_negation(_READER_CONDITION.sub(" ", f"{lead} {text}"))


def substantive_change(view: SectionView, change: Change) -> Iterator[Finding]:
    """A change that brings words the old section never used into a statement about what we do with data.

    The conservative, structural safety net: reformatting, reordering, moving text or setting a sentence
    out as a list brings no new words; typos, contact details, definitions, explanations, security
    measures, periods, rights, choices and negations are set aside; the rest, when no specific rule
    found anything, is worth a look.
    """
    if change.kind != "substantive" or not change.new or CONTACT_US.search(normalise(view.title)):
        return
    brought = new_content_words(view.old_norm, change.new_norm)
    dropped = new_content_words(view.new_norm, change.old_norm)
    if len(brought) - len(dropped) < SUBSTANTIVE_MIN_NEW_WORDS:
        return  # as many words taken out as brought in: a rewording, which the specific rules judge
    for old, new in change.pairs:
        if new is None or _unit_explained(view, new):
            continue
        if has_negation(_READER_CONDITION.sub(" ", new.norm)) and not has_negation(
            old.norm if old is not None else view.old_norm
        ):
            continue  # a promise added ("we do not share ...; our tool is self-hosted")
        if old is not None and sum((_limits(new.norm) - _limits(old.norm)).values()) > 0:
            continue  # a limit added ("The co-operative may download" -> "Only the Data Officer may download")
        counterpart = old.plain if old is not None else _similar_old_sentence(view, new)
        for segment in inserted_segments(counterpart, new.plain):
            words = new_content_words(view.old_norm, segment.text)
            if len(words) < SUBSTANTIVE_MIN_NEW_WORDS or _segment_explained(view, new, segment):
                continue
            category = _handles_data(view, new, segment.text) or _our_new_act(segment.text)
            if category is None:
                continue
            yield _finding(
                "substantive-change",
                category,
                view,
                change,
                f"A substantive change to how data is handled: {_quote(excerpt(segment.text, '', 100))}; "
                "review whether it is material",
            )
            return


# --------------------------------------------------------------------------------------------------
# Safety net: words of a statement about data replaced by other words

_READER_IF = re.compile(r"\b(?:if|when|unless|once) you(?: \w+){0,2}$")
_RENAMED = re.compile(r"\b(?:formerly|previously|now called|renamed|trading as|known as|rebranded)\b")
_CONTACT_PERSON = re.compile(r"\b(?:data protection officer|dpo|representative)\b")
_PARENT_CAN = re.compile(r"\b(?:parents?|guardians?|carers?)(?: \w+){0,2} (?:can|may|are able to)\b")
_PARENT = re.compile(r"\b(?:parents?|guardians?|carers?)\b")
_PARENT_CONSENT = re.compile(r"\b(?:parents?|parental|guardians?)\b(?: \w+){0,2} (?:consent|permission|approval)\b")
_NAMED_CONTROLLER = re.compile(
    r"\b(?:is|are|becomes?|acts? as|will act as|is acting as) (?:the |a |an )?(?:joint |independent |separate )?"
    r"controllers?\b"
)
_DEFINES = re.compile(r"^(?:\w+ ){1,3}(?:means|include|includes|including|refers to)\b")
_REWRITE_MIN_NEW_WORDS = 3
"""How many content words a replacement must bring that the words it replaces did not have."""
_TOPIC_CATEGORY = {
    "transfer": "transfer_mechanism",
    "children": "children",
    "retention": "longer_retention",
    "rights": "rights_reduced",
    "recipients": "new_recipients",
    "data": "new_data_category",
    "controller": "controller_identity",
}


_FIRM_WORD = re.compile(
    r"\b(?:ltd|limited|inc|llc|llp|plc|gmbh|ag|sa|bv|corp|corporation|company|co operative|cooperative|group|"
    r"society|trust|holdings|partners)\b"
)


_KEEPING = re.compile(r"\b(?:keep|keeps|kept|retain\w*|stor(?:e|es|ed|ing)|hold|holds|held)\b")


AGE_WORDS = re.compile(
    r"\b(?:under|over|aged?|ages|age of|older|younger|years old|or above|or older|between \d+ and \d+|you are \d+)\b"
)
"""Words that make a number an age: its changes are judged by the age rules, which know the direction."""
_UNIT_DAYS = {
    "day": 1, "days": 1, "week": 7, "weeks": 7, "fortnight": 14, "month": 30, "months": 30, "quarter": 91,
    "quarters": 91, "term": 120, "terms": 120, "season": 120, "seasons": 120, "year": 365, "years": 365,
}  # fmt: skip


def _unit_grown(old_norm: str, new_norm: str) -> tuple[str, str] | None:
    """One unit of time replaced by a longer one with no period the rules can read: "deleted at the end of the
    day after you leave" -> "at the end of the month after you leave"."""
    old_words, new_words = old_norm.split(), new_norm.split()
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace":
            continue
        before = [_UNIT_DAYS[w] for w in old_words[i1:i2] if w in _UNIT_DAYS]
        after = [_UNIT_DAYS[w] for w in new_words[j1:j2] if w in _UNIT_DAYS]
        if before and after and max(after) > max(before):
            return " ".join(old_words[i1:i2]), " ".join(new_words[j1:j2])
    return None


def _count_raised(view: SectionView, change: Change) -> Finding | None:
    """A period in a unit the period rules do not know ("three growing seasons" -> "five growing seasons"):
    the same words around a bigger number, or a longer unit, in a sentence about keeping or deleting data."""
    for old, new in change.pairs:
        if old is None or new is None or not (_KEEPING.search(new.norm) or ERASURE.search(new.norm)):
            continue
        if durations(new.norm) and durations(old.norm):
            continue
        grown = _unit_grown(old.norm, new.norm)
        if grown:
            return _finding(
                "retention-longer",
                "longer_retention",
                view,
                change,
                f"A period of keeping data now ends later: {_quote(grown[0])} becomes {_quote(grown[1])}",
            )
        if durations(new.norm) or not _KEEPING.search(new.norm) or AGE_WORDS.search(new.norm):
            continue
        old_words, new_words = old.norm.split(), new.norm.split()
        if len(old_words) != len(new_words):
            continue
        diff = [(a, b) for a, b in zip(old_words, new_words, strict=True) if a != b]
        if len(diff) != 1:
            continue
        before, after = (_small_number(word) for word in diff[0])
        if before is not None and after is not None and after > before:
            return _finding(
                "retention-longer",
                "longer_retention",
                view,
                change,
                f"A period of keeping data goes from {_quote(diff[0][0])} to {_quote(diff[0][1])} of the same unit",
            )
    return None


def _small_number(word: str) -> float | None:
    if word.isdigit():
        return float(word)
    found = durations(f"{word} days")
    return found[0].days if found else None


def _capitalised(norm: str, plain: str) -> bool:
    """Every word of ``norm`` is written with a capital in ``plain``: a name."""
    words = [w for w in norm.split() if w.isalpha()]
    if not words:
        return False
    return all(re.search(rf"\b{re.escape(w.capitalize())}\b", plain) for w in words)


def _sensitive_mentions(unit: Unit) -> set[str]:
    """Topics a sentence itself names where any new word can matter: another country, children."""
    found = set()
    if ABROAD.pattern.search(unit.norm):
        found.add("transfer")
    if CHILDREN.pattern.search(unit.norm):
        found.add("children")
    return found


def _rewrite_category(view: SectionView, unit: Unit, mentions: set[str]) -> str:
    for topic in ("children", "transfer"):
        if topic in mentions:
            return _TOPIC_CATEGORY[topic]
    for topic in ("transfer", "children", "retention", "rights", "recipients", "data", "controller"):
        if topic in view.unit_topics(unit):
            return _TOPIC_CATEGORY[topic]
    return "new_purpose"


def statement_rewritten(view: SectionView, change: Change) -> Iterator[Finding]:
    """Words of a statement replaced by words that say something else, when no specific rule knew them:
    "governed by the Standard Contractual Clauses" -> "governed by Pipeloom's Binding Corporate Rules",
    "provided to the insurer that underwrites our policy" -> "provided to insurers that offer cover".

    Recall first: only replacements that bring at least three content words the replaced words lacked (two
    in a sentence about another country, about children or about who is responsible) that the old section
    never used, and not periods (their own rules know which
    way is longer), contact details, renamed firms, plain-words restatements or definitions. In a sentence
    about another country or about children, an insertion counts as well, unless it is a protection, a
    negation, a period, a parent's consent, or something the reader (or a parent) can do.
    """
    if change.kind != "substantive" or not change.new or CONTACT_US.search(normalise(view.title)):
        return
    raised = _count_raised(view, change)
    if raised:
        yield raised
        return
    for old, new in change.pairs:
        if new is None or _RENAMED.search(new.norm) or _CONTACT_PERSON.search(new.norm):
            continue
        if PLAIN_WORDS.match(new.norm) or explains_words(new):
            continue
        if old is not None and sum((_limits(new.norm) - _limits(old.norm)).values()) > 0:
            continue  # a limit added
        mentions = _sensitive_mentions(new)
        least = 2 if mentions or "controller" in view.unit_topics(new) else _REWRITE_MIN_NEW_WORDS
        counterpart = old.plain if old is not None else _similar_old_sentence(view, new)
        for segment in inserted_segments(counterpart, new.plain):
            section_new = set(new_content_words(view.old_norm, segment.text))
            replaced = " ".join(segment.replaced)
            if _READER_IF.search(segment.before):
                continue  # the reader's own condition: "If you'd rather we didn't" -> "If you'd like to be on ..."
            if _content_stems(replaced):
                brought = [w for w in new_content_words(replaced, segment.text) if w in section_new]
                if len(brought) < least or durations(segment.text) or durations(replaced):
                    continue
                if CONTACT_DETAIL.search(segment.text) and CONTACT_DETAIL.search(replaced):
                    continue
                if (
                    old is not None
                    and not _FIRM_WORD.search(new.norm)
                    and _capitalised(segment.text, new.plain)
                    and _capitalised(replaced, old.plain)
                ):
                    continue  # one name for another ("Gareth Owen" -> "Anwen Price"): the firm's rules judge firms
                what = f"{_quote(excerpt(replaced, '', 60))} becomes {_quote(excerpt(segment.text, '', 80))}"
            else:
                named = _NAMED_CONTROLLER.search(segment.text)
                was = old.norm if old is not None else view.old_norm
                if named and len(_NAMED_CONTROLLER.findall(new.norm)) > len(_NAMED_CONTROLLER.findall(was)):
                    yield _finding(
                        "statement-rewritten",
                        "controller_identity",
                        view,
                        change,
                        f"Someone is now named as a controller: {_quote(excerpt(segment.text, '', 90))}; "
                        "review whether it is material",
                    )
                    return
                if not mentions or len(section_new) < least or _DEFINES.match(segment.text):
                    continue
                lead = " ".join(segment.before.split()[-4:])
                if PROTECTIVE.search(segment.text) or has_negation(f"{lead} {segment.text}"):
                    continue
                if durations(segment.text) or _PARENT_CAN.search(segment.text) or _PARENT_CONSENT.search(segment.text):
                    continue
                if READER_SUBJECT.search(segment.text) and ("children" not in mentions or _PARENT.search(segment.text)):
                    continue
                what = f"added {_quote(excerpt(segment.text, '', 90))}"
            yield _finding(
                "statement-rewritten",
                _rewrite_category(view, new, mentions),
                view,
                change,
                f"A statement about data now says something else: {what}; review whether it is material",
            )
            return


CHANGE_RULES: tuple[RuleFunc, ...] = (
    purpose_added,
    data_added,
    precision_raised,
    recipient_added,
    list_item_added,
    retention_longer,
    deadline_worse,
    right_removed,
    right_denied,
    right_friction,
    right_route_harder,
    transfer_changed,
    controller_changed,
    children_weaker,
    default_switched,
    limit_removed,
    negation_removed,
    denial_narrowed,
    denial_qualified,
    protected_age_lowered,
    without_flipped,
    custom_term,
    practice_added,
    list_grew,
    recipient_type_added,
    limit_lost,
    benefit_narrowed,
    substantive_change,
    statement_rewritten,
)
