"""Rights and choices: rights no longer mentioned or refused, harder to exercise, a slower route, or a
right, choice or commitment made for the reader that now has an exception."""

from __future__ import annotations

import re
from collections.abc import Iterator

from noticekit.classify.changes import Change
from noticekit.classify.findings import Finding, excerpt
from noticekit.classify.practices import CONSENT_GATE, READER_SUBJECT, inserted_segments
from noticekit.classify.rules.base import (
    _SCOPE,
    IMPERATIVE,
    SectionView,
    _is_right_context,
    _quote,
    inserted,
    limit_weight,
    limit_words,
    make_finding,
    removed,
)
from noticekit.classify.rules.promises import _asserted_default
from noticekit.classify.terms import (
    CHANNEL_FRICTION,
    DEFAULT_OFF,
    DEFAULT_ON,
    DENIALS,
    ERASURE,
    FRICTION,
    REQUIREMENT,
    RIGHTS,
)

# --------------------------------------------------------------------------------------------------
# Rights and choices


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
        yield make_finding("right-removed", "rights_reduced", view, change, f"No longer mentioned: {', '.join(lost)}")


def right_denied(view: SectionView, change: Change) -> Iterator[Finding]:
    units = [u for u in change.new if _is_right_context(view, u) or any(f.search(u.norm) for f in RIGHTS)]
    if not units or DENIALS.search(change.old_norm):
        return
    if not view.grew(DENIALS):
        return
    for unit in units:
        match = DENIALS.search(unit.norm)
        if match:
            yield make_finding(
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
    if added and not _easy_channels(change.new_norm) > _easy_channels(change.old_norm):
        yield make_finding(
            "right-friction", "rights_reduced", view, change, f"Exercising a right gets harder: {'; '.join(added)}"
        )


_EASY_CHANNELS = {
    "phone": re.compile(r"\b(?:ring|rings|call|calling|phone|phoning|telephone|zzphone)\b"),
    "in person": re.compile(
        r"\b(?:in person|at reception|reception staff|(?:tell|ask|speak to) (?:any|a|one of our|the) (?:\w+ )?"
        r"(?:instructor|staff|member of staff|employee|colleague|team member|team)s?|"
        r"at (?:the|our|any) (?:\w+ ){0,2}(?:counter|desk|reception|branch|store|shop|office))\b"
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
            yield make_finding(
                "right-route-harder",
                "rights_reduced",
                view,
                change,
                f"A right can no longer be used by {', '.join(sorted(before))}; only a slower route is left",
            )
            return
        if after and before - after and not _easy_channels(view.new_norm) >= before:
            yield make_finding(
                "right-route-harder",
                "rights_reduced",
                view,
                change,
                f"Fewer ways to use a right: no longer by {', '.join(sorted(before - after))}",
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


_PROMISE_CONDITION = re.compile(r"^(?:only )?(?:if|when|once) you (?:tell|ask|let|inform|notify|remind|request)\b")
"""A promise that now holds only if the reader speaks up ("we won't post a photo ... if you tell us")."""


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
        promise = (
            limit_weight(limit_words(old.norm)) >= 2
            and limit_weight(limit_words(new.norm)) >= 2
            and not _SCOPE.match(old.norm)
        )
        benefit = READER_SUBJECT.search(old.norm) or IMPERATIVE.match(old.norm) or "rights" in view.unit_topics(old)
        if not promise and not (benefit and _BENEFIT_VERB.search(old.norm)):
            continue
        for segment in inserted_segments(old.plain, new.plain):
            text = segment.text
            condition = _EXCEPTION.match(text) or (promise and _PROMISE_CONDITION.match(text))
            if segment.replaced or not condition or CONSENT_GATE.search(text):
                continue
            yield make_finding(
                "benefit-narrowed",
                "negation_removed" if promise else "rights_reduced",
                view,
                change,
                f"A {'promise' if promise else 'right or choice'} now has an exception: "
                f"{_quote(excerpt(text, '', 90))}; review whether it is material",
            )
            return
