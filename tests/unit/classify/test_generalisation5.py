"""The broad ladders written after the fifth evaluation set, on new cases in other wording.

* an age threshold of any form ("at least 16", "aged 16 and over", "minimum age is 16", "16 years of
  age") anywhere in a section, with or without the word "child": lower is material (``children``);
* a promise's rung: never > do not > do not currently / not normally; a step down is ``negation_removed``;
* a consent model's rung: ask first > unless you object > no choice; a step down is ``rights_reduced``
  (``children`` when about minors);
* who "is responsible for / decides how ... personal information" replaced by another organisation
  (including one named before "which is responsible") is ``controller_identity``;
* an audit trail ("every download is logged") is a safeguard, not a new practice.

Every case is written in new words, in plain, formal legal, US-law, Q&A and list registers, and the
more protective direction of each is checked to stay silent.
"""

from __future__ import annotations

import pytest

from noticekit.classify.ladders import age_thresholds, consent_level, promise_levels
from noticekit.classify.sentences import normalise
from tests.unit.classify.helpers import assert_flagged, assert_silent

# (id, section title, old body, new body, expected category)
MATERIAL = [
    # ------------------------------------------------------------ age thresholds, no "child" needed
    (
        "age-plain-at-least",
        "Joining the club",
        "You have to be at least 18 to book a court in your own name.",
        "You have to be at least 14 to book a court in your own name.",
        "children",
    ),
    (
        "age-formal-minimum",
        "Eligibility",
        "The minimum age for opening a Wallet is 18 years.",
        "The minimum age for opening a Wallet is 16 years.",
        "children",
    ),
    (
        "age-us-years-of-age",
        "Who may use the Services",
        "The Services are intended for individuals who are 16 years of age or older.",
        "The Services are intended for individuals who are 13 years of age or older.",
        "children",
    ),
    (
        "age-qa-aged",
        "Can I sign up on my own?",
        "Yes, if you are aged 15 or over.",
        "Yes, if you are aged 12 or over.",
        "children",
    ),
    (
        "age-list-over",
        "Requirements",
        "To register you must:\n\n- live in Ireland;\n- be over 17;\n- have a bank card.",
        "To register you must:\n\n- live in Ireland;\n- be over 15;\n- have a bank card.",
        "children",
    ),
    # ------------------------------------------------------------ promise ladder
    (
        "promise-never-to-not-currently",
        "Advertising partners",
        "We will never pass your listening history to advertisers.",
        "We do not currently give your listening history to advertisers.",
        "negation_removed",
    ),
    (
        "promise-do-not-to-not-normally",
        "Location",
        "We do not track your location in the background.",
        "We do not normally track your location in the background.",
        "negation_removed",
    ),
    (
        "promise-formal-at-no-time",
        "Disclosure to third parties",
        "At no time shall the Company sell Customer Data to any third party.",
        "The Company does not, as a rule, sell Customer Data to any third party.",
        "negation_removed",
    ),
    (
        "promise-us-no-plans",
        "Sale of personal information",
        "We do not sell personal information and have never done so.",
        "We have no plans to sell personal information.",
        "negation_removed",
    ),
    (
        "promise-permanent-to-present-charity",
        "Donors",
        "We will never rent your address to other charities.",
        "We do not rent your address to other charities.",
        "negation_removed",
    ),
    (
        "promise-formal-under-no-circumstances",
        "Members",
        "Under no circumstances will the Trust disclose Member records to insurers.",
        "The Trust does not disclose Member records to insurers.",
        "negation_removed",
    ),
    # ------------------------------------------------------------ consent ladder
    (
        "consent-plain-ask-first-to-object",
        "Newsletter",
        "We only add you to our newsletter if you tick the box when you sign up.",
        "We add you to our newsletter when you sign up; if you would prefer not to receive it, reply STOP.",
        "rights_reduced",
    ),
    (
        "consent-formal-to-objection",
        "Case studies",
        "The Firm shall obtain the Client's written consent before naming the Client in any case study.",
        "The Firm may name the Client in case studies unless the Client objects in writing.",
        "rights_reduced",
    ),
    (
        "consent-children-qa",
        "Will my child appear in class photos?",
        "Only if you have given permission on the enrolment form.",
        "Class photos go in the school newsletter. Let us know if you do not want your child to appear.",
        "children",
    ),
    # ------------------------------------------------------------ who is responsible
    (
        "responsible-plain-relative",
        "Who looks after your data",
        "Brightwell Dental Group is responsible for your personal information.",
        "Your records are held by the practice you visit, a separate partnership which is responsible for your "
        "personal information.",
        "controller_identity",
    ),
    (
        "responsible-formal-decides",
        "Controller",
        "Harbour Mutual plc decides how and why your personal data is used.",
        "Keystone Insurance Services Ltd decides how and why your personal data is used.",
        "controller_identity",
    ),
    # ------------------------------------------------------------ other broad fixes of this round
    (
        "retention-anchor-with-reason",
        "Keeping identity checks",
        "Scans of ID cards are kept for five years from the date of the check, as the law requires, and then "
        "destroyed.",
        "Scans of ID cards are kept for five years from the date on which your membership finally ends, as the "
        "law requires, and then destroyed.",
        "longer_retention",
    ),
    (
        "route-email-to-post",
        "Getting a copy of your data",
        "Email privacy@example.com or use the form in the app and we will send you a copy within a month.",
        "Send a letter to our head office with a copy of a utility bill and we will send you a copy within a month.",
        "rights_reduced",
    ),
    (
        "route-phone-to-in-person",
        "Correcting your details",
        "Call the helpline and we will correct your address the same day.",
        "Visit any branch in person and we will correct your address the same day.",
        "rights_reduced",
    ),
    (
        "purpose-allocation-queue",
        "Customer feedback",
        "Your star ratings are shown to the courier as a weekly average.",
        "Your star ratings are shown to the courier as a weekly average and decide their position in the "
        "waiting list for new rounds.",
        "new_purpose",
    ),
    (
        "purpose-build-tool-in-contact-sentence",
        "Messages to our helpdesk",
        "If you email us, we keep your message so that we can answer follow-up questions.",
        "If you email us, we keep your message so that we can answer follow-up questions and build a tool that "
        "sorts incoming mail.",
        "new_purpose",
    ),
]

NOT_MATERIAL = [
    (
        "age-raised-plain",
        "Joining the club",
        "You have to be at least 14 to book a court in your own name.",
        "You have to be at least 18 to book a court in your own name.",
    ),
    (
        "age-not-an-age",
        "Passwords",
        "Your password must be at least 12 characters long.",
        "Your password must be at least 10 characters long.",
    ),
    (
        "age-restated",
        "Eligibility",
        "You must be 16 or older to use Tandem.",
        "You need to be at least 16 years old to use Tandem.",
    ),
    (
        "promise-strengthened",
        "Advertising partners",
        "We do not currently give your listening history to advertisers.",
        "We will never give your listening history to advertisers.",
    ),
    (
        "promise-reworded-same-rung",
        "Sale of personal information",
        "We do not sell your personal information.",
        "We don't sell personal information about you.",
    ),
    (
        "consent-strengthened",
        "Case studies",
        "The Firm may name the Client in case studies unless the Client objects in writing.",
        "The Firm shall obtain the Client's written consent before naming the Client in any case study.",
    ),
    (
        "consent-reworded-same-rung",
        "Newsletter",
        "We only add you to our newsletter if you tick the box when you sign up.",
        "You only get our newsletter if you ask for it by ticking the box when you sign up.",
    ),
    (
        "responsible-same-entity",
        "Who looks after your data",
        "Brightwell Dental Group is responsible for your personal information.",
        "Brightwell Dental Group Ltd is legally responsible for your personal information.",
    ),
    (
        "audit-trail-added",
        "Call recordings",
        "Supervisors may listen to recorded calls to check quality.",
        "Supervisors may listen to recorded calls to check quality, and each access is recorded in an audit log.",
    ),
    (
        "audit-trail-added-passive",
        "Door camera",
        "Footage is kept for 14 days. The manager may export clips for an insurance claim.",
        "Footage is kept for 14 days. The manager may export clips for an insurance claim; every export is logged.",
    ),
    (
        "consent-gate-to-denial",
        "Sharing with partners",
        "We share your data with partners only with your consent.",
        "We do not share your data with partners.",
    ),
    (
        "promise-with-time-words",
        "Sale of data",
        "We do not sell your data.",
        "We do not sell your data, today or in the future.",
    ),
    (
        "age-under-raised",
        "Younger users",
        "If you are under 13, ask a parent before you post.",
        "If you are under 16, ask a parent before you post.",
    ),
    (
        "retention-anchor-same-event-reason-added",
        "Keeping identity checks",
        "Scans of ID cards are kept for five years from the date of the check.",
        "Scans of ID cards are kept for five years from the date of the check, as the law requires.",
    ),
    (
        "route-channel-added",
        "Getting a copy of your data",
        "Email privacy@example.com and we will send you a copy within a month.",
        "Email privacy@example.com, or write to our head office, and we will send you a copy within a month.",
    ),
    (
        "definition-with-meta-we",
        "Sale of personal information",
        "We do not sell personal information.",
        'Under state law, "sale" can include swapping data for something of value; we use the word in that sense. '
        "We do not sell personal information.",
    ),
]


@pytest.mark.parametrize(("title", "old", "new", "category"), [c[1:] for c in MATERIAL], ids=[c[0] for c in MATERIAL])
def test_ladder_flags_the_step_down(title, old, new, category):
    assert_flagged(old, new, category, title)


@pytest.mark.parametrize(("title", "old", "new"), [c[1:] for c in NOT_MATERIAL], ids=[c[0] for c in NOT_MATERIAL])
def test_ladder_leaves_the_step_up_or_restatement_alone(title, old, new):
    assert_silent(old, new, title)


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
