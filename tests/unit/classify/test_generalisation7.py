"""The structural safety net and the classes of change generalised after the seventh evaluation set.

* ``substantive-change``: a change that brings, net of the words it takes out, at least three content
  words the old section never used into a statement of what we do with data, when no specific rule
  fired and no protective or cosmetic check explains it;
* a sentence set out as bullets (or bullets joined into a sentence) that repeats or drops only joining
  words, articles and possessives is cosmetic, whatever the list items look like;
* "log in with a second factor", one-time codes and MFA are security measures;
* a bound added to an open retention ("or until 3 years after ..., whichever comes first", "but no longer
  than ...") is shorter, not longer;
* deletion at an event moved to a later one ("the season following", "the next school year"), and a
  period counted from another, later event ("from your last login" instead of "from closure"), are longer;
* a joint controller named with a new party is a change of controller, even under a condition.

Each class is checked in both directions: the less protective edit is flagged, the other is silent.
"""

from __future__ import annotations

import pytest

from noticekit.classify.changes import Change, classify_change
from noticekit.classify.rules import new_content_words
from noticekit.classify.sentences import split_units
from tests.unit.classify.helpers import assert_flagged, assert_silent, findings_for

# (id, section title, old body, new body, expected category)
MATERIAL = [
    # ------------------------------------------------------------ safety net: new words, no specific rule
    (
        "net-clause-grouping-offers",
        "Your bookings",
        "We keep a record of the classes you book so we can:\n\n"
        "- remind you before each class;\n- hold your place if you are running late.\n",
        "We keep a record of the classes you book so we can:\n\n"
        "- remind you before each class;\n- sort members into spending tiers that set which promotions reach them;\n"
        "- hold your place if you are running late.\n",
        "new_purpose",
    ),
    (
        "net-clause-eligibility-decision",
        "Meter readings",
        "Your smart meter sends us a reading every half hour so that we can bill you and spot leaks early.",
        "Your smart meter sends us a reading every half hour so that we can bill you, spot leaks early and decide "
        "automatically whether you qualify for our cheaper tariff.",
        "new_purpose",
    ),
    (
        "net-legal-register-secondary-purpose",
        "Use of client records",
        "The Firm processes client records in order to provide legal services and to meet its regulatory duties.",
        "The Firm processes client records in order to provide legal services, to meet its regulatory duties and "
        "to benchmark fee proposals against comparable matters for prospective clients.",
        "new_purpose",
    ),
    # ------------------------------------------------------------ retention event moved later
    (
        "event-next-school-year",
        "How long we keep it",
        "Attendance sheets are shredded at the end of the school year in which they were filled in.",
        "Attendance sheets are shredded at the end of the school year following the one in which they were filled in.",
        "longer_retention",
    ),
    (
        "anchor-closure-to-last-visit",
        "How long we keep it",
        "Incident reports are kept for three years from when your membership is closed.",
        "Incident reports are kept for three years from your last visit to any of our sites.",
        "longer_retention",
    ),
    # ------------------------------------------------------------ joint controllers
    (
        "joint-controller-conditional",
        "Who is responsible",
        "Harbour Rowing Club is responsible for the information we hold about members.",
        "Harbour Rowing Club is responsible for the information we hold about members. Where you race in a league "
        "event, we and the regional federation are joint controllers of your results and entries.",
        "controller_identity",
    ),
    (
        "joint-controller-decide-together",
        "Who is responsible",
        "We decide how your tenancy information is used.",
        "We and the housing association jointly decide how your tenancy information is used.",
        "controller_identity",
    ),
]

NOT_MATERIAL = [
    # ------------------------------------------------------------ sentence <-> bullets
    (
        "sentence-to-bullets-with-possessives",
        "What we collect",
        "When you enrol we record your name, address, date of birth, the name of your school and your emergency "
        "contact.\n",
        "When you enrol we record:\n\n- your name and address;\n- your date of birth;\n- the name of your school;\n"
        "- your emergency contact.\n",
    ),
    (
        "bullets-to-sentence",
        "What we collect",
        "We collect:\n\n- your name;\n- your phone number;\n- your delivery address.\n",
        "We collect your name, phone number and delivery address.\n",
    ),
    # ------------------------------------------------------------ MFA and sign-in are security
    (
        "mfa-one-time-code",
        "Keeping data safe",
        "- Payroll files are on servers in Ireland.\n- Only the payroll team can open them.\n",
        "- Payroll files are on servers in Ireland.\n- Only the payroll team can open them, and they must sign in "
        "with a one-time code.\n",
    ),
    (
        "mfa-plain-list",
        "How we protect records",
        "Volunteers can see the rota and the names of the people they visit.",
        "Volunteers can see the rota and the names of the people they visit, and must log in with a second factor.",
    ),
    # ------------------------------------------------------------ a bound on an open retention is shorter
    (
        "bound-but-no-longer-than",
        "How long we keep it",
        "We keep your loyalty history until you close your card account.",
        "We keep your loyalty history until you close your card account, but no longer than 4 years after your "
        "last purchase.",
    ),
    (
        "bound-whichever-earlier",
        "How long we keep it",
        "Enquiry notes stay on file until you ask us to remove them.",
        "Enquiry notes stay on file until you ask us to remove them or until 2 years after your last enquiry, "
        "whichever is earlier.",
    ),
    # ------------------------------------------------------------ safety net stays silent
    (
        "net-explanation-of-existing-check",
        "Fair play",
        "We compare answers in online exams with the answers of other candidates. A tutor looks at any match.",
        "We compare answers in online exams with the answers of other candidates. This is a simple text "
        "comparison: it counts identical phrases and unusual shared errors. A tutor looks at any match.",
    ),
    (
        "net-reason-clause",
        "How long we keep it",
        "We keep payroll records for six years.",
        "We keep payroll records for six years because pensions regulators may audit employers.",
    ),
    (
        "net-reworded-sentence",
        "Meter readings",
        "We read your meter every half hour so we can bill you accurately.",
        "Your meter sends us a reading every thirty minutes, which lets us bill you for precisely what you use.",
    ),
    (
        "net-aside-in-brackets",
        "Who we share with",
        "We pass your booking to the tour operator running your trip so it can plan the day.",
        "We pass your booking to the tour operator running your trip (at present the boat tours and the guided "
        "walks at each site) so it can plan the day.",
    ),
    (
        "net-others-right",
        "School records",
        "We keep attendance and assessment records for each pupil.",
        "We keep attendance and assessment records for each pupil. Guardians can also download these records "
        "from the parent portal whenever they like.",
    ),
    (
        "net-abbreviation-spelled-out",
        "Transfers",
        "We use SCCs for transfers to the US.",
        "We use Standard Contractual Clauses for transfers to the United States.",
    ),
    (
        "joint-controller-denied",
        "Who is responsible",
        "We decide how your tenancy information is used.",
        "We decide how your tenancy information is used; we are not joint controllers with the council.",
    ),
    (
        "event-same-season",
        "How long we keep it",
        "Photos are deleted at the end of the season in which they were taken.",
        "Photos are deleted at the end of the same season in which they were taken.",
    ),
]


@pytest.mark.parametrize(("title", "old", "new", "category"), [c[1:] for c in MATERIAL], ids=[c[0] for c in MATERIAL])
def test_less_protective_edit_is_flagged(title, old, new, category):
    assert_flagged(old, new, category, title)


@pytest.mark.parametrize(("title", "old", "new"), [c[1:] for c in NOT_MATERIAL], ids=[c[0] for c in NOT_MATERIAL])
def test_protective_or_explanatory_edit_is_silent(title, old, new):
    assert_silent(old, new, title)


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
