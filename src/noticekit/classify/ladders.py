"""Broad ladders: the strength of an age threshold, a promise and a consent model in a sentence.

These look at *what kind of* statement a sentence makes, not at its particular words, so that a
rewrite in new phrasing is still compared on the same scale:

- an age threshold ("at least 16", "16 or older", "aged 16+", "minimum age of 16") anywhere, with or
  without the word "child": lower is less protective;
- a promise not to do something: never (3) > do not (2) > do not currently / not normally (1);
- a consent model: ask first (2) > unless you object (1) > no choice (0);
- a transfer safeguard: adequacy (3) > SCCs, BCRs, DPF (2) > derogations such as necessity or consent (1).
"""

from __future__ import annotations

import re

from noticekit.classify.polarity import negated, verb_pattern, verb_polarity
from noticekit.classify.quantities import ages
from noticekit.classify.terms import MECHANISMS, PRACTICE_VERBS

# --------------------------------------------------------------------------------------------------
# Age thresholds

_NUMBER = r"(?P<n>\d{1,2}|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
_NUMBER += r"eighteen|nineteen|twenty|twenty one)"
_ANY_NUMBER = _NUMBER.replace("(?P<n>", "(?:")
_UNIT_AFTER = re.compile(
    r"^\s*(?:s )?(?:%|per|percent|days?|weeks?|months?|hours?|minutes?|seconds?|characters?|digits?|letters?|times|"
    r"people|persons|members|users|employees|staff|items|records|kg|km|miles|gb|mb|pounds|dollars|euros|years? ago|"
    r"working|business|calendar|consecutive)\b"
)
_BROAD_AGE = re.compile(
    r"\b(?:(?:be|are|is|been|being|aged?|turn(?:s|ed)?|reach(?:es|ed)?) (?:at least|over|above|under|below|"
    r"older than|younger than)?|"
    r"(?:at least|over|under|below|above|older than|younger than)(?= " + _ANY_NUMBER + r" to\b)|"
    r"(?:minimum|legal|youngest) age (?:(?:for|to) (?:\w+ ){0,4}?)?(?:is|of|will be|becomes)|ages?|"
    r"(?:over|under)(?= " + _ANY_NUMBER + r" ?s\b))\s*" + _NUMBER + r"\b"
)
_WORD_VALUES = {
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "twenty one": 21,
}  # fmt: skip


def age_thresholds(norm: str) -> list[int]:
    """Every age threshold (5 to 21) in ``norm``: those ``ages`` finds in a sentence about age or children, and
    "be at least 16", "aged 16", "under 16s", "the minimum age is 16" anywhere, unless a unit follows the
    number ("at least 16 characters", "over 18 months")."""
    found = set(ages(norm, about_age=False))
    for match in _BROAD_AGE.finditer(norm):
        if _UNIT_AFTER.match(norm[match.end() :]):
            continue
        raw = match.group("n")
        value = int(raw) if raw.isdigit() else _WORD_VALUES.get(raw, 0)
        if 5 <= value <= 21:
            found.add(value)
    return sorted(found)


def age_lowered(old_norm: str, new_norm: str) -> tuple[int, int] | None:
    """The lowest age threshold goes down (the old and new text both state one)."""
    old, new = age_thresholds(old_norm), age_thresholds(new_norm)
    if old and new and min(new) < min(old):
        return min(old), min(new)
    return None


# --------------------------------------------------------------------------------------------------
# Promise strength

_PERMANENT = re.compile(
    r"\b(?:never|at no time|under no circumstances|in no circumstances|in no event|not ever|will not ever|"
    r"nor will we ever|not and will not|do not and will not|does not and will not|have not and will not)\b"
)
_TENTATIVE = re.compile(
    r"\b(?:currently|presently|at present|at the moment|right now|for now|as yet|yet|routinely|normally|"
    r"usually|generally|typically|ordinarily|as a rule|in general|mostly|largely|in most cases|regularly|"
    r"(?:no|any) (?:current |immediate )?plans?|not (?:intend|expect|plan|aim)\w*|try|tries|aim|aims|seek|"
    r"seeks|endeavou?r\w*|strive\w*|ordinarily)\b"
)
_CLAUSE_CUT = re.compile(r"\b(?:and|but|however|although|though|while|whereas|so|because|which|that|who|if|when)\b")
VERB_LABELS = {"sell": "sell, rent or trade", "disclose": "share, disclose or transfer"}
PROMISE_LABELS = {3: "a permanent promise (never)", 2: "a promise (do not)", 1: "a qualified statement"}


def _clause_around(norm: str, start: int, end: int) -> str:
    """The words of the clause around a verb: back to the last clause word, forward four words."""
    before = norm[:start].split()[-8:]
    for index in range(len(before) - 1, -1, -1):
        if _CLAUSE_CUT.fullmatch(before[index]) and index < len(before) - 1:
            before = before[index + 1 :]
            break
    after = norm[end:].split()[:4]
    cut = next((i for i, w in enumerate(after) if _CLAUSE_CUT.fullmatch(w)), len(after))
    return " ".join([*before, "VERB", *after[:cut]])


_VERB_GROUPS = {"share": "disclose", "transfer": "disclose", "rent": "sell", "trade": "sell"}
"""Verbs of one practice: "we never share" -> "we do not currently disclose" is the same promise, weaker."""


def promise_levels(norm: str) -> dict[str, int]:
    """For each practice verb the sentence denies, how strong the denial is (3 never, 2 do not, 1 qualified).

    "we have never sold user data and we never will" -> sell: 3; "we do not currently sell" -> sell: 1.
    The strongest denial of a verb in the text counts.
    """
    levels: dict[str, int] = {}
    for verb in PRACTICE_VERBS:
        for match in verb_pattern(verb).finditer(norm):
            if not negated(norm, match.start(), match.end()):
                continue
            clause = _clause_around(norm, match.start(), match.end())
            level = 1 if _TENTATIVE.search(clause) else 3 if _PERMANENT.search(clause) else 2
            key = _VERB_GROUPS.get(verb, verb)
            levels[key] = max(levels.get(key, 0), level)
    return levels


def promise_weakened(old_norm: str, new_norm: str) -> tuple[str, int, int] | None:
    """A verb denied in both texts, less strongly in the new one: (verb, old level, new level)."""
    old, new = promise_levels(old_norm), promise_levels(new_norm)
    for verb, level in old.items():
        if verb in new and new[verb] < level:
            return verb, level, new[verb]
    return None


# --------------------------------------------------------------------------------------------------
# Consent model

_WHO = r"(?:you|they|we|a parent\w*|the parent\w*|parents?|guardians?|(?:a|the|your|their) \w+)"
_OPT_IN = re.compile(
    r"\b(?:only (?:\w+ ){0,14}?(?:if|when|once|after|with|where) (?:\w+ ){0,8}?"
    r"(?:consent\w*|agree\w*|tick\w*|permission|opt\w* in|say so|said so|approv\w+|authori[sz]\w+|sign\w* up|"
    r"chose|choose\w*|ask\w*|request\w*)|"
    r"(?:if|when|once|after|provided|where) (?:\w+ ){0,8}?(?:you|they|parents?|guardians?) (?:have |has )?"
    r"(?:agreed|consented|opted in|said yes|given (?:your |their |us )?(?:consent|permission))|"
    r"without (?:\w+ ){0,3}(?:consent|permission|agreement|approval|authori[sz]ation)|"
    r"(?:with|have|has|get|gets|obtain\w*|given|give|gives|receiv\w+|seek\w*|ask\w* for|need\w*|requir\w+|"
    r"subject to|depends? on) (?:\w+ ){0,3}"
    r"(?:prior |explicit |express |written |separate )?(?:consent|permission|agreement)|"
    r"ask\w* (?:you|them|your|their|parents?|guardians?|\w+ parents?) (?:\w+ ){0,3}first|"
    r"opt\w* in|consent box|tick\w* (?:a |the )?(?:\w+ ){0,2}box)\b"
)
_OPT_OUT = re.compile(
    r"\b(?:opt\w* out|unless " + _WHO + r" (?:\w+ ){0,3}(?:object\w*|opt\w* out|tell\w*|ask\w*|say\w*|"
    r"let\w* us know|refus\w+|withdraw\w*|unsubscrib\w+)|"
    r"if " + _WHO + r" (?:would )?(?:rather|prefer\w*|do not want|does not want|don t want|object\w*)|"
    r"(?:tell|let) us (?:know )?if " + _WHO + r" (?:do not|does not|would rather not|would prefer not|object)|"
    r"ask us to stop|object\w* to|right to object|can object|may object|unsubscrib\w+)\b"
)
_DEFAULT_IN = re.compile(
    r"\b(?:automatically|already) (?:\w+ )?(?:opted|opt) in\b|"
    r"\b(?:opted|opt) in (?:\w+ )?(?:automatically|by default)\b"
)
CONSENT_LABELS = {2: "asked first (opt-in)", 1: "unless you object (opt-out)", 0: "no choice"}


def consent_level(norm: str) -> int:
    """2 if the text makes something depend on agreement first, 1 if it only offers a way to object, else 0."""
    norm = _DEFAULT_IN.sub(" ", norm)  # "automatically opted in" is a default, not a choice asked for
    if _OPT_IN.search(norm):
        return 2
    if _OPT_OUT.search(norm):
        return 1
    return 0


def consent_weakened(old_norm: str, new_norm: str) -> tuple[int, int] | None:
    """The text asked for agreement first and now only lets the reader object (or gives no choice)."""
    old, new = consent_level(old_norm), consent_level(new_norm)
    if old != 2 or new == 2:
        return None
    if new == 0:
        # No choice left: only a weakening if the practice is still done, not if it is now denied.
        denied, asserted = verb_polarity(new_norm)
        if denied or not asserted:
            return None
    return old, new


# --------------------------------------------------------------------------------------------------
# Transfer safeguards

_MECHANISM_RUNGS = {"adequacy": 3, "sccs": 2, "bcrs": 2, "dpf": 2, "idta": 2, "codes": 2, "derogations": 1}
MECHANISM_LABELS = {3: "an adequacy decision", 2: "contractual safeguards (SCCs, BCRs, DPF)", 1: "a derogation"}


def mechanism_rungs(norm: str) -> set[int]:
    """The rungs of the transfer safeguards a text names: adequacy (3) > SCCs, BCRs, the DPF, the UK
    agreement or codes (2) > derogations such as necessity for a contract or consent to the transfer (1).
    Negation is not read: "for the data not covered by that decision, SCCs" still relies on SCCs."""
    return {_MECHANISM_RUNGS[f.key] for f in MECHANISMS if f.key in _MECHANISM_RUNGS and f.search(norm)}


def mechanism_stepped_down(old_norm: str, new_norm: str) -> tuple[int, int] | None:
    """The weakest safeguard named gets weaker (SCCs -> "necessary for the contract"): (old, new) rungs."""
    old, new = mechanism_rungs(old_norm), mechanism_rungs(new_norm)
    if old and new and min(new) < min(old):
        return min(old), min(new)
    return None
