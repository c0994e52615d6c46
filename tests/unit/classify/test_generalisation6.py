"""The classes of change generalised after the sixth evaluation set, on new cases in other wording.

* a body feature measured or compared to tell people apart (faces, voices, fingerprints, gait) is
  biometric data even when the word "biometric" is not used (``new_data_category``);
* copies left in backups or archives after the live data is deleted, and a deletion period whose
  sentence names deleting far from the number, are retention (``longer_retention``);
* "N working/business days" runs longer than "N days" (a working day counts 7/5 of a calendar day);
* transfer safeguards on a ladder: adequacy > SCCs / BCRs / DPF > derogations (necessity for a
  contract, consent to the transfer); a step down is ``transfer_mechanism``;
* a spelling fix of two slips at the end of a word ("partys" -> "parties") is a typo, whatever
  the words near it;
* a sentence that defines a term ("the law defines 'sharing' to include ...", "X is not a sale")
  explains words, it does not describe a practice;
* "the suggestions are made automatically by a model" explains how existing suggestions are made;
  a decision newly made by a model is still flagged;
* data made coarser, rounded, aggregated or hashed is protective, not a new category.

Each class is checked in both directions: the less protective edit is flagged, the other is silent.
"""

from __future__ import annotations

import pytest

from noticekit.classify.changes import typo_only
from noticekit.classify.ladders import mechanism_rungs, mechanism_stepped_down
from noticekit.classify.quantities import durations
from noticekit.classify.sentences import normalise
from tests.unit.classify.helpers import assert_flagged, assert_silent

# (id, section title, old body, new body, expected category)
MATERIAL = [
    # ------------------------------------------------------------ biometric family without "biometric"
    (
        "biometric-voice-matching",
        "Calling our helpline",
        "Calls to the helpline are recorded for training and to settle complaints.",
        "Calls to the helpline are recorded for training and to settle complaints, and we match your voice "
        "against earlier calls to confirm who is calling.",
        "new_data_category",
    ),
    (
        "biometric-fingerprint-template",
        "Clocking in",
        "Staff clock in and out with a swipe card at the staff entrance.",
        "Staff clock in and out by placing a finger on the reader at the staff entrance, which stores a "
        "fingerprint template for each employee.",
        "new_data_category",
    ),
    (
        "biometric-gait-analysis",
        "Cameras on the premises",
        "Our cameras record the shop floor so that we can investigate thefts.",
        "Our cameras record the shop floor so that we can investigate thefts, and the software analyses the "
        "gait of each shopper to follow them between cameras.",
        "new_data_category",
    ),
    (
        "biometric-face-grouping-formal",
        "Processing of Images",
        "The Company stores Images uploaded by the User for the purpose of producing the Products ordered.",
        "The Company stores Images uploaded by the User for the purpose of producing the Products ordered "
        "and performs facial matching to group Images of the same individual.",
        "new_data_category",
    ),
    # ------------------------------------------------------------ backups as retention
    (
        "backups-copies-archive",
        "When you cancel",
        "After you cancel, we erase your saved designs within 14 days.",
        "After you cancel, we erase your saved designs from our production servers within 14 days; copies "
        "held in our archive are kept for two years.",
        "longer_retention",
    ),
    (
        "backups-retained-q-and-a",
        "What happens to my files when I leave?",
        "We remove every file you uploaded, together with the comments on it, within one month of your leaving.",
        "We remove every file you uploaded, together with the comments on it, within one month of your leaving, "
        "but backups of them are retained for 18 months.",
        "longer_retention",
    ),
    # ------------------------------------------------------------ working days run longer
    (
        "working-days-erasure",
        "Closing your account",
        "Once you close your account, your profile is erased within 10 days.",
        "Once you close your account, your profile is erased within 10 business days.",
        "longer_retention",
    ),
    (
        "working-days-answer",
        "Your rights",
        "We will respond to your request within 20 days.",
        "We will respond to your request within 20 working days.",
        "rights_reduced",
    ),
    # ------------------------------------------------------------ transfer safeguards ladder
    (
        "transfer-adequacy-to-sccs",
        "Data sent outside the UK",
        "Our payroll provider is in Switzerland, and transfers to it rely on the adequacy regulations for Switzerland.",
        "Our payroll provider is in Switzerland, and transfers to it rely on standard contractual clauses.",
        "transfer_mechanism",
    ),
    (
        "transfer-bcrs-to-consent",
        "International transfers",
        "Transfers between the companies of our group are covered by our binding corporate rules.",
        "Transfers between the companies of our group rely on your explicit consent to the transfer, which you "
        "give when you sign up.",
        "transfer_mechanism",
    ),
    (
        "transfer-dpf-to-contract-necessity",
        "Where your data goes",
        "Our US support desk is certified under the EU-US Data Privacy Framework.",
        "Transfers to our US support desk take place because they are necessary to carry out our contract with you.",
        "transfer_mechanism",
    ),
    # ------------------------------------------------------------ a model that now makes decisions
    (
        "automated-decision-new",
        "How we decide on your application",
        "A member of our lending team reads every application and decides whether to offer you a loan.",
        "Whether to offer you a loan is decided automatically by our software.",
        "new_purpose",
    ),
    # ------------------------------------------------------------ precise data, not coarsened
    (
        "location-precise-added",
        "Trip information",
        "We record the start and end station of each trip.",
        "We record the start and end station of each trip and the GPS location of the bike every minute.",
        "new_data_category",
    ),
]


NOT_MATERIAL = [
    # ------------------------------------------------------------ biometric: no body measurement
    (
        "face-not-biometric-wording",
        "Your photos",
        "We keep the photos you upload so that you can order prints.",
        "We keep the photos you upload so that you can order prints, and we face the challenge of storing "
        "them safely by encrypting them.",
    ),
    # ------------------------------------------------------------ backups: shorter, or already there
    (
        "backups-shorter",
        "When you cancel",
        "After you cancel, we erase your saved designs within 14 days; copies held in our archive are kept "
        "for two years.",
        "After you cancel, we erase your saved designs within 14 days; copies held in our archive are kept "
        "for 90 days.",
    ),
    (
        "working-days-to-calendar",
        "Closing your account",
        "Once you close your account, your profile is erased within 10 business days.",
        "Once you close your account, your profile is erased within 10 days.",
    ),
    # ------------------------------------------------------------ transfer ladder: the same safeguards reworded
    (
        "transfer-sccs-reworded",
        "International transfers",
        "Transfers to our call centre in India are protected by standard contractual clauses.",
        "When we send data to our call centre in India, the transfer is covered by standard contractual clauses.",
    ),
    # ------------------------------------------------------------ typos whatever the words near them
    (
        "typo-near-sell",
        "Selling information",
        "We do not sell your persnal information to data brokers or to advertisng networks.",
        "We do not sell your personal information to data brokers or to advertising networks.",
    ),
    (
        "typo-two-slips",
        "Who we share with",
        "We never hand your details to other companys for their own marketting campains.",
        "We never hand your details to other companies for their own marketing campaigns.",
    ),
    # ------------------------------------------------------------ definitions of a term already used
    (
        "definition-sharing-us",
        "Your state privacy rights",
        "We do not share personal information for cross-context behavioural advertising.",
        'Some state laws define "sharing" to include making personal information available for advertising '
        "on other websites. We do not share personal information for cross-context behavioural advertising.",
    ),
    (
        "definition-not-a-sale",
        "Do we sell your information?",
        "No. We have not sold personal information in the last year.",
        "No. We have not sold personal information in the last year. Sending your order to the courier who "
        "delivers it is not a sale of your information.",
    ),
    # ------------------------------------------------------------ how an existing recommendation works
    (
        "recommendations-by-algorithm",
        "What we show you",
        "We recommend podcasts you might enjoy based on the episodes you finished.",
        "We recommend podcasts you might enjoy. These recommendations are generated automatically by an "
        "algorithm that looks at the episodes you finished.",
    ),
    # ------------------------------------------------------------ coarsened data is protective
    (
        "location-truncated",
        "How we protect your data",
        "Delivery records are kept on servers in our own data centre.",
        "Delivery records are kept on servers in our own data centre. In reports, delivery locations are "
        "truncated to the first half of the postcode.",
    ),
    (
        "health-aggregated",
        "Reports",
        "We prepare reports on how the gym is used.",
        "We prepare reports on how the gym is used; heart rate readings in them are aggregated by class.",
    ),
]


@pytest.mark.parametrize(("title", "old", "new", "category"), [c[1:] for c in MATERIAL], ids=[c[0] for c in MATERIAL])
def test_less_protective_edit_is_flagged(title, old, new, category):
    assert_flagged(old, new, category, title)


@pytest.mark.parametrize(("title", "old", "new"), [c[1:] for c in NOT_MATERIAL], ids=[c[0] for c in NOT_MATERIAL])
def test_protective_or_explanatory_edit_is_silent(title, old, new):
    assert_silent(old, new, title)


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
