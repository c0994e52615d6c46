"""The structural safety nets on their own, with every other rule switched off.

The specific rules catch most phrasings first, so the nets are tested alone: each must speak on the
edit it exists for and stay silent on its protective mirror. Then the whole detector is checked on the
mirrors, so that a net never turns a harmless edit into a finding.
"""

from __future__ import annotations

import importlib

import pytest

from noticekit.classify import rules
from noticekit.classify.changes import same_words
from noticekit.classify.sentences import split_units
from tests.unit.classify.helpers import assert_silent, body, findings_for

detect_module = importlib.import_module("noticekit.classify.detect")


@pytest.fixture
def only(monkeypatch):
    """Run the detector with ``rule`` as its only change rule."""

    def run(rule, old: str, new: str, title: str = "About your information"):
        monkeypatch.setattr(detect_module, "CHANGE_RULES", (rule,))
        return findings_for(old, new, title=title)

    return run


# (id, rule, title, old, new, expected category)
SPEAKS = [
    (
        "limit-never-dropped",
        rules.limit_lost,
        "Visit notes",
        "The notes are never shown to the family and are read by the coordinator.",
        "The notes are shown to the family when they ask and are read by the coordinator.",
        "negation_removed",
    ),
    (
        "limit-only-dropped-for-children",
        rules.limit_lost,
        "Pupils' work",
        "Drawings by pupils under 13 are visible only to their teacher.",
        "Drawings by pupils under 13 are visible to their teacher and in the class gallery.",
        "children",
    ),
    (
        "limit-no-dropped",
        rules.limit_lost,
        "Sensor data",
        "No room-by-room readings leave the hub.",
        "Room-by-room readings leave the hub once a day for the energy report.",
        "negation_removed",
    ),
    (
        "exception-to-correction",
        rules.benefit_narrowed,
        "Correcting your record",
        "You can ask us to correct any entry in your claim record by replying to the claim email.",
        "You can ask us to correct any entry in your claim record, unless it has already gone to the loss "
        "adjuster, by replying to the claim email.",
        "rights_reduced",
    ),
    (
        "exception-to-instruction",
        rules.benefit_narrowed,
        "Deleting sightings",
        "Open My records, pick any sighting and tap Delete to remove it from the map.",
        "Open My records, pick any sighting that has not yet been checked and tap Delete to remove it from the map.",
        "rights_reduced",
    ),
    (
        "our-new-act-in-unknown-words",
        rules.substantive_change,
        "Your bookings",
        "We keep your booking history so that depot staff can answer questions about a hire.",
        "We keep your booking history so that depot staff can answer questions about a hire, and it feeds the "
        "engine that ranks which vans appear first for each customer.",
        "new_purpose",
    ),
]

SPEAKS += [
    (
        "mechanism-swapped",
        rules.statement_rewritten,
        "International transfers",
        "Where data from the EEA is processed in the United States, the transfer is governed by the Standard "
        "Contractual Clauses in our data processing addendum.",
        "Where data from the EEA is processed in the United States, the transfer is governed by our group's "
        "internal transfer code, as approved by our board.",
        "transfer_mechanism",
    ),
    (
        "recipient-widened",
        rules.statement_rewritten,
        "Sharing",
        "Your name and booking number are given to the coach firm that runs the airport transfer.",
        "Your name and booking number are given to travel firms that sell excursions to guests.",
        "new_recipients",
    ),
    (
        "controller-named-in-an-exception",
        rules.statement_rewritten,
        "Our role",
        "The club is the controller, and Rallyo Ltd processes the data only on the club's instructions.",
        "The club is the controller, and Rallyo Ltd processes the data only on the club's instructions, except "
        "that Rallyo Ltd decides how match statistics are used in its own products and is the controller for that.",
        "controller_identity",
    ),
    (
        "same-unit-more",
        rules.statement_rewritten,
        "How long we keep records",
        "We keep the names of past stallholders for two market seasons and then delete them.",
        "We keep the names of past stallholders for four market seasons and then delete them.",
        "longer_retention",
    ),
]

SILENT = [
    (
        "limit-added",
        rules.substantive_change,
        "Who sees your file",
        "Our staff may open your file to answer questions and to prepare your budget.",
        "Only your named adviser and their supervisor may open your file to answer questions and to prepare your "
        "budget.",
    ),
    (
        "reader-limit-lifted",
        rules.limit_lost,
        "Your account",
        "You cannot change your username after sign-up.",
        "You can change your username at any time in Settings.",
    ),
    (
        "bound-not-a-promise",
        rules.limit_lost,
        "Keeping your data",
        "We keep call recordings for no longer than 90 days.",
        "We keep call recordings for 60 days.",
    ),
    (
        "scope-of-notice",
        rules.limit_lost,
        "About this notice",
        "This notice does not cover people who apply to work for us.",
        "This notice covers our clients; people who apply to work for us get a separate notice.",
    ),
    (
        "prohibition-restated",
        rules.limit_lost,
        "Children",
        "Children must not use the app without a parent's consent.",
        "Children need a parent's consent to use the app.",
    ),
    (
        "exception-to-our-practice",
        rules.benefit_narrowed,
        "Marketing",
        "We share your email address with our partner gyms.",
        "We share your email address with our partner gyms unless you tell us not to.",
    ),
    (
        "definition-is-not-an-act",
        rules.substantive_change,
        "Health information",
        "We collect health information you give us when you book a class.",
        "We collect health information you give us when you book a class. Health information includes details "
        "of any injury or illness you tell us about.",
    ),
    (
        "notice-updates-are-not-an-act",
        rules.substantive_change,
        "About this notice",
        "This notice explains how we handle your information.",
        "This notice explains how we handle your information, and we may update this notice from time to time.",
    ),
]


SILENT += [
    (
        "same-unit-fewer",
        rules.statement_rewritten,
        "How long we keep records",
        "We keep the names of past stallholders for four market seasons and then delete them.",
        "We keep the names of past stallholders for two market seasons and then delete them.",
    ),
    (
        "one-person-for-another",
        rules.statement_rewritten,
        "Who is responsible",
        "Fernvale Ltd is responsible for your data. Our data protection officer is Gareth Owen.",
        "Fernvale Ltd is responsible for your data. Our data protection officer is Anwen Price.",
    ),
    (
        "renamed-firm",
        rules.statement_rewritten,
        "Payments",
        "Card payments are handled by Payline Ltd.",
        "Card payments are handled by Cobalt Payments Ltd (formerly Payline Ltd).",
    ),
    (
        "acronym-spelled-out",
        rules.statement_rewritten,
        "International transfers",
        "Transfers to the United States rely on SCCs.",
        "Transfers to the United States rely on standard contractual clauses.",
    ),
    (
        "parent-consent-added-for-children",
        rules.statement_rewritten,
        "Children",
        "Children under 13 can post drawings to the class wall.",
        "Children under 13 can post drawings to the class wall with a parent's consent.",
    ),
    (
        "bare-link-text-moved",
        rules.statement_rewritten,
        "Your rights",
        "For anything else, use the form at [acme.com/privacy/request](https://acme.com/privacy/request).",
        "For anything else, use the form at [acme.com/legal/data-requests](https://acme.com/legal/data-requests).",
    ),
]


@pytest.mark.parametrize(("case_id", "rule", "title", "old", "new", "category"), SPEAKS, ids=[c[0] for c in SPEAKS])
def test_net_speaks_alone(only, case_id, rule, title, old, new, category):
    found = only(rule, old, new, title)
    assert [f.category for f in found] == [category], found  # the only rule switched on found it


@pytest.mark.parametrize(("case_id", "rule", "title", "old", "new"), SILENT, ids=[c[0] for c in SILENT])
def test_net_is_silent_alone(only, case_id, rule, title, old, new):
    assert only(rule, old, new, title) == []


@pytest.mark.parametrize(("case_id", "rule", "title", "old", "new"), SILENT, ids=[c[0] for c in SILENT])
def test_whole_detector_is_silent_on_the_mirrors(case_id, rule, title, old, new):
    assert_silent(old, new, title)


def test_our_commitment_is_not_a_reader_deadline():
    old = 'We send the weekly digest to every member. To stop it, untick "Digest" in Settings.'
    new = (
        'We send the weekly digest to every member. To stop it, untick "Digest" in Settings and we will stop '
        "sending it within three working days."
    )
    assert_silent(old, new, "The weekly digest")
    assert rules._our_commitment("we will stop sending it within three working days", "three working days")
    assert not rules._our_commitment("you must reply within three working days", "three working days")


def test_plain_words_restatement_is_silent():
    old = "We process your details under Article 6(1)(e) UK GDPR, as the register is kept under the Boat Act."
    new = old + " Put simply: the law asks us to run the register, and we use your details for that alone."
    assert_silent(old, new, "Why we hold your details")


@pytest.mark.parametrize(
    ("old", "new", "same"),
    [
        (
            "We send your order to the bakery, to the courier and to our payment firm.",
            "We send your order:\n\n- to **the bakery**;\n- to **the courier**; and\n- to **our payment firm**.",
            True,
        ),
        (
            "We collect:\n\n- your name,\n- your email.",
            "We collect:\n\n- your name;\n- your email; and\n- your phone number.",
            False,
        ),
        ("We do not sell your data.", "We sell your data.", False),
    ],
)
def test_same_words_sees_only_reformatting(old, new, same):
    assert same_words(split_units(body(old)), split_units(body(new))) is same


def test_reformatted_section_has_no_finding():
    old = "When you book, your details go to our ticket platform, which runs the pages; to our payment provider."
    new = (
        "When you book, your details go to:\n\n- **our ticket platform**, which runs the pages;\n"
        "- **our payment provider**."
    )
    assert_silent(old, new, "Who receives your details")


def test_shorter_reader_window_is_flagged():
    old = "If we decline your request, you may appeal by replying to our decision within 30 days."
    new = "If we decline your request, you may appeal by replying to our decision within 10 days."
    assert {(f.rule, f.category) for f in findings_for(old, new, title="Appeals")} == {
        ("deadline-worse", "rights_reduced")
    }
    assert_silent(new, old, "Appeals")


def test_list_item_losing_its_and_is_not_a_new_item():
    old = "We share your details with:\n\n- our card processor;\n- our text provider; and\n- a rewards scheme."
    new = "We share your details with:\n\n- our card processor; and\n- our text provider."
    assert_silent(old, new, "Who we share with")


def test_denial_narrowed():
    old = "We do not show your manager your mood scores, your journal entries or the topics you read about."
    new = "We do not show your manager your journal entries or the topics you read about."
    found = findings_for(old, new, title="What your manager sees")
    assert [(f.rule, f.category) for f in found] == [("denial-narrowed", "negation_removed")]
    assert "mood scores" in found[0].message
    # an exception taken out, or a promise newly made, is not a narrowing
    assert_silent(
        "We do not share your notes, unless you ask us to send them to your GP.",
        "We do not share your notes.",
        "Your notes",
    )
    assert_silent(
        "We may share your shift patterns with HR, or your permit details.",
        "We do not share your shift patterns with HR.",
        "Staff permits",
    )


# (id, title, old, new, category): round 11, each in both directions
ROUND_11 = [
    (
        "precision-raised",
        "What we collect",
        "- your approximate location, to the nearest town, so we can show local classes;",
        "- your location, taken from your phone's GPS, so we can show local classes;",
        "new_data_category",
    ),
    (
        "longer-unit-in-deletion",
        "Camera images",
        "Images are deleted at the end of the day after you leave the car park.",
        "Images are deleted at the end of the month after you leave the car park.",
        "longer_retention",
    ),
    (
        "purpose-joined-to-a-benefit",
        "How we use your orders",
        "We use your orders:\n\n- to let you pause deliveries while you are away;\n- to plan our rounds.",
        "We use your orders:\n\n- to let you pause deliveries while you are away, and to work out which customers "
        "should be offered a lower price to stay;\n- to plan our rounds.",
        "new_purpose",
    ),
    (
        "teach-a-system",
        "Questions you ask",
        "We keep your questions for 30 days so our team can write new answers.",
        "We keep your questions for 30 days so our team can write new answers and teach the matching system to "
        "pick the right one.",
        "new_purpose",
    ),
]
ROUND_11_MIRRORS = [
    (
        "precision-lowered",
        "What we collect",
        "- your location, taken from your phone's GPS, so we can show local classes;",
        "- your approximate location, to the nearest town, so we can show local classes;",
    ),
    (
        "shorter-unit-in-deletion",
        "Camera images",
        "Images are deleted at the end of the month after you leave the car park.",
        "Images are deleted at the end of the day after you leave the car park.",
    ),
    (
        "list-made-a-table",
        "Payment details",
        "| Information | Who provides it | Why |\n|---|---|---|\n| Bank account | You | To pay you |\n"
        "| Tax forms | You | To apply the right tax rate |",
        "- **Bank account.** Provided by you. We need it to pay you.\n"
        "- **Tax forms.** Provided by you. We need them to apply the right tax rate.",
    ),
    (
        "definition-of-sell",
        "Selling",
        "We do not sell your information.",
        "We do not sell your information. By 'sell' we mean handing it to another organisation for money.",
    ),
    (
        "season-after-next-to-following",
        "How long we keep registrations",
        "We keep the registration until the end of the season after next, then delete it.",
        "We keep the registration until the end of the following season, then delete it.",
    ),
]


@pytest.mark.parametrize(("case_id", "title", "old", "new", "category"), ROUND_11, ids=[c[0] for c in ROUND_11])
def test_round_11_flags(case_id, title, old, new, category):
    assert category in {f.category for f in findings_for(old, new, title=title)}


@pytest.mark.parametrize(("case_id", "title", "old", "new"), ROUND_11_MIRRORS, ids=[c[0] for c in ROUND_11_MIRRORS])
def test_round_11_mirrors_are_silent(case_id, title, old, new):
    assert_silent(old, new, title)


ROUND_12 = [
    (
        "denial-qualified-by-purpose",
        "Sale of information",
        "We do not sell your personal information, and we never have.",
        "We do not sell your personal information for money, and we never have.",
        "negation_removed",
    ),
    (
        "denial-qualified-by-audience",
        "What other members see",
        "We don't show your surname or your street to anyone.",
        "We don't show your surname or your street to anyone outside your club.",
        "negation_removed",
    ),
    (
        "protected-age-lowered",
        "Photographs",
        "We never print the full name of a player under 18 next to their photo.",
        "We never print the full name of a player under 13 next to their photo.",
        "children",
    ),
    (
        "later-of-two-events",
        "How long we keep permits",
        "We keep permit applications for two years after the permit expires.",
        "We keep permit applications for two years after the permit expires, or until you leave the zone, "
        "whichever is later.",
        "longer_retention",
    ),
]
ROUND_12_MIRRORS = [
    (
        "denial-widened",
        "Sale of information",
        "We do not sell your personal information.",
        "We do not sell or share your personal information, ever.",
    ),
    (
        "protected-age-raised",
        "Photographs",
        "We never print the full name of a player under 13 next to their photo.",
        "We never print the full name of a player under 18 next to their photo.",
    ),
    (
        "practice-age-lowered",
        "Advertising",
        "We show personalised adverts to members under 18 who agree to them.",
        "We show personalised adverts to members under 16 who agree to them.",
    ),
    (
        "earlier-of-two-events",
        "How long we keep permits",
        "We keep permit applications until you leave the zone.",
        "We keep permit applications until you leave the zone or for two years after the permit expires, "
        "whichever comes first.",
    ),
]


@pytest.mark.parametrize(("case_id", "title", "old", "new", "category"), ROUND_12, ids=[c[0] for c in ROUND_12])
def test_round_12_flags(case_id, title, old, new, category):
    assert category in {f.category for f in findings_for(old, new, title=title)}


@pytest.mark.parametrize(("case_id", "title", "old", "new"), ROUND_12_MIRRORS, ids=[c[0] for c in ROUND_12_MIRRORS])
def test_round_12_mirrors_are_silent(case_id, title, old, new):
    assert_silent(old, new, title)


def test_precondition_on_a_right(only):
    old = "You can delete your account yourself in Settings, and your profile is deleted straight away."
    new = (
        "Once you've had no bookings for 60 days, you can delete your account yourself in Settings, and your "
        "profile is deleted straight away."
    )
    assert [f.category for f in only(rules.benefit_narrowed, old, new, "Deleting your account")] == ["rights_reduced"]
    assert findings_for(old, new, title="Deleting your account")  # material in the whole detector too


def test_a_new_right_with_a_time_limit_is_a_right_added():
    old = "We will respond to requests within 45 days."
    new = (
        "We will respond to requests within 45 days. If we decline your request, you can appeal by replying to "
        "our decision within 60 days."
    )
    assert_silent(old, new, "Requests")
    # the same window on a right the section already had is a new hurdle
    old = "If we decline your request, you can appeal by replying to our decision."
    new = "If we decline your request, you can appeal by replying to our decision within 10 days."
    assert "rights_reduced" in {f.category for f in findings_for(old, new, title="Requests")}


ROUND_13_SILENT = [
    (
        "reader-wish-is-a-choice",
        "Meetings",
        "Minutes of general meetings record the names of members who propose a motion.",
        "Minutes of general meetings record the names of members who propose a motion. If you would prefer not "
        "to be named, tell the secretary before the meeting and the minutes will say 'a member'.",
    ),
    (
        "existing-practice-explained",
        "Personalising our emails",
        "We look at the shows you booked so that our emails are more relevant.",
        "We look at the shows you booked so that our emails are more relevant. This is a simple form of "
        "profiling: we group bookers by the kinds of show they attend, and nothing more.",
    ),
    (
        "why-it-is-not-a-sale",
        "What 'sale' means here",
        "We pass your name to the venue so your ticket can be reissued. We do not sell personal information.",
        "We pass your name to the venue so your ticket can be reissued. Because this is done at your direction "
        "to complete your purchase, it is not a sale under those laws. We do not sell personal information.",
    ),
    (
        "fewer-people-may-see",
        "Your questionnaire",
        "Questionnaire answers can be seen by screeners, nurses and the medical director.",
        "Questionnaire answers can be seen only by the nurse looking after you and by the medical director, "
        "and every time someone opens your answers it is logged.",
    ),
    (
        "right-listed-with-and-to-receive",
        "Your rights",
        "You have the right to request access to your data and to object to processing.",
        "You have the right to request access to your data and to object to processing, and to receive the data "
        "you provided in a machine-readable format.",
    ),
]


@pytest.mark.parametrize(("case_id", "title", "old", "new"), ROUND_13_SILENT, ids=[c[0] for c in ROUND_13_SILENT])
def test_round_13_harmless_edits_are_silent(case_id, title, old, new):
    assert_silent(old, new, title)


ROUND_14_FLAGGED = [
    (
        "filming-each-member",
        "What we collect",
        "Our leaders make notes on each member's progress, and we keep a register of who attended.",
        "Our leaders make notes on each member's progress, we film each member's audition on a tablet so the "
        "panel can watch it again, and we keep a register of who attended.",
        "new_data_category",
    ),
    (
        "promise-now-needs-the-reader-to-ask",
        "Photos on the day",
        "We won't post any photo in which you can be recognised.",
        "We won't post a photo in which you can be recognised if you tell us at the start that you'd rather not "
        "appear.",
        "negation_removed",
    ),
]
ROUND_14_SILENT = [
    (
        "not-a-sale-explained",
        "Sharing personal data",
        "We do not sell personal data.",
        "We do not sell personal data. Passing a rider's first name to the driver who accepts the trip is part of "
        "the ride you asked for, and is not a sale under state privacy laws.",
    ),
    (
        "word-defined-is-not-a-transfer",
        "Grave deeds",
        "When a deed holder dies, the right passes to their next of kin, who must apply to have it recorded.",
        "When a deed holder dies, the right passes to their next of kin, who must apply to have it recorded. In "
        "this section, 'transfer' refers only to a change in who holds the right; it does not mean that personal "
        "data is sent outside the UK.",
    ),
    (
        "more-ways-to-ask",
        "Your rights",
        "Requests should be made in writing to our Data Protection Officer at the Town Hall.",
        "Requests may be made in writing to our Data Protection Officer at the Town Hall, by email to "
        "dpo@eastmoor.example, or in person at any customer service point.",
    ),
    (
        "reader-wish-removed-with-opt-in",
        "Research",
        "We may share de-identified photos with university researchers. If you would rather your photos were never "
        "used in this way, tell us in the app.",
        "We may share de-identified photos with university researchers, but only if you switch on Research sharing "
        "in the app. Research sharing is off unless you turn it on.",
    ),
]


@pytest.mark.parametrize(
    ("case_id", "title", "old", "new", "category"), ROUND_14_FLAGGED, ids=[c[0] for c in ROUND_14_FLAGGED]
)
def test_round_14_flags(case_id, title, old, new, category):
    assert category in {f.category for f in findings_for(old, new, title=title)}


@pytest.mark.parametrize(("case_id", "title", "old", "new"), ROUND_14_SILENT, ids=[c[0] for c in ROUND_14_SILENT])
def test_round_14_harmless_edits_are_silent(case_id, title, old, new):
    assert_silent(old, new, title)


def test_audition_is_not_an_audit_trail():
    from noticekit.classify.practices import PROTECTIVE

    assert PROTECTIVE.search("every download is audited")
    assert not PROTECTIVE.search("we film each audition piece")
