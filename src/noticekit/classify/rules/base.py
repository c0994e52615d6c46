"""What every rule works with: the section view, topics, findings, and the helpers several rules share.

``inserted``/``removed`` find a word family a change brings or takes away; the content-word stems and
the limit words ("not", "never", "only") are compared by rules of more than one kind.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from noticekit.classify.changes import Change
from noticekit.classify.findings import Finding, excerpt
from noticekit.classify.polarity import negated
from noticekit.classify.practices import FUNCTION_WORDS
from noticekit.classify.sentences import Unit, normalise
from noticekit.classify.terms import BENEFIT, CHILDREN, RIGHT_CONTEXT, TOPICS, Family


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


def make_finding(rule: str, category: str, view: SectionView, change: Change, message: str) -> Finding:
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
# Shared: whether a sentence is about rights or about children


def reader_benefit_removed(norm: str) -> str:
    """``norm`` without "so you can"/"to let you": what a practice lets the reader do is not a choice."""
    return BENEFIT.sub(" so that ", norm)


def _is_right_context(view: SectionView, unit: Unit) -> bool:
    return bool(RIGHT_CONTEXT.search(reader_benefit_removed(unit.norm))) or "rights" in view.unit_topics(unit)


def about_children(view: SectionView, unit: Unit) -> bool:
    return bool(CHILDREN.search(unit.norm)) or "children" in view.unit_topics(unit)


# --------------------------------------------------------------------------------------------------
# Shared: content words, compared by their stems
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


def content_stems(norm: str) -> list[str]:
    return [
        _word_stem(word)
        for word in norm.split()
        if word.isalpha() and len(word) > 2 and word not in _STOPWORDS and word not in FUNCTION_WORDS
    ]


def new_content_words(old_norm: str, new_norm: str) -> list[str]:
    """Content words of ``new_norm`` whose stem appears nowhere in ``old_norm`` (in reading order, once each)."""
    old = set(content_stems(old_norm))
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


# --------------------------------------------------------------------------------------------------
# Shared: limit words ("not", "never", "only"), and the reader's own limits and conditions
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


def limit_weight(limits: Counter[str]) -> int:
    """A denial ("not", "never") rules a practice out; a restriction ("only") lets part of it in."""
    return sum(count * (1 if word in _RESTRICTIONS else 2) for word, count in limits.items())


def limit_words(norm: str, *, reader: bool = False) -> Counter[str]:
    """The limit words of ``norm``; the reader's own limits count only when ``reader`` (a child's limits)."""
    masked = _LIMIT_BOUND.sub(" ", norm)
    if not reader:
        masked = _READER_LIMIT.sub(" ", _ANY_READER_CONDITION.sub(" ", masked))
    return Counter(word for word in masked.split() if word in _LIMIT_WORDS)


IMPERATIVE = re.compile(
    r"^(?:(?:just|simply|please) )?(?:open|go|tap|click|select|pick|choose|use|visit|write|email|call|send|press|"
    r"sign in|log in|head|find|follow|fill|complete|contact|ask|turn|switch|untick|tick|reply|text)\b"
)
"""An instruction to the reader ("open My records, pick a sighting and tap Delete"): how a right is used."""
MEANS = re.compile(r"\b(?:refers? (?:only )?to|does not mean|is used to mean|in this section \w+ means)\b")
"""What a word of the notice means ("'transfer' refers only to a change of holder"): neither a practice nor
a transfer."""
NOUN_LIMIT = re.compile(
    r"\b(?:what|credit|spending|borrowing|upper|lower|daily|weekly|monthly|overdraft|access|advance|withdrawal)"
    r" limits?\b|"
    r"\b(?:set|sets|setting|raise|raises|lower|lowers) (?:the |your )?limits?\b|\bthe limits? (?:on|of) (?:your|the)\b"
)


READER_CONDITION = re.compile(
    r"\b(?:if|when|where|while|in case) you (?!(?:would |d )?(?:prefer|rather|want|wish|like|choose)\b)"
    r"(?:\w+ ){0,4}?(?:not|never)(?: \w+){0,2}"
)
_ANY_READER_CONDITION = re.compile(r"\b(?:if|when|where|while|in case) you (?:\w+ ){0,6}?(?:not|never)(?: \w+){0,2}")
"""Also the reader's wishes ("if you'd rather we didn't"): none of it limits what we do."""
"""A condition on the reader ("if you will not be in"): its negation limits nothing we do."""
