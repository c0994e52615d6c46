"""The thorough review (``material.review: thorough``): every change that is not recognisably safe.

Each case is run in both modes: the thorough review must flag the edits below that the specific rules
(``standard``) leave alone, and stay silent on the safe kinds it exists to recognise.
"""

from __future__ import annotations

import pytest

from noticekit.classify import MaterialConfig
from tests.unit.classify.helpers import findings_for

THOROUGH = MaterialConfig(review="thorough", learned=False)
STANDARD = MaterialConfig(review="standard", learned=False)

# (id, title, old, new, category): edits in words the specific rules do not know
FLAGGED = [
    (
        "figure-changed",
        "Free puzzles",
        "Every player can solve 5 free puzzles before we show the subscription page.",
        "Every player can solve 2 free puzzles before we show the subscription page.",
        "new_purpose",
    ),
    (
        "unit-of-time-changed",
        "Camera images",
        "Images are erased at the end of each shift, once the takings are counted.",
        "Images are erased at the end of each season, once the takings are counted.",
        "longer_retention",
    ),
    (
        "words-replaced",
        "Your tier",
        "Your tier is set by how much you spend in the shop.",
        "Your tier is set by how much you spend in the shop and how often your friends redeem your invite code.",
        "new_purpose",
    ),
    (
        "limiting-sentence-removed",
        "Voice notes",
        "Voice notes are transcribed on your phone. The audio never leaves your device. You can delete a note "
        "at any time.",
        "Voice notes are transcribed on your phone. You can delete a note at any time.",
        "negation_removed",
    ),
]

# (id, title, old, new): safe kinds the review must recognise
SAFE = [
    (
        "rearranged",
        "What we collect",
        "We collect your name, your email address and your delivery address.",
        "We collect:\n\n- your delivery address;\n- your email address; and\n- your name.",
    ),
    ("respelled", "Sharing", "We never shre your list of purchases.", "We never share your list of purchases."),
    (
        "firm-renamed",
        "Payments",
        "Card payments are handled by Payline Ltd.",
        "Card payments are handled by Cobalt Pay Ltd (formerly Payline Ltd).",
    ),
    (
        "limit-added",
        "Who sees your file",
        "Our advisers may read your file to prepare your budget.",
        "Only your named adviser may read your file to prepare your budget.",
    ),
    (
        "reader-choice-added",
        "Reminders",
        "We send a reminder the day before each booking.",
        "We send a reminder the day before each booking. You can turn reminders off in Settings.",
    ),
    (
        "age-raised",
        "Children",
        "Members must be 13 or over to post in the forum.",
        "Members must be 16 or over to post in the forum.",
    ),
    (
        "address-moved",
        "Contact us",
        "Write to us at 12 Mill Street, Leeds LS1 4AB.",
        "Write to us at 80 Harbour Road, Leeds LS2 7PQ.",
    ),
    (
        "explained",
        "Reminders",
        "We send a reminder the day before each booking.",
        "We send a reminder the day before each booking, for example a text message with the time and place.",
    ),
]


@pytest.mark.parametrize(("case_id", "title", "old", "new", "category"), FLAGGED, ids=[c[0] for c in FLAGGED])
def test_thorough_review_flags_what_the_rules_do_not_know(case_id, title, old, new, category):
    assert findings_for(old, new, STANDARD, title=title) == []
    found = findings_for(old, new, THOROUGH, title=title)
    assert [(f.rule, f.category) for f in found] == [("review", category)], found
    assert found[0].message.startswith("Worth a review: ")


@pytest.mark.parametrize(("case_id", "title", "old", "new"), SAFE, ids=[c[0] for c in SAFE])
def test_thorough_review_leaves_safe_changes_alone(case_id, title, old, new):
    assert [f for f in findings_for(old, new, THOROUGH, title=title) if f.rule == "review"] == []


def test_a_specific_rule_speaks_before_the_review():
    old = "We use your answers to give you a score."
    new = "We use your answers to give you a score and to train our machine learning models."
    found = findings_for(old, new, THOROUGH, title="How we use your answers")
    assert found and all(f.rule != "review" for f in found)


def test_thorough_review_leaves_a_bound_on_an_open_period_to_the_period_rules():
    old = "We keep your booking history while your account is open."
    new = "We keep your booking history while your account is open, or for three years, whichever comes first."
    assert findings_for(old, new, THOROUGH, title="Bookings") == []
