"""Find "Last updated …" and "Effective …" statements in a notice's text and read their dates.

Published notices write their dates in many ways ("April 4, 2022", "4 April 2022", "2022-04-04",
"04/04/2022"); slashed dates are read month first (US), dotted dates day first (European).
A statement must start a sentence, optionally after "This privacy notice was", so that "the GDPR
became effective on 25 May 2018" inside the text is not taken for the notice's own date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from noticekit.months import MONTH_NUMBERS

Kind = Literal["last_updated", "effective"]

MONTHS = MONTH_NUMBERS
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

DATE_PATTERNS = (
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.IGNORECASE),  # April 4, 2022
    re.compile(rf"{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}", re.IGNORECASE),  # 4 April 2022
    re.compile(r"(?P<year>\d{4})-(?P<mm>\d{1,2})-(?P<dd>\d{1,2})"),  # 2022-04-04
    re.compile(r"(?P<year>\d{4})/(?P<mm>\d{1,2})/(?P<dd>\d{1,2})"),  # 2022/04/04
    re.compile(r"(?P<mm>\d{1,2})/(?P<dd>\d{1,2})/(?P<year>\d{4})"),  # 04/04/2022 (US)
    re.compile(r"(?P<dd>\d{1,2})\.(?P<mm>\d{1,2})\.(?P<year>\d{4})"),  # 04.04.2022 (day first)
    re.compile(rf"{_MONTH}\s+{_YEAR}", re.IGNORECASE),  # April 2022 (day 1, flagged as imprecise)
)
DATE = "(?:" + "|".join(re.sub(r"\(\?P<\w+>", "(?:", p.pattern) for p in DATE_PATTERNS) + ")"

_UPDATED = (
    r"(?:last\s+)?(?:updated|modified|revised|amended|changed|reviewed)"
    r"|(?:date\s+of\s+)?last\s+(?:update|revision|modification|change|review)"
    r"|(?:version|revision|publication)\s+date|updated\s+date"
)
_EFFECTIVE = (
    r"effective(?:\s+date)?(?:\s+(?:as\s+of|from|on|since))?"
    r"|in\s+(?:effect|force)\s+(?:from|as\s+of|since|on)"
    r"|(?:takes|took|comes|came)\s+(?:(?:in)?to\s+)?(?:effect|force)(?:\s+on)?"
    r"|valid\s+(?:from|as\s+of)|applies\s+from"
)
# "This privacy notice was", "Our cookie policy is", "This version has been" …
_SUBJECT = (
    r"(?:(?:this|the|our)\s+)?(?:[\w-]+\s+){0,3}?(?:notice|policy|statement|document|version|text)"
    r"\s+(?:(?:was|is|has\s+been|became|becomes|will\s+be|were)\s+)?"
)
_FILLER = r"(?:[\s:,\-–—]*(?:on|as\s+of|from|since|is|was|date|of|the)\b)*[\s:,\-–—]*"
_START = r"(?:^|(?<=[.!?;|·•(\[])|(?<=[.!?;|·•(\[]\s)|(?<=\n))"
STATEMENT = re.compile(
    rf"{_START}\s*(?P<subject>{_SUBJECT})?(?:(?P<updated>{_UPDATED})|(?P<effective>{_EFFECTIVE})){_FILLER}"
    rf"(?P<date>{DATE})(?![\d/.-]\d)[\s.;,)\]]*",
    re.IGNORECASE,
)
SEPARATORS = re.compile(r"^[\W_]*$")


@dataclass(frozen=True)
class DateStatement:
    kind: Kind
    date: date
    start: int
    end: int
    """Offsets of the whole statement (sentence) in the text searched."""
    precise: bool = True
    """False when the text gave only a month and year (the day was taken as the 1st)."""


def parse_date(text: str) -> tuple[date, bool] | None:
    """The first date written in ``text`` as (date, precise), or None."""
    for pattern in DATE_PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        found = _to_date(match)
        if found is not None:
            groups = match.groupdict()
            return found, bool(groups.get("day") or groups.get("dd"))
    return None


def _to_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("month"):
        month = MONTHS[groups["month"].lower().rstrip(".")]
        day = int(groups["day"]) if groups.get("day") else 1
    else:
        month, day = int(groups["mm"]), int(groups["dd"])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_statements(text: str) -> list[DateStatement]:
    """Every date statement in ``text``, in order."""
    found = []
    for match in STATEMENT.finditer(text):
        parsed = parse_date(match.group("date"))
        if parsed is None:
            continue
        kind: Kind = "effective" if match.group("effective") else "last_updated"
        found.append(DateStatement(kind, parsed[0], match.start(), match.end(), parsed[1]))
    return found


def remove_statements(text: str, statements: list[DateStatement]) -> str:
    """``text`` without the given statements, whitespace tidied."""
    kept, position = [], 0
    for statement in statements:
        kept.append(text[position : statement.start])
        position = statement.end
    kept.append(text[position:])
    return re.sub(r"[ \t]{2,}", " ", "".join(kept)).strip()


def is_only_dates(text: str) -> tuple[bool, list[DateStatement]]:
    """Whether ``text`` says nothing but date statements (and separators); with the statements."""
    statements = find_statements(text)
    if not statements:
        return False, []
    rest = remove_statements(text, statements)
    return bool(SEPARATORS.match(rest)), statements
