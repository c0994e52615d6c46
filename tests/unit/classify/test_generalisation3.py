"""The general rules written after the third evaluation set, on new cases in other wording.

* a promise about who receives, sees or is shown what, what is published or included, or what is
  processed at all, reversed or dropped, with the organisation, a third party or a passive subject
  (``negation-removed``; ``children`` when it concerns minors). The reader as subject is left alone;
* a kind of organisation joining a sentence about who gets the data (``recipient-type-added``),
  even where the verb changes with it ("receives" -> "receive");
* a list sentence led by the organisation's disclosure ("we pass it on: to ...") keeps its recipient
  topic when a later element mentions the reader ("if you ask us");
* a new list element that names something new and then details it ("X including Y") is an addition,
  not an example;
* "articles you may like" is a guess at a taste, not a right;
* a sentence wholly a denial ("in other words, we do not give it ... for money") adds no recipient.
"""

from __future__ import annotations

import pytest

from tests.unit.classify.helpers import assert_flagged, assert_silent, findings_for

# (id, section title, old body, new body, expected category)
MATERIAL = [
    # ------------------------------------------------------------ a promise reversed (third party, passive)
    (
        "letting-landlord-receives",
        "Referencing",
        "Your landlord does not receive a copy of your credit report. We tell them only whether you passed.",
        "Your landlord receives a copy of your credit report. We also tell them whether you passed.",
        "negation_removed",
    ),
    (
        "forum-passive-shown",
        "Your public profile",
        "Your home town is not shown on your public profile.",
        "Your home town is shown on your public profile.",
        "negation_removed",
    ),
    (
        "charity-donors-published",
        "Donations",
        "We will never publish the names of individual donors in our annual report.",
        "We publish the names of individual donors who give more than 500 pounds in our annual report.",
        "negation_removed",
    ),
    (
        "clinic-case-studies-included",
        "Teaching and research",
        "Patients' names are never included in the case studies our doctors present at conferences.",
        "Patients' names are included in the case studies our doctors present at conferences.",
        "negation_removed",
    ),
    (
        "legal-third-party-sees",
        "Disclosure to the Sponsor",
        "The Sponsor shall not see any Participant's individual answers.",
        "The Sponsor may see each Participant's individual answers.",
        "negation_removed",
    ),
    (
        "speaker-minors-processed-dropped",
        "Children",
        "Everyone in the household can use the speaker. We do not process voice recordings of anyone under 13.",
        "Everyone in the household can use the speaker. Voice recordings from every member of the household are "
        "used to improve recognition.",
        "children",
    ),
    (
        "school-photos-consent-to-objection",
        "Photographs of pupils",
        "We will not display photographs of children on the school website without a parent's written consent.",
        "We may display photographs of children on the school website. Parents who object should tell the school "
        "office.",
        "children",
    ),
    # ------------------------------------------------------------ a kind of organisation joins the recipients
    (
        "gym-sponsor-brands-receive",
        "Class bookings",
        "When you book, the studio that runs the class receives your name and phone number.",
        "When you book, the studio that runs the class and physiotherapy clinics in the same building receive "
        "your name and phone number.",
        "new_recipients",
    ),
    (
        "energy-broker-so-that",
        "Sharing your meter readings",
        "We pass your meter readings on only where needed to supply you: to the network operator, to the meter "
        "installer and to the regulator if you make a complaint.",
        "We pass your meter readings on only where needed to supply you: to the network operator, to the meter "
        "installer, to a home-insurance broker we work with so that it can quote you for cover, and to the "
        "regulator if you make a complaint.",
        "new_recipients",
    ),
    # ------------------------------------------------------------ an element that names something new, detailed
    (
        "lender-arrears-including",
        "Information we hold",
        "We hold the following about each borrower: name, address, account number, loan amount and repayment dates.",
        "We hold the following about each borrower: name, address, account number, loan amount, hardship notes "
        "including any illness or bereavement you tell us about, and repayment dates.",
        "new_data_category",
    ),
    # ------------------------------------------------------------ "you may like" is not a right
    (
        "podcast-price-you-might-enjoy",
        "How we use your listening",
        "We use your listening history to suggest shows you might enjoy, to fix playback problems and to count "
        "plays for creators.",
        "We use your listening history to suggest shows you might enjoy, to fix playback problems, to set the "
        "price we offer you for the premium plan and to count plays for creators.",
        "new_purpose",
    ),
]

# (id, section title, old body, new body)
NOT_MATERIAL = [
    (
        "reader-cannot-see-to-can",
        "Your profile",
        "You cannot see who has viewed your profile.",
        "You can see who has viewed your profile.",
    ),
    (
        "third-party-denial-restated",
        "Employer reports",
        "Your employer does not receive your individual results.",
        "Your employer never receives your individual results, only totals for the whole team.",
    ),
    (
        "publish-not-without-consent-to-only-with",
        "Photos",
        "We will not publish your photo without your consent.",
        "We publish your photo only with your consent.",
    ),
    (
        "document-scope-not-a-promise",
        "About this notice",
        "This notice does not include information about job applicants.",
        "This notice includes information about job applicants.",
    ),
    (
        "receive-made-protective",
        "Employer reports",
        "Your employer receives your individual results.",
        "Your employer does not receive your individual results.",
    ),
    (
        "sell-explained-in-other-words",
        "Selling",
        "We do not sell your personal information. Our payment processor handles card details on our behalf.",
        "We do not sell your personal information. Put simply, we do not hand it to any company in return for "
        "payment or any other benefit. Our payment processor handles card details on our behalf.",
    ),
    (
        "existing-recipient-explained",
        "Deliveries",
        "We share your order with the courier that delivers it.",
        "We share your order with the courier that delivers it, which may be a partner company in your country.",
    ),
    (
        "recipient-example-including",
        "Claims",
        "We share your claim with loss adjusters.",
        "We share your claim with loss adjusters, including independent adjusters we appoint.",
    ),
    (
        "recipient-reworded",
        "Sharing",
        "We send your order to the company that delivers it.",
        "We send your order to the business that delivers it.",
    ),
]


@pytest.mark.parametrize(("title", "old", "new", "category"), [c[1:] for c in MATERIAL], ids=[c[0] for c in MATERIAL])
def test_general_rule_flags_the_less_protective_edit(title, old, new, category):
    assert_flagged(old, new, category, title)


@pytest.mark.parametrize(("title", "old", "new"), [c[1:] for c in NOT_MATERIAL], ids=[c[0] for c in NOT_MATERIAL])
def test_general_rule_leaves_the_harmless_edit_alone(title, old, new):
    assert_silent(old, new, title)


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
