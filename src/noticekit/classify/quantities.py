"""Durations ("30 days", "six months", "one year", "immediately") and age thresholds in sentences.

Both are read from normalised text, so "12-month" arrives as "12 month" and "don't" as "do not".
Durations are compared in days (a month is 30.44 days, a year 365.25); each duration also gets a
*role* from the words around it, because direction depends on it: a longer retention period is
material, a longer time to answer a request makes rights harder, a shorter notice period too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

DurationRole = Literal["retention", "response", "notice", "window"]

_UNITS = {
    "second": 1 / 86400,
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "fortnight": 14.0,
    "month": 30.44,
    "quarter": 91.31,
    "year": 365.25,
    "decade": 3652.5,
}
_SMALL = {
    "zero": 0,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "several": 3,
    "a few": 3,
    "a couple of": 2,
    "couple of": 2,
    "half a": 0.5,
    "one and a half": 1.5,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_UNIT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}

_NUMBER = (
    r"\d+(?:\.\d+)?"
    r"|(?:" + "|".join(_TENS) + r")(?: (?:" + "|".join(_UNIT_WORDS) + r"))?"
    r"|(?:" + "|".join(sorted(_SMALL, key=len, reverse=True)) + r")"
)
_DURATION = re.compile(
    r"\b(?P<num>"
    + _NUMBER
    + r")(?: hundred)?\s+(?:(?:business|working|calendar|full|consecutive|additional|further|more)\s+)?"
    r"(?P<unit>seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?)\b"
)
_INSTANT = re.compile(
    r"\b(?:immediately|straight away|right away|at once|instantly|without (?:undue )?delay|in real time|"
    r"as soon as(?! (?:possible|practicable|practical|feasible|reasonably|we (?:can|are able)|is reasonable)))\b"
)
_EVENT_FIRST = "as soon as"
"""An instant that names its event first ("as soon as an item is returned, the link is broken"):
the words saying what happens come after the event, so its role is read further to the right."""
_WORKING = re.compile(r"\b(?:business|working)\b")
_NOT_A_PERIOD_BEFORE = re.compile(r"\b(?:once|twice|times|per|every|each|aged?|age of|than)\s*$")
_NOT_A_PERIOD_AFTER = re.compile(r"^\s*(?:old|of age|ago)\b")
_AGE_WORDS = re.compile(r"\b(?:aged|age|ages|old|older|younger)\b")

_ROLE_WINDOWS: tuple[tuple[DurationRole, re.Pattern[str]], ...] = (
    (
        "notice",
        re.compile(
            r"\b(?:notice|notify\w*|inform(?:s|ed|ing)? (?:you|users|customers)|tell you|let you know|announce\w*|"
            r"in advance|advance warning|"
            r"before (?:the|any|a|it|they|changes?|we make)|prior to (?:the|any) change)\b"
        ),
    ),
    (
        "response",
        re.compile(
            r"\b(?:respond\w*|repl(?:y|ies)|answer\w*|response|acknowledg\w+|fulfil\w*|arriv\w+|hear back|"
            r"(?:act on|deal with|complete|process|handle|action) (?:your|a|the|any|all) (?:request|requests|"
            r"complaint|enquir\w+))\b"
        ),
    ),
    (
        "window",
        re.compile(
            r"\b(?:you (?:\w+ ){0,3}(?:must|need to|have to|should)|you have|no later than|deadline|"
            r"(?:request|requests|objection|objections|complaint|complaints|appeal|appeals) must)\b"
        ),
    ),
    (
        "retention",
        re.compile(
            r"\b(?:keep\w*|kept|retain\w*|retention|stor(?:e|ed|es|ing|age)|hold|held|delet\w+|eras\w+|anonymi[sz]\w+|"
            r"pseudonymi[sz]\w+|destroy\w*|purg\w+|remov\w+|archiv\w+|backups?|expir\w+|lifetime|lifespan|"
            r"broken|break|unlink\w*|sever\w*|discard\w*|wip(?:e|es|ed|ing)|overwrit\w+|"
            r"aggregat\w+|closed?|inactiv\w+|after which|period|duration)\b"
        ),
    ),
)


@dataclass(frozen=True)
class Duration:
    days: float
    text: str
    """As written in the normalised sentence, e.g. "2 years"."""
    role: DurationRole | None


def _number(text: str) -> float:
    text = text.strip()
    try:
        return float(text)
    except ValueError:
        pass
    if text in _SMALL:
        return float(_SMALL[text])
    parts = text.split()
    if parts[0] in _TENS:
        return float(_TENS[parts[0]] + (_UNIT_WORDS.get(parts[1], 0) if len(parts) > 1 else 0))
    raise ValueError(text)


def durations(norm: str, default_role: DurationRole | None = None) -> list[Duration]:
    """Every period of time in ``norm``, each with the role given by the words near it."""
    found: list[tuple[int, Duration]] = []
    for match in _DURATION.finditer(norm):
        before, after = norm[: match.start()], norm[match.end() :]
        if _NOT_A_PERIOD_BEFORE.search(before) or _NOT_A_PERIOD_AFTER.match(after):
            continue
        value = _number(match.group("num"))
        if "hundred" in match.group(0).split():
            value *= 100
        unit = match.group("unit").rstrip("s")
        days = value * _UNITS[unit]
        if unit == "day" and _WORKING.search(match.group(0)):
            days *= 7 / 5  # "7 working days" run past "7 days": weekends and holidays do not count
        found.append((match.start(), Duration(round(days, 2), match.group(0), _role(before, after, default_role))))
    for match in _INSTANT.finditer(norm):
        before, after = norm[: match.start()], norm[match.end() :]
        reach = 24 if match.group(0) == _EVENT_FIRST else 5
        found.append((match.start(), Duration(0.0, match.group(0), _role(before, after, default_role, reach))))
    return [duration for _, duration in sorted(found, key=lambda item: item[0])]


def _role(before: str, after: str, default: DurationRole | None, reach: int = 5) -> DurationRole | None:
    """The role whose words stand nearest to the duration (within 9 words before, ``reach`` after)."""
    left = " ".join(before.split()[-9:])
    right = " ".join(after.split()[:reach])
    best: tuple[int, int, DurationRole] | None = None
    for rank, (role, pattern) in enumerate(_ROLE_WINDOWS):
        distances = [len(left) - m.end() for m in pattern.finditer(left)]
        distances += [m.start() + 1 for m in pattern.finditer(right)]
        if distances and (best is None or (min(distances), rank) < best[:2]):
            best = (min(distances), rank, role)
    if best:
        return best[2]
    if default is None and _ROLE_WINDOWS[-1][1].search(before):
        # No role word nearby, but the sentence is about deleting or keeping ("we delete your records,
        # including the invoices and receipts you uploaded, within 30 days"): a retention period.
        return "retention"
    return default


# --------------------------------------------------------------------------------------------------
# Ages

_AGE_NUMBER = (
    r"(?P<n>\d{1,2}|"
    + "|".join(word for word, value in _SMALL.items() if isinstance(value, int) and 5 <= value <= 19)
    + r"|twenty one|twenty)"
)
_AGE_PATTERNS = (
    re.compile(
        r"\b(?:under|below|younger than|less than|over|above|older than|at least|minimum age (?:is |of )?|"
        r"(?:minimum |legal )?age (?:of|is)|aged|turn(?:ed|s)?|reached)\s+(?:the age of\s+)?" + _AGE_NUMBER + r"\b"
    ),
    re.compile(
        r"\b" + _AGE_NUMBER + r"\s+(?:years old|years of age|year olds?|or older|or over|and over|and older|or above|"
        r"and above|or more years)\b"
    ),
)


def ages(norm: str, *, about_age: bool = False) -> list[int]:
    """Age thresholds (5 to 21) in a sentence; "under 16"-style ones only when the sentence (or,
    with ``about_age``, its section) is about age, children or consent."""
    gate = about_age or bool(
        _AGE_WORDS.search(norm) or re.search(r"\b(?:child\w*|minors?|kids?|teen\w*|parent\w*|guardian\w*)\b", norm)
    )
    found: list[tuple[int, int]] = []
    for index, pattern in enumerate(_AGE_PATTERNS):
        if index == 0 and not gate:
            continue
        for match in pattern.finditer(norm):
            raw = match.group("n")
            value = int(raw) if raw.isdigit() else int(_number(raw))
            if 5 <= value <= 21 and all(start != match.start("n") for start, _ in found):
                found.append((match.start("n"), value))
    return [value for _, value in sorted(found)]


# --------------------------------------------------------------------------------------------------
# Dates in text ("before 5 January 2026", "until 2026-01-05")

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}}) (?P<m1>{_MONTH}) (?P<y1>\d{{4}})|(?P<m2>{_MONTH}) (?P<d2>\d{{1,2}}) (?P<y2>\d{{4}})|"
    r"(?P<y3>\d{4}) (?P<m3>\d{2}) (?P<d3>\d{2}))\b"
)
_UNTIL = re.compile(r"\b(?:before|until|till|up to|prior to|through)\s+$")


def deadlines(norm: str) -> list[date]:
    """Dates a statement is limited to: "before 5 January 2026", "until 2026-01-05" (normalised text)."""
    found = []
    for match in _DATE.finditer(norm):
        if not _UNTIL.search(norm[: match.start()]):
            continue
        try:
            if match.group("y1"):
                found.append(date(int(match.group("y1")), _MONTHS[match.group("m1")], int(match.group("d1"))))
            elif match.group("y2"):
                found.append(date(int(match.group("y2")), _MONTHS[match.group("m2")], int(match.group("d2"))))
            else:
                found.append(date(int(match.group("y3")), int(match.group("m3")), int(match.group("d3"))))
        except ValueError:
            continue
    return found
