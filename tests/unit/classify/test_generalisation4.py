"""The general rules written after the fourth evaluation set, on new cases in other wording.

* a safeguard stated with "without" turned into "with" ("saved without sound" -> "with the sound");
* a consent condition on a disclosure dropped while the sentence is rewritten around another
  condition ("shall not disclose ... without consent, save where the law requires" -> "may disclose
  ... where the funder requires it");
* a disclosure slipped in as an exception to a promise that data stays with us ("except that we pass
  ... to our partner galleries"), with several words between the verb and "to";
* the event a retention period runs from replaced by another one ("six months from the decision" ->
  "until six months after the flat is next let");
* a window put inside a right ("you can, within 7 days of the decision, ask for a review");
* the subject of "is the controller" replaced (a franchisee, a merged company, one-word brand names);
* not material: a definition opened by "Under California law,"; a reason for keeping data that names
  an organisation ("questions from the police"); street names in a representative's address.
"""

from __future__ import annotations

import pytest

from tests.unit.classify.helpers import assert_flagged, assert_silent

# (id, section title, old body, new body, expected category)
MATERIAL = [
    # ------------------------------------------------------------ "without X" turned into "with X"
    (
        "doorbell-without-audio",
        "What the doorbell records",
        "Recordings are stored without audio.",
        "Recordings are stored with the audio captured during the event.",
        "new_data_category",
    ),
    (
        "dashcam-without-location",
        "Journey clips",
        "Each clip is uploaded to your account without the car's GPS position.",
        "Each clip is uploaded to your account with the car's GPS position attached.",
        "new_data_category",
    ),
    (
        "survey-without-names",
        "Staff survey",
        "The Provider shall deliver survey answers to the Employer without respondents' names.",
        "The Provider shall deliver survey answers to the Employer with respondents' names.",
        "new_data_category",
    ),
    # ------------------------------------------------------------ consent condition dropped in a rewrite
    (
        "bank-consent-dropped-rewrite",
        "Sharing with credit agencies",
        "The Bank shall not disclose your account history to any agency without your prior written consent, "
        "except where the law requires it.",
        "The Bank may disclose your account history to an agency where the agency requests it for a credit "
        "check, and shall otherwise do so only where the law requires it.",
        "negation_removed",
    ),
    (
        "school-consent-dropped-plain",
        "Sharing with other schools",
        "We will not send a pupil's records to another school without asking the parents first, unless a court "
        "orders us to.",
        "We may send a pupil's records to another school when the pupil moves, and will otherwise do so only "
        "if a court orders us to.",
        "negation_removed",
    ),
    (
        "research-consent-to-committee",
        "Research",
        "We will not share your health data with researchers unless you agree.",
        "We may share your health data with researchers where an ethics committee approves the study.",
        "negation_removed",
    ),
    # ------------------------------------------------------------ disclosure slipped in as an exception
    (
        "gym-except-pass-partners",
        "Who sees your details",
        "Your details stay with us. Our card printer receives your name, phone number and email address so "
        "that it can print and send your card.",
        "Your details stay with us, except that we pass your name, phone number and email address to "
        "our partner spas so they can offer you discounts. Our card printer receives your name, phone number "
        "and email address so that it can print and send your card.",
        "new_recipients",
    ),
    (
        "library-hand-over-exception",
        "Sharing",
        "We keep your borrowing history to ourselves.",
        "We keep your borrowing history to ourselves, apart from handing your reading lists and your "
        "name over to local bookshops for their newsletters.",
        "new_recipients",
    ),
    # ------------------------------------------------------------ retention anchored to a later event
    (
        "hr-anchor-later-event",
        "How long we keep applications",
        "We keep unsuccessful applications for twelve months from the date we reject them.",
        "We keep unsuccessful applications until twelve months after the vacancy is next filled.",
        "longer_retention",
    ),
    (
        "clinic-anchor-last-visit",
        "Keeping records",
        "Records are kept for 8 years after your treatment.",
        "Records are kept for 8 years after the patient's last contact with any of our clinics.",
        "longer_retention",
    ),
    (
        "cctv-retention-and-police",
        "How long we keep footage",
        "We keep CCTV footage for 31 days.",
        "We keep CCTV footage for 31 days and give copies to the police when they ask.",
        "new_recipients",
    ),
    (
        "app-anchor-stop-using",
        "How long we keep your data",
        "We keep your workout history for one year from the date it is recorded.",
        "We keep your workout history for one year after you stop using the app.",
        "longer_retention",
    ),
    # ------------------------------------------------------------ a window put inside a right
    (
        "insurer-window-inside-right",
        "Automated decisions",
        "If a claim is refused automatically you may ask for a person to look at it again.",
        "If a claim is refused automatically you may, no later than 14 days after the refusal, ask for a "
        "person to look at it again.",
        "rights_reduced",
    ),
    (
        "platform-window-clause",
        "Your rights",
        "You can contest any decision to close your account.",
        "You can contest a decision to close your account, within 10 days of being told about it.",
        "rights_reduced",
    ),
    (
        "appeal-requests-must",
        "Your rights",
        "You can appeal against any decision we make about your request.",
        "You can appeal against any decision we make about your request. Appeals must be made within 14 days.",
        "rights_reduced",
    ),
    (
        "review-you-have-days",
        "Automated decisions",
        "If our system rejects your application, you can ask for a person to review it.",
        "If our system rejects your application, you have 10 days to ask for a person to review it.",
        "rights_reduced",
    ),
    # ------------------------------------------------------------ the controller's subject replaced
    (
        "controller-is-x-swap",
        "Who is responsible",
        "The controller of your data is Voltra.",
        "The controller of your data is Brightgrid.",
        "controller_identity",
    ),
    (
        "provided-by-merged",
        "About us",
        "Your service is provided by Parla Ltd.",
        "Your service is provided by Parlanet Ltd, formed by the merger of Parla and Northwave.",
        "controller_identity",
    ),
    (
        "gym-franchise-controller",
        "Who we are",
        "Flexfit Ltd is the controller of your personal data at every Flexfit club.",
        "Each Flexfit club is run by a franchise partner, and the franchise partner that runs your club is "
        "the controller of your personal data.",
        "controller_identity",
    ),
    (
        "utility-one-word-brand",
        "Who is responsible",
        "Voltra is the data controller for your account.",
        "Brightgrid, which bought Voltra's customer book, is the data controller for your account.",
        "controller_identity",
    ),
    (
        "telco-merged-company",
        "Who is responsible",
        "Your broadband is provided by Linkway. Linkway is the controller of your data.",
        "Your broadband is provided by Linkway. Fibrelink, the company formed by the merger of Linkway and "
        "Coastnet, is the controller of your data.",
        "controller_identity",
    ),
]

NOT_MATERIAL = [
    (
        "without-more-left-out",
        "Reports",
        "We send monthly reports to your employer without your name.",
        "We send monthly reports to your employer without your name or your address.",
    ),
    (
        "without-kept",
        "What the doorbell records",
        "Recordings are stored without audio.",
        "Recordings are stored without audio and without the faces of passers-by.",
    ),
    (
        "window-lengthened",
        "Your rights",
        "You can, within 7 days of the decision, ask for a review.",
        "You can, within 30 days of the decision, ask for a review.",
    ),
    (
        "our-response-time-added",
        "Your rights",
        "You can ask for a copy of your data.",
        "You can ask for a copy of your data, and we will send it to you within 30 days.",
    ),
    (
        "retention-anchor-earlier",
        "Keeping records",
        "We keep order records for two years after your account closes.",
        "We keep order records for two years after the order is delivered.",
    ),
    (
        "controller-named-from-we",
        "Who we are",
        "Keystone Lettings is a trading name of Keystone Property Services Ltd. We are the controller of your data.",
        "Keystone Lettings is a trading name of Keystone Property Services Ltd. Keystone Property Services Ltd "
        "is the controller of your data.",
    ),
    (
        "controller-described-as-known-company",
        "Who we are",
        "Brightway Ltd runs the Brightway app. Brightway Ltd is the controller of your data.",
        "Brightway Ltd runs the Brightway app. The company that runs the Brightway app is the controller of your data.",
    ),
    (
        "exception-names-known-recipient",
        "Who sees your details",
        "Your details stay with us. Our card printer receives your name so that it can print your card.",
        "Your details stay with us, apart from your name, which our card printer receives so that it can print "
        "your card.",
    ),
    (
        "without-to-with-consent",
        "Sharing",
        "We share your results with your GP without asking you.",
        "We share your results with your GP with your consent.",
    ),
    (
        "definition-under-law",
        "Do we sell your information?",
        "No. We do not sell your personal information.",
        'No. We do not sell your personal information. Under Virginia law, a "sale" includes giving personal '
        "data to a third party for money.",
    ),
    (
        "definition-for-purposes",
        "Selling",
        "We do not sell your data.",
        "We do not sell your data. For the purposes of this notice, selling means exchanging personal data with "
        "another company for payment.",
    ),
    (
        "retention-reason-names-insurer",
        "How long we keep footage",
        "We keep CCTV footage for 31 days.",
        "We keep CCTV footage for 31 days, which gives enough time to answer questions from insurers after "
        "an incident.",
    ),
    (
        "retention-anchor-reworded",
        "How long we keep applications",
        "We keep unsuccessful applications for twelve months from the date we tell you the outcome.",
        "We keep unsuccessful applications for twelve months from the day we tell you the outcome.",
    ),
    (
        "representative-address-moved",
        "Our representative",
        "Our EU representative is Repco Services, 14 Harbour Street, Dublin 2, Ireland.",
        "Our EU representative is Repco Services, 2nd Floor, 80 Merrion Square, Dublin 2, Ireland.",
    ),
    (
        "controller-subject-reworded",
        "Who we are",
        "Flexfit Ltd is the controller of your personal data.",
        "Flexfit Ltd is the data controller of your personal data.",
    ),
]


@pytest.mark.parametrize(("title", "old", "new", "category"), [c[1:] for c in MATERIAL], ids=[c[0] for c in MATERIAL])
def test_general_rule_flags_the_less_protective_edit(title, old, new, category):
    assert_flagged(old, new, category, title)


@pytest.mark.parametrize(("title", "old", "new"), [c[1:] for c in NOT_MATERIAL], ids=[c[0] for c in NOT_MATERIAL])
def test_general_rule_leaves_the_harmless_edit_alone(title, old, new):
    assert_silent(old, new, title)
