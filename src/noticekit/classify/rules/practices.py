"""New purposes, data categories and recipients: term families, list items and list elements added, more
precise data, a kind of recipient or a practice described in words no family knows, and configured terms."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from noticekit.classify.changes import Change
from noticekit.classify.findings import Finding, excerpt
from noticekit.classify.polarity import has_negation, negated, verb_polarity
from noticekit.classify.practices import (
    CONSENT_GATE,
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
from noticekit.classify.quantities import durations
from noticekit.classify.rules.base import (
    _RESTRICTIONS,
    MEANS,
    RuleFunc,
    SectionView,
    _glosses,
    _is_right_context,
    _object_of_choice,
    _outside_glosses,
    _quote,
    content_stems,
    inserted,
    limit_words,
    make_finding,
    new_content_words,
    reader_benefit_removed,
    topics,
)
from noticekit.classify.rules.periods import _default_role
from noticekit.classify.sentences import Unit, normalise
from noticekit.classify.terms import (
    CHOICE,
    COARSENED,
    CONDITIONAL,
    CONTACT_DETAIL,
    CONTACT_US,
    CONTROLLER_CONTEXT,
    DATA,
    DEFINITION,
    LIST_TOPICS,
    PURPOSES,
    RECIPIENTS,
    RIGHT_CONTEXT,
    SECURITY_TOPIC,
    SUMMARY,
    Family,
    companies,
)

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
    if (CONTACT_US.search(norm) and not our_practice) or is_contact_channel(unit) or explains_words(unit):
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


def is_contact_channel(unit: Unit) -> bool:
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
_EXPLAINS_EXISTING = re.compile(
    r"^(?:this|that|it|these|those) (?:is|are|was) (?:an?|the|just|simply|only)\b(?! new\b| (?:an?|the) new\b)"
)


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
            yield make_finding(rule, category, view, change, f"{lead}: {'; '.join(hits)}")

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
        yield make_finding(
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
            yield make_finding(
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
        yield make_finding("list-item-added", category, view, change, f"{label}: {_quote(excerpt(new.plain, '', 80))}")
        return


def _said_in(norm: str, old_norm: str) -> bool:
    """Nearly every content word of ``norm`` (four or more) is in ``old_norm``."""
    stems = content_stems(norm)
    old = set(content_stems(old_norm))
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
        counterpart = old.plain if old is not None else similar_old_sentence(view, new)
        purpose = _purpose_clause_added(counterpart, new)
        if not _describes_practice(view, new) and not purpose:
            continue
        if _instruction(new.norm) or _LEGAL_BASIS.search(new.norm) or _EXPLAINS_EXISTING.match(new.norm):
            continue  # directions; the legal basis; "This is an automated comparison: ..." about what is there
        if PLAIN_WORDS.match(new.norm) or _PROTECTED_PASSIVE.search(new.norm):
            continue  # "In plain terms: ..." says it again; "Names are removed before anyone analyses them" protects
        if old is not None and _restrictions(new.norm) > _restrictions(old.norm):
            continue  # "can be seen by screeners" -> "can be seen only by the screener ...": a limit added
        if (
            (REASON.match(new.norm) and _NOT_A.search(new.norm))
            or _NOT_A_SALE.search(new.norm)
            or MEANS.search(new.norm)
        ):
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
                yield make_finding(
                    "practice-added",
                    category,
                    view,
                    change,
                    f"New practice described: {_quote(excerpt(words, '', 100))}; review whether it is material",
                )
                return


def _restrictions(norm: str) -> int:
    return sum(count for word, count in limit_words(norm).items() if word in _RESTRICTIONS)


_NOT_A = re.compile(r"\b(?:is|are|was|were) not (?:a|an|the|considered|treated as)\b")


REASON = re.compile(
    r"^(?:because|since|as (?:required|the law|law)|to comply|in order to comply|so (?:that )?(?!we\b)\w+ can|"
    r"(?:\w+ ){0,4}for the (?:purposes|reasons) (?:in|of|set out in|described in) this)\b"
)
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


def similar_old_sentence(view: SectionView, unit: Unit) -> str | None:
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
            yield make_finding("list-grew", category, view, change, f"{label} {_quote(excerpt(text, '', 80))}")
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
                yield make_finding(
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
            yield make_finding("custom-term", family.category, view, change, f"Configured term added: {_quote(hit[1])}")
