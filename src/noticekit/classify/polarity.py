"""Negation in normalised sentences: is a term denied ("we do not sell"), or asserted?

Normalised text has no punctuation, so a clause is approximated by a window of words before the
term, cut at words that start a new clause ("but", "however", "except", "and we").
"""

from __future__ import annotations

import re

from noticekit.classify.terms import PRACTICE_VERBS, QUALIFIERS

# fmt: off
NEGATIONS = frozenset({
    "not", "never", "no", "nor", "neither", "none", "without", "nobody", "nothing",
    "prohibited", "forbidden", "barred", "precluded",
})
"""Words that deny what follows them in the clause ("we do *not* sell", "*prohibited* from using")."""
_BOUNDARIES = frozenset({
    "but", "however", "except", "unless", "although", "though", "whereas", "while", "instead", "only", "if", "when",
    "where", "which", "who", "because", "so", "then", "otherwise", "also",
})
"""Words that start a new clause: a negation before them does not reach past them."""
_CLAUSE_STARTS = frozenset({
    "we", "you", "they", "it", "he", "she", "i", "is", "are", "was", "were", "will", "may", "can", "must", "has",
    "have",
})
_CONTRASTS = frozenset({"but", "however", "except", "unless", "although", "though", "whereas", "while", "instead"})
_SUBJECTS = frozenset({"we", "they", "he", "she", "i"})
"""Pronouns that are always subjects; "you" and "it" only when a verb follows ("you can", "it is")."""
_AMBIGUOUS_SUBJECTS = frozenset({"you", "it"})
_FINITE = frozenset({
    "can", "may", "will", "must", "should", "shall", "would", "could", "is", "are", "was", "were", "have", "has", "do",
    "does", "did", "need", "needs", "might",
})
# fmt: on
_PASSIVE_NEGATION = re.compile(
    r"^(?:is|are|was|were|will|shall|would|may|can|must|has|have|should)(?: be| been)? (?:not|never|no longer)\b"
)
_WINDOW = 8
_SENTENCE_NEGATIONS = frozenset({"no", "none", "neither", "nothing", "never"})
_VERB_PATTERNS = {verb: re.compile(r"\b(?:" + forms + r")\b") for verb, forms in PRACTICE_VERBS.items()}
_QUALIFIER = re.compile(r"\b(?:" + QUALIFIERS + r")\b")


def negated(norm: str, start: int, end: int | None = None) -> bool:
    """True if the words at ``norm[start:end]`` are denied in their clause."""
    prefix = norm[:start].split()
    if prefix and prefix[0] in _SENTENCE_NEGATIONS and not _CONTRASTS.intersection(prefix[1:]):
        return True  # "No data that we collect is sold"
    before = prefix[-_WINDOW:]
    for index in range(len(before) - 1, -1, -1):
        word = before[index]
        # A new subject starts a new clause ("without consent, we delete"), except after "nor do".
        subject = word in _SUBJECTS or (
            word in _AMBIGUOUS_SUBJECTS and index + 1 < len(before) and before[index + 1] in _FINITE
        )
        inverted = subject and bool({"nor", "neither"} & set(before[max(0, index - 2) : index]))
        # "that" starts a clause ("data that we collect"), unless it is a determiner ("that data").
        relative = word == "that" and index + 1 < len(before) and before[index + 1] in _CLAUSE_STARTS
        if word in _BOUNDARIES or relative or (subject and not inverted):
            before = before[index + 1 :]
            break
    if any(word in NEGATIONS for word in before):
        return True
    after = norm[end:] if end is not None else ""
    return bool(_PASSIVE_NEGATION.match(after.strip()))


def verb_polarity(norm: str) -> tuple[set[str], set[str]]:
    """The practice verbs a sentence denies (promises) and the ones it asserts."""
    denied: set[str] = set()
    asserted: set[str] = set()
    for verb, pattern in _VERB_PATTERNS.items():
        for match in pattern.finditer(norm):
            if negated(norm, match.start(), match.end()):
                denied.add(verb)
            else:
                asserted.add(verb)
    return denied, asserted


_CONDITION = re.compile(r"\b(?:without|unless|until|before)\b")
_REQUIREMENT = re.compile(
    r"\b(?:need|needs|needed|require|requires|required|must|only (?:with|if|after|when|once)|"
    r"with (?:your|their|a|the|an)(?: \w+){0,2} (?:consent|permission|agreement|approval|authori[sz]ation))\b"
)


# fmt: off
DISCLOSURE_VERBS: dict[str, str] = {
    "receive": r"receive|receives|received|receiving",
    "show": r"show|shows|showed|shown|showing|display|displays|displayed|displaying|reveal|reveals|revealed|"
    r"revealing",
    "publish": r"publish|publishes|published|publishing|print|prints|printed|printing",
    "include": r"include|includes|included|including",
    "process": r"process|processes|processed|processing",
    "see": r"see|sees|seen|view|views|viewed|viewing",
}
# fmt: on
"""Verbs outside the practice families that a promise can deny: who *receives*, *sees* or is *shown* what,
what is *published* or *included*, what is *processed* at all. Only a negation right before them counts."""
_CLOSE_FILLER = (
    r"(?: (?:be|been|being|ever|knowingly|normally|usually|routinely|automatically|directly|get|gets|have|has|"
    r"to|able|also|otherwise|intentionally|deliberately))*"
)
_CLOSE_DENIALS = {
    verb: re.compile(r"\b(?:not|never|no longer|neither|nor)" + _CLOSE_FILLER + r" (?:" + forms + r")\b")
    for verb, forms in DISCLOSURE_VERBS.items()
}
_DISCLOSURE_PATTERNS = {verb: re.compile(r"\b(?:" + forms + r")\b") for verb, forms in DISCLOSURE_VERBS.items()}


_DOCUMENT = frozenset({"notice", "policy", "section", "statement", "document", "page", "list", "table", "definition"})


def _reader_subject(norm: str, start: int) -> bool:
    """ "you cannot see", "you will not be shown": the reader's own right or experience, not a promise;
    "this notice does not include": the document's scope, not a promise either."""
    words = norm[:start].split()[-3:]
    return "you" in words or bool(_DOCUMENT.intersection(words))


def disclosure_polarity(norm: str) -> tuple[set[str], set[str]]:
    """The disclosure verbs ``norm`` denies ("your employer does not receive") and the ones it asserts.

    The reader as subject ("you will not see") counts as neither.
    """
    denied: set[str] = set()
    asserted: set[str] = set()
    for verb, pattern in _CLOSE_DENIALS.items():
        for match in pattern.finditer(norm):
            if not _reader_subject(norm, match.start()):
                denied.add(verb)
    for verb, pattern in _DISCLOSURE_PATTERNS.items():
        for match in pattern.finditer(norm):
            words = norm[: match.start()].split()
            if _reader_subject(norm, match.start()) or any(w in NEGATIONS for w in words[-4:]):
                continue
            if not negated(norm, match.start(), match.end()):
                asserted.add(verb)
    return denied, asserted


_CONSENT_CONDITION = re.compile(
    r"\b(?:without|unless|until|before) (?:\w+ ){0,5}?(?:consent\w*|permission|agree\w*|approv\w+|authori[sz]\w+|"
    r"ask\w*|opt\w* in|say so)\b"
)
_CONSENT_WORD = re.compile(
    r"\b(?:consent\w*|permission|opt\w* in|"
    r"(?:you|your|their|the (?:client|parent|patient|member|customer|user)s?|parent\w*|guardian\w*) (?:\w+ )?"
    r"(?:agree\w*|approv\w+|authori[sz]\w+)|"
    r"ask\w* (?:you|your|them|their|the (?:client|parent|patient|member|customer|user)s?)|"
    r"(?:you|they) (?:\w+ )?(?:ask|request|choose)\w*)\b"
)


def conditional_prohibition(old: str, new: str) -> bool:
    """ "must not X without Y" rewritten as "need Y to X": the same rule, stated positively.

    When Y is the reader's consent, the rewrite must still ask for it: "shall not disclose without the
    Client's consent, save where the law requires" -> "may disclose where the funder requires it, and
    otherwise only where the law requires" drops the consent and is no restatement.
    """
    if not (_CONDITION.search(old) and _REQUIREMENT.search(new)):
        return False
    return not (_CONSENT_CONDITION.search(old) and not _CONSENT_WORD.search(new))


def has_negation(norm: str) -> bool:
    return any(word in NEGATIONS for word in norm.split())


def qualifiers(norm: str) -> set[str]:
    """Words that weaken a promise ("except", "generally", "currently") found in ``norm``."""
    return {match.group(0) for match in _QUALIFIER.finditer(norm)}


def verb_pattern(verb: str) -> re.Pattern[str]:
    return _VERB_PATTERNS[verb]
