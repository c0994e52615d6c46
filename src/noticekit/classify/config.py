"""The material-change settings, validated in one place.

In ``noticekit.yml``::

    material:
      notice_period_days: 30        # days between 'announced' and 'effective' for a material change
      extra_terms:                  # more words that make an inserted sentence material, by category
        new_purpose: [sentiment scoring, lookalike modelling]
        new_recipients: [Acme Analytics]
      review: standard              # or 'thorough': also flag every other change that is not recognisably safe
      learned: true                 # false: no learned net, only the hand-written rules
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from noticekit.classify.findings import CATEGORIES
from noticekit.model import Problem

DEFAULT_NOTICE_PERIOD_DAYS = 30
"""GitHub's terms and privacy statement, Google Cloud's DPA: 30 days' notice of material changes."""

_KEYS = {
    "notice_period_days": "Days of notice a material change needs between 'announced' and 'effective'.",
    "extra_terms": "Extra words or phrases per category; inserting one makes a change material.",
    "review": "'standard' (default): the specific rules; 'thorough': also flag every change not recognisably safe.",
    "learned": "true (default): a model trained on labelled edits reviews what no rule explained; false: rules only.",
}
REVIEW_MODES = ("thorough", "standard")
DEFAULT_REVIEW = "standard"


@dataclass(frozen=True)
class MaterialConfig:
    """Settings of the material-change rules."""

    notice_period_days: int = DEFAULT_NOTICE_PERIOD_DAYS
    """Minimum days between ``announced`` and ``effective`` for a material change (0 or more)."""
    extra_terms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Extra phrases per category (keys from ``CATEGORIES``), matched case-insensitively as words."""
    review: str = DEFAULT_REVIEW
    """``standard``: the specific rules; ``thorough``: also any substantive change not recognisably safe."""
    learned: bool = True
    """Let the learned net (``classify/learned.py``) review substantive changes that no rule explained."""

    def __post_init__(self) -> None:
        if isinstance(self.notice_period_days, bool) or not isinstance(self.notice_period_days, int):
            raise ValueError("notice_period_days must be a whole number of days")
        if self.notice_period_days < 0:
            raise ValueError("notice_period_days must not be negative")
        if self.review not in REVIEW_MODES:
            raise ValueError(f"review must be one of {', '.join(REVIEW_MODES)}")
        if not isinstance(self.learned, bool):
            raise ValueError("learned must be true or false")
        unknown = sorted(set(self.extra_terms) - set(CATEGORIES))
        if unknown:
            raise ValueError(f"unknown extra_terms categor{'ies' if len(unknown) > 1 else 'y'}: {', '.join(unknown)}")
        # Freeze the mapping so a config can be shared safely.
        object.__setattr__(self, "extra_terms", {key: tuple(value) for key, value in self.extra_terms.items()})

    def __hash__(self) -> int:
        return hash((self.notice_period_days, tuple(sorted(self.extra_terms.items())), self.review, self.learned))

    def to_json(self) -> dict[str, Any]:
        return {
            "notice_period_days": self.notice_period_days,
            "extra_terms": {k: list(v) for k, v in self.extra_terms.items()},
            "review": self.review,
            "learned": self.learned,
        }

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None, file: str) -> tuple[MaterialConfig, list[Problem]]:
        """Read the ``material:`` mapping of ``file``; every problem is returned, defaults fill the gaps."""
        problems: list[Problem] = []
        if data is None:
            return cls(), problems
        if not isinstance(data, Mapping):
            return cls(), [Problem(file, 0, f"'material' must be a mapping of settings, not {_kind(data)}")]
        days = DEFAULT_NOTICE_PERIOD_DAYS
        extra: dict[str, tuple[str, ...]] = {}
        review = DEFAULT_REVIEW
        learned = True
        for key, value in data.items():
            if key == "notice_period_days":
                if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                    problems.append(
                        Problem(
                            file,
                            0,
                            f"'material.notice_period_days' must be a whole number of days, 0 or more, not {value!r}",
                        )
                    )
                else:
                    days = value
            elif key == "extra_terms":
                extra = _extra_terms(value, file, problems)
            elif key == "review":
                if value in REVIEW_MODES:
                    review = value
                else:
                    hint = difflib.get_close_matches(str(value), REVIEW_MODES, n=1)
                    suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
                    problems.append(
                        Problem(
                            file, 0, f"'material.review' must be 'thorough' or 'standard', not {value!r}{suggestion}"
                        )
                    )
            elif key == "learned":
                if isinstance(value, bool):
                    learned = value
                else:
                    problems.append(Problem(file, 0, f"'material.learned' must be true or false, not {value!r}"))
            else:
                hint = difflib.get_close_matches(str(key), _KEYS, n=1)
                suggestion = f"; did you mean '{hint[0]}'?" if hint else f"; known keys: {', '.join(_KEYS)}"
                problems.append(Problem(file, 0, f"unknown key 'material.{key}'{suggestion}"))
        return cls(days, extra, review, learned), problems


def _extra_terms(value: Any, file: str, problems: list[Problem]) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, Mapping):
        problems.append(
            Problem(file, 0, f"'material.extra_terms' must map categories to lists of words, not {_kind(value)}")
        )
        return {}
    result: dict[str, tuple[str, ...]] = {}
    for category, terms in value.items():
        if category not in CATEGORIES:
            hint = difflib.get_close_matches(str(category), CATEGORIES, n=1)
            suggestion = f"; did you mean '{hint[0]}'?" if hint else f"; known categories: {', '.join(CATEGORIES)}"
            problems.append(Problem(file, 0, f"unknown category 'material.extra_terms.{category}'{suggestion}"))
            continue
        if isinstance(terms, str):
            terms = [terms]
        if not isinstance(terms, list) or not all(isinstance(t, str) and t.strip() for t in terms):
            problems.append(Problem(file, 0, f"'material.extra_terms.{category}' must be a list of words or phrases"))
            continue
        result[category] = tuple(t.strip() for t in terms)
    return result


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {value!r}"
    return type(value).__name__
