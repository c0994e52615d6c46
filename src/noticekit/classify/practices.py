"""What a change *adds*: the inserted words of each sentence, and the data-handling actions in them.

The term rules (``rules/practices.py``) know the vocabulary of particular purposes, data categories and
recipients; a new practice described in other words ("estimate how likely you are to accept a
higher price", "recommend titles based on your loans") slips past them. This module gives the
recall-oriented safety net its material:

* ``inserted_segments`` — the runs of words a new sentence adds to its old counterpart (the whole
  sentence if it has none), found by a word diff that keeps list separators (commas, semicolons,
  table-cell bars) as tokens;
* ``ACTIONS`` — broad verb families for handling data, each with the category a new action suggests
  (analyse, infer, predict, score, recommend -> purpose; collect, record, scan, upload -> data;
  disclose, share, give access, sell, license -> recipients; keep, store, archive -> retention);
* ``PROTECTIVE`` and the other patterns that explain an insertion away: a limit ("only", "solely"),
  security ("encrypted", "anonymised"), consent gating ("if you opt in"), an example or a
  restatement ("for example", "such as", "in other words").

The rules that use them live in ``rules/practices.py`` (``practice_added``, ``list_grew``).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from noticekit.classify.sentences import normalise

SEPARATOR = "zzsep"
"""Token standing for a list separator: a comma, semicolon, colon, dash or table-cell bar."""

PARENTHESIS = "zzparen"
"""Token standing for a bracket: what opens with one explains, it does not add a list element."""

_SEPARATORS = re.compile(r"\s*(?:[,;:|\u2013\u2014]|\s-\s|\.(?=\s))\s*")
_PARENTHESES = re.compile(r"\s*[()\[\]]\s*")
GLUE = frozenset({"and", "or", "plus", "also", "then"})
"""Words that join list elements ("A, B and C"); they do not make an element themselves."""


def tokens(plain: str) -> tuple[str, ...]:
    """Normalised words of a sentence, with list separators kept as ``SEPARATOR`` tokens."""
    marked = _PARENTHESES.sub(f" {PARENTHESIS} ", _SEPARATORS.sub(f" {SEPARATOR} ", plain))
    return tuple(normalise(marked).split())


@dataclass(frozen=True)
class Segment:
    """Words a new sentence adds: ``words[start:end]`` of its tokens, and what was there before."""

    words: tuple[str, ...]
    start: int
    end: int
    replaced: tuple[str, ...] = ()
    """The old words this run replaces (empty for a pure insertion)."""

    @property
    def added(self) -> tuple[str, ...]:
        return self.words[self.start : self.end]

    @property
    def text(self) -> str:
        words = [w for w in self.added if w not in (SEPARATOR, PARENTHESIS)]
        while words and words[0] in GLUE:
            words = words[1:]
        while words and words[-1] in GLUE:
            words = words[:-1]
        return " ".join(words)

    @property
    def before(self) -> str:
        """The sentence's words before the run (for subjects and negations)."""
        return " ".join(w for w in self.words[: self.start] if w not in (SEPARATOR, PARENTHESIS))

    @property
    def at_boundary(self) -> bool:
        """The run is a whole list element: a separator or "and"/"or" on each side, or the sentence's ends."""
        left, right, added = self.words[: self.start], self.words[self.end :], self.added
        opens = not left or left[-1] == SEPARATOR or left[-1] in GLUE or (added and added[0] in (SEPARATOR, *GLUE))
        closes = not right or right[0] in (SEPARATOR, *GLUE) or (added and added[-1] in (SEPARATOR, PARENTHESIS))
        return bool(opens and closes)


@lru_cache(maxsize=4096)
def inserted_segments(old_plain: str | None, new_plain: str) -> tuple[Segment, ...]:
    """The runs of words ``new_plain`` adds to ``old_plain`` (all of it when there is no old sentence)."""
    new = tokens(new_plain)
    if old_plain is None:
        return (Segment(new, 0, len(new)),) if new else ()
    old = tokens(old_plain)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    segments = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("insert", "replace") and any(
            w not in (SEPARATOR, PARENTHESIS) and w not in GLUE for w in new[j1:j2]
        ):
            segments.append(Segment(new, j1, j2, old[i1:i2]))
    return tuple(segments)


def only_additions(old_plain: str, new_plain: str) -> bool:
    """``new_plain`` keeps every word of ``old_plain`` in order and only adds (joining words aside)."""
    old = [w for w in tokens(old_plain) if w not in (SEPARATOR, PARENTHESIS) and w not in GLUE]
    new = [w for w in tokens(new_plain) if w not in (SEPARATOR, PARENTHESIS) and w not in GLUE]
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return all(tag in ("equal", "insert") for tag, *_ in matcher.get_opcodes()) and len(new) > len(old)


# --------------------------------------------------------------------------------------------------
# Data-handling actions


@dataclass(frozen=True)
class Action:
    key: str
    category: str
    pattern: re.Pattern[str]
    group: str
    """Actions of one group are rewordings of each other ("decide whether" / "work out whether")."""


# fmt: off
_GROUPS = {
    "analyse": "assess", "infer": "assess", "predict": "assess", "score": "assess", "decide": "assess",
    "automated": "assess",
    "recommend": "personalise", "target": "personalise", "monitor": "observe", "collect": "observe",
}
# fmt: on


def _action(key: str, category: str, *forms: str) -> Action:
    return Action(key, category, re.compile(r"\b(?:" + "|".join(forms) + r")\b"), _GROUPS.get(key, key))


# fmt: off
ACTIONS: tuple[Action, ...] = (
    # What the data is used for: analysis, inference, prediction, decisions about the person.
    _action(
        "analyse", "new_purpose", r"analy[sz](?:e|es|ed|ing|is)", r"evaluat(?:e|es|ed|ing)", r"assess(?:es|ed|ing)?",
        r"examin(?:e|es|ed|ing)", r"stud(?:y|ying) (?:your|how|what|the)", r"studied", r"gaug(?:e|es|ed|ing)",
        r"judg(?:e|es|ed|ing)", r"apprais(?:e|es|ed|ing)", r"interpret(?:s|ed|ing)?", r"benchmark(?:s|ed|ing)?",
        r"recogni[sz](?:e|es|ed|ing)", r"extract(?:s|ed|ing)?", r"cluster(?:s|ed|ing)?", r"vet(?:s|ted|ting)?",
        r"compar(?:e|es|ed|ing)",
    ),
    _action(
        "infer", "new_purpose", r"infer(?:s|red|ring)?", r"deduc(?:e|es|ed|ing)", r"work(?:s|ed|ing)? out",
        r"figur(?:e|es|ed|ing) out", r"guess(?:es|ed|ing)?", r"deriv(?:e|es|ed|ing)", r"determin(?:e|es|ed|ing)",
        r"identif(?:y|ies|ied|ying)", r"detect(?:s|ed|ing)?",
        # what the data suggests about the person: "because your purchases suggest you may be managing ..."
        r"(?:suggest|suggests|indicate|indicates|show|shows) (?:that )?you (?:may|might|are likely|probably|could)",
        r"nam(?:e|es|ed|ing) (?:the )?(?:people|persons|faces|individuals|visitors|who)",
        r"understand(?:s|ing)? (?:what|which|how|whether|who|your)",
    ),
    _action(
        "predict", "new_purpose", r"predict(?:s|ed|ing|ion|ions)?", r"forecast(?:s|ed|ing)?", r"estimat(?:e|es|ed|ing)",
        r"anticipat(?:e|es|ed|ing)", r"likelihood", r"probability", r"propensity", r"how likely",
    ),
    _action(
        "score", "new_purpose", r"scor(?:e|es|ed|ing)", r"rank(?:s|ed|ing)?",
        r"rat(?:e|es|ing) (?:you|your|users|applicants|customers)", r"prioriti[sz](?:e|es|ed|ing)",
        r"classif(?:y|ies|ied|ying)", r"categori[sz](?:e|es|ed|ing)", r"segment(?:ed|ing)?",
        r"grad(?:e|es|ed|ing) (?:you|your)", r"screen(?:s|ed|ing)? (?:you|your|applicants|candidates)",
    ),
    _action(
        "automated", "new_purpose",
        r"(?:calculated|computed|generated|produced|assigned|worked out|decided|set|made) (?:automatically )?by "
        r"(?:our |an? |the )?(?:software|systems?|algorithms?|models?|computers?|ai|tools?|machines?)",
        r"(?:software|systems?|algorithms?|models?|ai|tools?) (?:\w+ ){0,2}"
        r"(?:calculat|comput|generat|decid|assess|estimat|predict|flag|rank|scor|rat|sort|select|filter)\w*",
        r"automated (?:scores?|ratings?|rankings?|assessments?|decisions?|checks?|screening|matching)",
    ),
    _action(
        "decide", "new_purpose", r"decid(?:e|es|ed|ing) (?:whether|if|which|who|how much|what)",
        r"pric(?:e|es|ed|ing) (?:your|the|our|each|individual|it|them)",
        r"set(?:s|ting)? (?:your |the )?(?:prices?|premiums?|fares?|rates?)", r"underwrit(?:e|es|ing)",
        r"quot(?:e|es|ed|ing) (?:you|a price|prices)",
        r"(?:approve|reject|refuse|decline)(?:s|d)? (?:your|applications?|claims?)",
        # deciding who gets what price or offer: "work out which households should be offered a lower price"
        r"pick(?:s|ed|ing)? (?:which|what) (?:\w+ ){0,3}(?:prices?|offers?|deals?|rates?|fees?|discounts?)",
        r"(?:prices?|fees?|rates?|premiums?) (?:that )?we (?:quote|charge|offer|show) you",
        r"(?:offered|offer|offers|given|charged) (?:a |an )?(?:lower|higher|different|special|reduced|discounted|"
        r"better|personal) (?:price|prices|rate|rates|fee|fees|deal|deals|tariff)",
        r"(?:fee|price|limit|rate)s? (?:and \w+ (?:\w+ )?)?(?:offered|set|charged) (?:to )?you from",
        # who gets work, offers or service first: allocation and queue position
        r"allocat(?:e|es|ed|ing|ion)", r"(?:place|position|priority|order|rank) in (?:the |a )?(?:\w+ )?"
        r"(?:queue|list|ranking|rota|waiting list|order)",
    ),
    _action(
        "recommend", "new_purpose", r"recommend(?:s|ed|ing|ations?)?", r"suggest(?:s|ed|ing|ions?)?",
        r"personali[sz](?:e|es|ed|ing|ation)", r"customi[sz](?:e|es|ed|ing)", r"tailor(?:s|ed|ing)?",
        r"choos(?:e|es|ing) (?:the |which |what )?(?:\w+ )?"
        r"(?:offers?|ads?|adverts?|advertisements?|content|products?|promotions?|deals?)",
    ),
    _action(
        "target", "new_purpose", r"target(?:s|ed|ing)?", r"retarget(?:s|ed|ing)?", r"advertis(?:e|es|ed|ing)",
        r"market(?:s|ed)? to", r"promot(?:e|es|ed|ing) (?:to|our)", r"profil(?:ed|ing)",
    ),
    _action(
        "combine", "new_purpose", r"combin(?:e|es|ed|ing)",
        r"match(?:es|ed|ing)? (?:it|this|them|your|the|you|against|with)",
        r"link(?:s|ed|ing)? (?:it|this|them|your|the|to|with)", r"merg(?:e|es|ed|ing)", r"enrich(?:es|ed|ing)?",
        r"cross referenc(?:e|es|ed|ing)", r"append(?:s|ed|ing)?",
    ),
    _action(
        "train", "new_purpose", r"train(?:s|ed|ing)?", r"model(?:led|ling|ed|ing)",
        r"develop(?:s|ed|ing)? (?:new|our|and)",
        # building a system from the data: "develop a system that drafts replies", "build a tool that ..."
        r"(?:develop|build|create|design)(?:s|ed|ing)? (?:a|an|new|our) (?:\w+ ){0,2}"
        r"(?:systems?|tools?|models?|assistants?|algorithms?|features?|products?|chatbots?|bots?)",
        r"improv(?:e|es|ed|ing) (?:our|the) (?:models?|algorithms?|ai|systems?)",
        # teaching a system from the data: "teach the matching system to ...", "refine the house voice"
        r"(?:teach|teaches|teaching|taught|refin(?:e|es|ed|ing)|tun(?:e|es|ed|ing)|fine tun\w+|calibrat\w+) "
        r"(?:\w+ ){0,3}(?:systems?|engines?|voices?|models?|matchers?|tools?|algorithms?|assistants?|recogni[sz]ers?|"
        r"classifiers?|ai|bots?|software)",
    ),
    _action(
        "monitor", "new_data_category", r"monitor(?:s|ed|ing)?", r"track(?:s|ed|ing)?", r"observ(?:e|es|ed|ing)",
        r"watch(?:es|ed|ing)?", r"listen(?:s|ed|ing)?", r"survey(?:s|ed)? (?:you|your)",
    ),
    # What is taken in: new kinds of data.
    _action(
        "collect", "new_data_category", r"collect(?:s|ed|ing)?", r"gather(?:s|ed|ing)?", r"obtain(?:s|ed|ing)?",
        r"captur(?:e|es|ed|ing)", r"recorded",
        r"record(?:s|ed|ing)? (?:your|the|what|when|where|how|whether|which|who|any|all|each|every|it|them)",
        r"log(?:s|ged|ging)? (?:your|the|what|when|where|how|which|each|every|all)", r"logged", r"scan(?:s|ned|ning)?",
        r"upload(?:s|ed|ing)?", r"import(?:s|ed|ing)?", r"sync(?:s|ed|ing)?",
        r"read(?:s|ing)? (?:your|the content|the contents)", r"access(?:es|ed|ing)? (?:your|the)",
        r"request(?:s|ed)? (?:your|a copy of your)", r"ask(?:s|ed)? (?:you )?for (?:your|a|an)",
        r"sens(?:es|ed|ing)", r"sense (?:your|when|whether|the|how)", r"measur(?:e|es|ed|ing)",
        r"photograph(?:s|ed|ing)?", r"film(?:s|ed|ing)? (?:you|the|your|each|every|all|any)", r"receiv(?:e|es|ed|ing)",
    ),
    # Who receives it.
    _action(
        "disclose", "new_recipients", r"disclos(?:e|es|ed|ing|ure|ures)", r"shar(?:e|es|ed|ing)",
        r"transmit(?:s|ted|ting)?", r"transfer(?:s|red|ring)?", r"pass(?:es|ed|ing)? (?:\w+ |; ){0,8}?(?:on|to)\b",
        r"sen(?:d|ds|t|ding) (?:\w+ ){0,8}?to", r"provid(?:e|es|ed|ing) (?:\w+ ){0,8}?to",
        r"(?:give|gives|given|giving|gave) (?:\w+ ){0,3}access", r"(?:make|makes|made|making) (?:\w+ ){0,7}available",
        r"publish(?:es|ed|ing)?", r"(?:show|shows|shown|showing) (?:\w+ ){0,4}to", r"visible to",
        r"report(?:s|ed|ing)? (?:\w+ ){0,8}?to", r"forward(?:s|ed|ing)?", r"suppl(?:y|ies|ied)",
        r"hand(?:s|ed|ing)? (?:over )?(?:your |the |their |any )?(?:data|information|details|records|files)",
        r"hand(?:s|ed|ing)? (?:\w+ |; ){1,8}?over to",
    ),
    _action(
        "sell", "new_recipients", r"sell(?:s|ing)?", r"sold", r"licen[cs](?:e|es|ed|ing)", r"rent(?:s|ed|ing)?",
        r"monetis(?:e|es|ed|ing)", r"monetiz(?:e|es|ed|ing)", r"in (?:return|exchange) for (?:money|payment)",
    ),
    # How long it is kept.
    _action(
        "keep", "longer_retention", r"keep(?:s|ing)?", r"kept", r"retain(?:s|ed|ing)?", r"stor(?:e|ed|ing)",
        r"stores (?:your|it|them|the|data|information|copies|a copy)", r"hold(?:s|ing)?", r"held",
        r"archiv(?:e|es|ed|ing)", r"preserv(?:e|es|ed|ing)", r"back(?:s|ed)? up",
    ),
)
# fmt: on

NOT_AN_ACTION = re.compile(
    r"\b(?:keep(?:s|ing)?|kept) (?:in touch|you|people|them|us|it safe|safe|secure|up to date|track|working|running|"
    r"going|a copy for yourself)\b|"
    r"\bhold(?:s|ing)? (?:on|a meeting|meetings|events?|the line)\b|\bheld (?:on|at|in \d)|"
    r"\b(?:recommend|suggest)(?:s|ed)? (?:that )?you\b|"
    # advice to the reader ("we recommend that you / using / a strong password"), not recommendations we make
    r"\bwe (?:recommend|suggest) (?:that|to|using|use|turning|keeping|choosing|a|an)\b|"
    r"\b(?:share|shares) (?:of|in) (?:the|our)\b|\bmatch(?:es)? (?:the|your) (?:request|records we hold)\b|"
    r"\b(?:detect|detects|detecting|identify|identifies|identifying) (?:and prevent |and stop )?"
    r"(?:fraud|faults?|errors?|bugs|problems|abuse|spam|security|threats?|malware|viruses|scams?)\b|"
    r"\bsend(?:s|ing)? (?:you|it back)\b|\bsent to you\b|\bshow(?:s|ing)? you\b|"
    r"\bprovid(?:e|es|ed|ing) (?:you|the service|our services?|it) to you\b|"
    r"\b(?:analy[sz]ed|assessed|reviewed) (?:by a |by our )?(?:person|human|member of staff)\b|"
    r"\b(?:logins?|log ins?|sign ins?|access|accesses|attempts?) (?:\w+ ){0,5}(?:is|are|gets|get) "
    r"(?:logged|recorded|monitored)(?: and \w+)?\b"
)
"""Everyday phrases with a data verb that handle no data ("keep in touch", "we recommend you")."""

# fmt: off
FUNCTION_WORDS = frozenset({
    "a", "an", "the", "and", "or", "of", "to", "for", "in", "on", "at", "by", "with", "from", "we", "you", "our",
    "your", "us", "it", "its", "this", "that", "these", "those", "is", "are", "be", "will", "may", "can", "also",
    "any", "all", "as", "which", "who", "so", "such", "their", "they", "them", "there", "when", "where", "if",
    "then", "than", "other", "more", "some", "each", "every", "about", "into", "out", "up", SEPARATOR, PARENTHESIS,
})
# fmt: on

PROTECTIVE = re.compile(
    r"\b(?:only|solely|exclusively|strictly|never|not|no|nor|none|neither|nobody|nothing|no one|without|unless|except|"
    r"encrypt\w*|secur(?:e|ely|ity)|protect\w*|safeguard\w*|pseudonymi[sz]\w*|anonymi[sz]\w*|de ?identif\w*|"
    r"aggregat\w+|hash\w*|mask\w*|redact\w*|minimi[sz]\w*|delet\w+|eras\w+|destroy\w*|remov\w+|purg\w+|limit\w*|"
    r"restrict\w*|confidential\w*|access controls?|multi factor|two (?:step|factor)|"
    r"second factor|2fa|mfa|one time (?:code|passcode|password)s?|"
    r"(?:log|logs|logged|logging|sign|signs|signed|signing) in with|audit(?:s|ed|ing|ors?)?\b|authenticat\w+|"
    r"prohibit\w*|forbid\w*|forbidden|barred|precluded|"
    # an audit trail of who touched the data: "every download is logged", "we record each access"
    r"(?:download|access|view|login|log in|sign in|export|retrieval|look up|lookup|disclosure|request)\w*\s+"
    r"(?:\w+\s+){0,3}(?:is|are|will be|gets?|get)\s+(?:\w+\s+)?(?:logged|recorded|audited|traced)|"
    r"(?:log|logs|logged|record|records|audit|audits)\s+(?:every|each|all|any)\s+(?:\w+\s+){0,2}"
    r"(?:access|download|view|login|export|retrieval|lookup|disclosure)\w*|"
    r"(?:every time|each time|whenever) (?:\w+\s+){1,6}(?:it is|is|are|gets?) (?:logged|recorded|audited))\b"
)
"""Words that make an insertion protective: a limit, security, deletion, a prohibition, an audit trail."""

CONSENT_GATE = re.compile(
    r"\b(?:(?:if|when|once|where|after|provided|unless) (?:you|they|the \w+) (?:\w+ ){0,3}"
    r"(?:agree\w*|consent\w*|opt\w* in|choose|chose|ask\w*|allow\w*|permit\w*|turn\w* (?:it |this |them )?on|"
    r"switch\w* (?:it |this |them )?on|sign\w* up|enabl\w+|tick\w*|request\w*|give (?:us )?(?:your )?permission)|"
    r"with (?:your|their|the \w+ s|a parent s|prior|explicit|express|separate) (?:\w+ ){0,2}"
    r"(?:consent|permission|agreement|approval|authori[sz]ation))\b"
)
"""A practice that happens only if the reader agrees is a choice offered, not a practice imposed."""

RESTATEMENT = re.compile(
    r"\b(?:for example|for instance|such as|e g|eg|i e|ie|like(?! to\b)|in other words|that is|namely|including|"
    r"includes|"
    r"in particular|particularly|especially|this means|which means|meaning|to be clear|in practice|specifically|"
    r"as described|as explained|as set out|see|"
    r"(?:described|explained|set out|listed|detailed|defined|mentioned) (?:in|above|below|under|earlier))\b"
)
"""Words that introduce an example or a restatement of what was already said."""

READER_SUBJECT = re.compile(
    r"\b(?:you|users|members|customers|players|visitors|applicants|students|alumni|patients|the user|the member)"
    r"(?: (?!we |they |it )\w+){0,2} (?:can|could|may|might|will|would|are able to|have the (?:right|option|choice)|"
    r"need to|must|should|want to|wish to|choose to|decide to)\b|"
    r"\b(?:if|when|whenever|once|before|after|unless|until|while) you\b|"
    r"\bso (?:that )?(?:you|they|it|he|she|buyers|sellers|users|customers|members|people|readers|visitors|other \w+)\b|"
    r"\b(?:let|lets|help|helps|allow|allows|enable|enables|ask|asks|invite|invites) you\b|\byour own\b"
)
"""The reader does it ("you can download", "if you share"): a feature or a choice, not our practice."""

_CLAUSE_BREAK = re.compile(
    r"\b(?:but|however|although|though|whereas|while|because|so that|unless|except|if|when|whenever|once|"
    r"before|after|until|where|which|who)\b"
)


def actions(text: str) -> list[tuple[re.Match[str], Action]]:
    """Data-handling actions named in ``text`` (normalised), in reading order, everyday phrases excluded."""
    masked = NOT_AN_ACTION.sub(lambda m: " " * len(m.group(0)), text)
    found = [(match, action) for action in ACTIONS for match in action.pattern.finditer(masked)]
    return sorted(found, key=lambda item: item[0].start())


def clause_before(text: str, start: int) -> str:
    """The words of the clause that leads up to ``start`` (cut at a conjunction that opens a new clause)."""
    before = text[:start]
    cut = 0
    for match in _CLAUSE_BREAK.finditer(before):
        cut = match.start()
    return before[cut:]


def content_words(words: tuple[str, ...] | list[str]) -> list[str]:
    return [w for w in words if w not in FUNCTION_WORDS and not w.isdigit()]


def moved_within(segment: Segment, old_norm: str, new_norm: str) -> bool:
    """Every content word the run adds was taken out elsewhere in the same change (moved between lists)."""
    words = content_words(segment.added)
    old, new = Counter(old_norm.split()), Counter(new_norm.split())
    return bool(words) and all(old[word] >= new[word] for word in words)
