"""The structural safety nets, last in order: a substantive change in words the old section never used, and
words of a statement about data replaced by other words."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from noticekit.classify.changes import Change
from noticekit.classify.findings import Finding, excerpt
from noticekit.classify.polarity import has_negation, verb_polarity
from noticekit.classify.practices import (
    CONSENT_GATE,
    GLUE,
    PARENTHESIS,
    PROTECTIVE,
    READER_SUBJECT,
    RESTATEMENT,
    Segment,
    actions,
    inserted_segments,
)
from noticekit.classify.quantities import durations
from noticekit.classify.rules.base import (
    NOUN_LIMIT,
    READER_CONDITION,
    SectionView,
    _quote,
    content_stems,
    limit_words,
    make_finding,
    new_content_words,
    reader_benefit_removed,
)
from noticekit.classify.rules.periods import _default_role
from noticekit.classify.rules.practices import (
    _EXPLAINS_EXISTING,
    _LEGAL_BASIS,
    _LIST_GREW,
    _PROTECTED_PASSIVE,
    PLAIN_WORDS,
    REASON,
    _describes_practice,
    _header_row,
    _instruction,
    _sentence_topic,
    explains_words,
    similar_old_sentence,
)
from noticekit.classify.sentences import Unit, normalise
from noticekit.classify.terms import ABROAD, CHILDREN, CHOICE, CONTACT_DETAIL, CONTACT_US, ERASURE, SECURITY_TOPIC

# --------------------------------------------------------------------------------------------------
# Safety net: a substantive change in words the old section never used

SUBSTANTIVE_MIN_NEW_WORDS = 3
"""How many content words the old section never used a change must bring before the safety net speaks."""

_HANDLING_SUBJECT = re.compile(r"\b(?:we|us|our|the (?:company|organi[sz]ation|service|app|platform))\b")
_OTHERS_RIGHT = re.compile(
    r"^(?!we\b|our\b)(?:\w+ ){1,3}(?:can|may|are able to|have the right to) (?:also |now |still )?"
    r"(?:download|see|view|access|ask|request|update|correct|change|export|get a copy|check|review)\b"
)
_SECURITY_WORDS = re.compile(
    r"\b(?:second factor|two factor|multi factor|2fa|mfa|one time (?:code|password)|passwords?|log(?:s|ged)? in|"
    r"sign(?:s|ed)? in|logins?|encrypt\w*|firewall\w*|penetration|vulnerab\w+|weakness\w*|patch\w*|locked?|"
    r"authenticat\w+)\b"
)


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
        asked = _WE_NEED.search(text) and not has_negation(READER_CONDITION.sub(" ", text))
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


_CONSENT_WORD = re.compile(r"\b(?:consent|permission|approval|authori[sz]ation)\b")
_NAMING = re.compile(r"\b(?:called|known as|referred to as|named)$")
MODIFIER = re.compile(r"^(?:which|who|whose|whom|that|where|when)\b")
EXPLAINS_WHY = re.compile(
    r"^(?:we do (?:this|so|that)|this is (?:because|so|why|to)|the reason|that is why|this is why)\b"
)


def unit_explained(view: SectionView, new: Unit) -> bool:
    """Statements the safety net leaves alone whatever they add: directions, definitions, rights, security."""
    norm = new.norm
    if new.kind == "heading" or _header_row(new) or not _describes_practice(view, new):
        return True
    if _instruction(norm) or _LEGAL_BASIS.search(norm) or explains_words(new):
        return True
    if PLAIN_WORDS.match(norm) or _EXPLAINS_EXISTING.match(norm) or EXPLAINS_WHY.match(norm):
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


def segment_explained(view: SectionView, new: Unit, segment: Segment) -> bool:
    """An insertion that is an example, a choice, the reader's act, a period, a protection or a negation."""
    text = segment.text
    lead = " ".join(segment.before.split()[-4:])
    added = [w for w in segment.added if w not in GLUE]
    if len(added) > 2 and added[0] == PARENTHESIS and added[-1] == PARENTHESIS:
        return True  # an aside in brackets that says more about a word already there
    if MODIFIER.match(text) and segment.start > 0 and not actions(text):
        return True  # "..., which normally meets in June": a relative clause describing a noun
    if REASON.match(text) or _CONSENT_WORD.search(text) or _NAMING.search(text):
        return True  # "because the law requires it", "obtain your written consent", "small files called cookies"
    if RESTATEMENT.match(text) or RESTATEMENT.search(" ".join(segment.before.split()[-2:])):
        return True
    if CONSENT_GATE.search(f"{lead} {text}") or CHOICE.search(reader_benefit_removed(text)):
        return True
    if READER_SUBJECT.search(READER_CONDITION.sub(" ", text).split(" that ")[0]) or _SECURITY_WORDS.search(text):
        return True
    if durations(text, _default_role(view, new)):
        return True  # periods have their own rules, which know which way is longer
    unmasked = READER_CONDITION.sub(" ", NOUN_LIMIT.sub(" ", text))
    return bool(PROTECTIVE.search(unmasked)) or has_negation(READER_CONDITION.sub(" ", f"{lead} {text}"))


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
        if new is None or unit_explained(view, new):
            continue
        if has_negation(READER_CONDITION.sub(" ", new.norm)) and not has_negation(
            old.norm if old is not None else view.old_norm
        ):
            continue  # a promise added ("we do not share ...; our tool is self-hosted")
        if old is not None and sum((limit_words(new.norm) - limit_words(old.norm)).values()) > 0:
            continue  # a limit added ("The co-operative may download" -> "Only the Data Officer may download")
        counterpart = old.plain if old is not None else similar_old_sentence(view, new)
        for segment in inserted_segments(counterpart, new.plain):
            words = new_content_words(view.old_norm, segment.text)
            if len(words) < SUBSTANTIVE_MIN_NEW_WORDS or segment_explained(view, new, segment):
                continue
            category = _handles_data(view, new, segment.text) or _our_new_act(segment.text)
            if category is None:
                continue
            yield make_finding(
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
RENAMED = re.compile(r"\b(?:formerly|previously|now called|renamed|trading as|known as|rebranded)\b")
CONTACT_PERSON = re.compile(r"\b(?:data protection officer|dpo|representative)\b")
_PARENT_CAN = re.compile(r"\b(?:parents?|guardians?|carers?)(?: \w+){0,2} (?:can|may|are able to)\b")
_PARENT = re.compile(r"\b(?:parents?|guardians?|carers?)\b")
_PARENT_CONSENT = re.compile(r"\b(?:parents?|parental|guardians?)\b(?: \w+){0,2} (?:consent|permission|approval)\b")
_NAMED_CONTROLLER = re.compile(
    r"\b(?:is|are|becomes?|acts? as|will act as|is acting as) (?:the |a |an )?(?:joint |independent |separate )?"
    r"controllers?\b"
)
DEFINES = re.compile(r"^(?:\w+ ){1,3}(?:means|include|includes|including|refers to)\b")
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


FIRM_WORD = re.compile(
    r"\b(?:ltd|limited|inc|llc|llp|plc|gmbh|ag|sa|bv|corp|corporation|company|co operative|cooperative|group|"
    r"society|trust|holdings|partners)\b"
)


_KEEPING = re.compile(r"\b(?:keep|keeps|kept|retain\w*|stor(?:e|es|ed|ing)|hold|holds|held)\b")


AGE_WORDS = re.compile(
    r"\b(?:under|over|aged?|ages|age of|older|younger|years old|or above|or older|between \d+ and \d+|you are \d+)\b"
)
"""Words that make a number an age: its changes are judged by the age rules, which know the direction."""
UNIT_DAYS = {
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
        # A period written out on the old side ("for 18 months", "ninety days") is compared in days:
        # "18 months" -> "the same year" is shorter, "a fortnight" -> "the end of the quarter" is longer.
        periods = durations(" ".join(old_words[i1:i2]))
        before = [d.days for d in periods] or [UNIT_DAYS[w] for w in old_words[i1:i2] if w in UNIT_DAYS]
        after = [UNIT_DAYS[w] for w in new_words[j1:j2] if w in UNIT_DAYS]
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
            return make_finding(
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
            return make_finding(
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


def is_a_name(norm: str, plain: str) -> bool:
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
        if new is None or RENAMED.search(new.norm) or CONTACT_PERSON.search(new.norm):
            continue
        if PLAIN_WORDS.match(new.norm) or explains_words(new):
            continue
        if old is not None and sum((limit_words(new.norm) - limit_words(old.norm)).values()) > 0:
            continue  # a limit added
        mentions = _sensitive_mentions(new)
        least = 2 if mentions or "controller" in view.unit_topics(new) else _REWRITE_MIN_NEW_WORDS
        counterpart = old.plain if old is not None else similar_old_sentence(view, new)
        for segment in inserted_segments(counterpart, new.plain):
            section_new = set(new_content_words(view.old_norm, segment.text))
            replaced = " ".join(segment.replaced)
            if _READER_IF.search(segment.before):
                continue  # the reader's own condition: "If you'd rather we didn't" -> "If you'd like to be on ..."
            if content_stems(replaced):
                brought = [w for w in new_content_words(replaced, segment.text) if w in section_new]
                if len(brought) < least or durations(segment.text) or durations(replaced):
                    continue
                if CONTACT_DETAIL.search(segment.text) and CONTACT_DETAIL.search(replaced):
                    continue
                if (
                    old is not None
                    and not FIRM_WORD.search(new.norm)
                    and is_a_name(segment.text, new.plain)
                    and is_a_name(replaced, old.plain)
                ):
                    continue  # one name for another ("Gareth Owen" -> "Anwen Price"): the firm's rules judge firms
                what = f"{_quote(excerpt(replaced, '', 60))} becomes {_quote(excerpt(segment.text, '', 80))}"
            else:
                named = _NAMED_CONTROLLER.search(segment.text)
                was = old.norm if old is not None else view.old_norm
                if named and len(_NAMED_CONTROLLER.findall(new.norm)) > len(_NAMED_CONTROLLER.findall(was)):
                    yield make_finding(
                        "statement-rewritten",
                        "controller_identity",
                        view,
                        change,
                        f"Someone is now named as a controller: {_quote(excerpt(segment.text, '', 90))}; "
                        "review whether it is material",
                    )
                    return
                if not mentions or len(section_new) < least or DEFINES.match(segment.text):
                    continue
                lead = " ".join(segment.before.split()[-4:])
                if PROTECTIVE.search(segment.text) or has_negation(f"{lead} {segment.text}"):
                    continue
                if durations(segment.text) or _PARENT_CAN.search(segment.text) or _PARENT_CONSENT.search(segment.text):
                    continue
                if READER_SUBJECT.search(segment.text) and ("children" not in mentions or _PARENT.search(segment.text)):
                    continue
                what = f"added {_quote(excerpt(segment.text, '', 90))}"
            yield make_finding(
                "statement-rewritten",
                _rewrite_category(view, new, mentions),
                view,
                change,
                f"A statement about data now says something else: {what}; review whether it is material",
            )
            return
