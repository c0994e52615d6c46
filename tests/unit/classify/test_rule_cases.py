"""The general rules on their own cases (``rule_cases.yaml``), and unit tests of the helpers they rely on.

Each case in ``rule_cases.yaml`` is one section before and after one edit, written after an evaluation
round (its ``origin``) in registers and wording the evaluation sets do not use. A case with ``category``
is material: the edit must yield a finding of that category (other findings may come with it). A case
with ``material: false`` must yield no finding at all. A case with ``known_limitation`` documents a
mistake the rules still make and is expected to fail (strictly, so that fixing it is noticed). The
classes of change each round generalised are listed in the file's header.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from noticekit.classify.changes import Change, classify_change, typo_only
from noticekit.classify.ladders import (
    age_thresholds,
    consent_level,
    mechanism_rungs,
    mechanism_stepped_down,
    promise_levels,
)
from noticekit.classify.quantities import durations
from noticekit.classify.rules import new_content_words
from noticekit.classify.sentences import normalise, split_units
from tests.unit.classify.helpers import assert_flagged, assert_silent, findings_for

_KEYS = {"id", "origin", "section_title", "before", "after"}
_OPTIONAL = {"category", "material", "known_limitation"}


def _load() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "rule_cases.yaml").read_text("utf-8"))
    seen: set[str] = set()
    for case in cases:
        name = str(case.get("id"))
        if not _KEYS <= case.keys() <= _KEYS | _OPTIONAL:
            raise ValueError(
                f"rule case {name}: keys {sorted(case)}, expected {sorted(_KEYS)} plus {sorted(_OPTIONAL)}"
            )
        if ("category" in case) == (case.get("material", True) is False):
            raise ValueError(f"rule case {name}: needs either 'category' or 'material: false'")
        if name in seen:
            raise ValueError(f"rule case {name}: duplicate id")
        seen.add(name)
    return cases


CASES = _load()


def _params(material: bool) -> list[Any]:
    """The material cases (with ``category``) or the harmless ones (``material: false``), known limitations xfail."""
    params = []
    for case in CASES:
        if ("category" in case) is material:
            limitation = case.get("known_limitation")
            marks = [pytest.mark.xfail(strict=True, reason=limitation)] if limitation else []
            params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


@pytest.mark.parametrize("case", _params(material=True))
def test_less_protective_edit_is_flagged(case):
    assert_flagged(case["before"], case["after"], case["category"], case["section_title"])


@pytest.mark.parametrize("case", _params(material=False))
def test_protective_or_explanatory_edit_is_silent(case):
    assert_silent(case["before"], case["after"], case["section_title"])


# ------------------------------------------------------------ round 2: safety nets


def test_practice_added_names_the_new_words_and_asks_for_review():
    (finding,) = findings_for(
        "We use commercial information to fulfill orders and process returns.",
        "We use commercial information to fulfill orders, process returns and rank shoppers by expected lifetime "
        "value.",
        title="How We Use Personal Information",
    )
    assert (finding.rule, finding.category) == ("practice-added", "new_purpose")
    assert finding.message == (
        "New practice described: \u201crank shoppers by expected lifetime value\u201d; review whether it is material"
    )


def test_safety_nets_stay_quiet_when_a_specific_rule_explains_the_change():
    findings = findings_for(
        "We use your messages to provide the service.",
        "We use your messages to provide the service and to train our machine learning models.",
        title="How we use information",
    )
    assert [f.rule for f in findings] == ["purpose-added"]


# ------------------------------------------------------------ round 3: reversed promises, recipient types


def test_reversed_promise_names_the_verb_and_the_old_sentence():
    (finding,) = findings_for(
        "Your landlord does not receive a copy of your credit report.",
        "Your landlord receives a copy of your credit report.",
        title="Referencing",
    )
    assert (finding.rule, finding.category) == ("negation-removed", "negation_removed")
    assert finding.message.startswith("A promise not to receive was removed or reversed")


def test_recipient_type_is_a_safety_net_that_asks_for_review():
    (finding,) = findings_for(
        "When you book, the studio that runs the class receives your name and phone number.",
        "When you book, the studio that runs the class and physiotherapy clinics in the same building receive "
        "your name and phone number.",
        title="Class bookings",
    )
    assert finding.rule == "recipient-type-added"
    assert finding.message.endswith("review whether it is material")


# ------------------------------------------------------------ round 5: ladders


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You need to be at least 16 to create an account.", [16]),
        ("Members aged 13 and over may post.", [13]),
        ("Minimum age is 18.", [18]),
        ("Keep it for at least 16 days.", []),
        ("Over 18 months we reviewed the files.", []),
    ],
)
def test_age_thresholds(text, expected):
    assert age_thresholds(normalise(text)) == expected


@pytest.mark.parametrize(
    ("text", "verb", "level"),
    [
        ("We have never sold user data and we never will.", "sell", 3),
        ("We do not sell user data.", "sell", 2),
        ("We do not currently sell user data.", "sell", 1),
        ("We generally do not share your details.", "disclose", 1),
        ("We never rent out your address.", "sell", 3),
    ],
)
def test_promise_levels(text, verb, level):
    assert promise_levels(normalise(text))[verb] == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("We will only post it if a parent has ticked the consent box.", 2),
        ("We will not email you without your permission.", 2),
        ("If you would rather your child was not included, tell the coach.", 1),
        ("You can opt out at any time.", 1),
        ("We post team photos on the website.", 0),
        ("New customers are automatically opted in to offers.", 0),
    ],
)
def test_consent_level(text, level):
    assert consent_level(normalise(text)) == level


# ------------------------------------------------------------ round 6: typos, working days, transfer ladder


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("third partys", "third parties", True),
        ("marketting emails", "marketing emails", True),
        ("shared with", "stored with", False),
        ("to access it", "to assess it", False),
    ],
)
def test_typo_of_two_slips_keeps_the_stem(old, new, expected):
    assert typo_only(old.split(), new.split()) is expected


def test_working_days_run_longer_than_calendar_days():
    (calendar,) = durations(normalise("we delete it within 10 days"))
    (working,) = durations(normalise("we delete it within 10 working days"))
    assert working.days > calendar.days


def test_role_from_a_deletion_verb_far_before_the_period():
    (period,) = durations(
        normalise("We delete your messages, the files attached to them and your saved drafts, within 30 days.")
    )
    assert period.role == "retention"


@pytest.mark.parametrize(
    ("text", "rungs"),
    [
        ("Transfers rely on an adequacy decision.", {3}),
        ("We use standard contractual clauses.", {2}),
        ("The transfer is necessary to perform our contract with you.", {1}),
        ("Adequacy, and for the rest, binding corporate rules.", {3, 2}),
    ],
)
def test_mechanism_rungs(text, rungs):
    assert mechanism_rungs(normalise(text)) == rungs


def test_mechanism_step_down_reads_the_weakest_safeguard():
    old = normalise("Adequacy decision and, for the rest, standard contractual clauses.")
    assert mechanism_stepped_down(
        old, normalise("Adequacy decision and, for the rest, your consent to the transfer.")
    ) == (2, 1)
    assert mechanism_stepped_down(old, normalise("Adequacy decision for all of it.")) is None
    # A step up is not a step down (a changed mechanism is still reported by the transfer rule itself).
    assert (
        mechanism_stepped_down(normalise("Your consent to the transfer."), normalise("Standard contractual clauses."))
        is None
    )


# ------------------------------------------------------------ round 7: structural safety net


def test_safety_net_says_review_and_names_its_rule():
    found = findings_for(
        "We keep a record of the classes you book so we can:\n\n- remind you before each class.\n",
        "We keep a record of the classes you book so we can:\n\n- remind you before each class;\n"
        "- place members in tiers that shape which vouchers they get.\n",
        title="Your bookings",
    )
    assert [f.rule for f in found] == ["substantive-change"]
    assert found[0].message.startswith("A substantive change to how data is handled: ")
    assert found[0].message.endswith("review whether it is material")


def test_new_content_words_ignore_order_inflection_and_function_words():
    old = "we compare your moves with engine moves and keep the games"
    assert new_content_words(old, "the games we keep and your moves compared with engine moves") == []
    assert new_content_words(old, "we compare your moves and sell the games to brokers") == ["sell", "brokers"]


def test_content_sequence_makes_relisting_cosmetic():
    old = split_units("We hold your name, date of birth and the name of your GP.\n")
    new = split_units("We hold:\n\n- your name and date of birth;\n- the name of your GP.\n")
    assert classify_change(Change(tuple(old), tuple(new))) == "cosmetic"
    changed = split_units("We hold:\n\n- your name and date of birth;\n- the name of your GP;\n- your religion.\n")
    assert classify_change(Change(tuple(old), tuple(changed))) == "substantive"
