"""Edits written in other registers (legalese, plain words, tables, bold-label lists, nested lists).

These are the detector's own development cases, in phrasings deliberately unlike those of
``test_rules.py``, to check that the rules work on word families and sentence patterns rather than
on fixed wording.
"""

from __future__ import annotations

import pytest

from tests.unit.classify.helpers import findings_for

# (id, section title, old body, new body, expected category)
MATERIAL = [
    (
        "second-promise-dropped",
        "How we use information",
        "We do not read your messages to build features, and we do not use your files to train machine learning "
        "models.",
        "We do not read your messages to build features.",
        "negation_removed",
    ),
    (
        "legalese-purpose",
        "Purposes of processing",
        "The Controller processes Personal Data for the performance of the contract.",
        "The Controller processes Personal Data for the performance of the contract and for the development of "
        "generative AI systems.",
        "new_purpose",
    ),
    (
        "plain-purpose",
        "What we do with your info",
        "We use your info to run the app.",
        "We use your info to run the app and to figure out what you might like to buy, so we can show you ads.",
        "new_purpose",
    ),
    (
        "research",
        "How we use data",
        "We use survey answers to improve the product.",
        "We use survey answers to improve the product and share them with universities for research.",
        "new_purpose",
    ),
    (
        "purpose-new-sentence",
        "How we use your information",
        "We use your contact details to send order updates.",
        "We use your contact details to send order updates. We also use them to assess your creditworthiness.",
        "new_purpose",
    ),
    (
        "data-legalese",
        "Categories of personal data",
        "The Controller processes identification data and contact data.",
        "The Controller processes identification data, contact data and biometric data.",
        "new_data_category",
    ),
    (
        "data-plain",
        "What we collect",
        "We collect your name and your email.",
        "We collect your name, your email and your date of birth.",
        "new_data_category",
    ),
    (
        "data-table",
        "Data we collect",
        "| Data | Source |\n|---|---|\n| Name | You |",
        "| Data | Source |\n|---|---|\n| Name | You |\n| Employer and job title | LinkedIn |",
        "new_data_category",
    ),
    (
        "data-nested",
        "Information we collect",
        "We collect:\n\n- account data, including:\n    - name;\n    - email.",
        "We collect:\n\n- account data, including:\n    - name;\n    - email;\n    - government ID number.",
        "new_data_category",
    ),
    (
        "recipient-legalese",
        "Recipients",
        "Personal data is disclosed to processors bound by Art. 28 GDPR.",
        "Personal data is disclosed to processors bound by Art. 28 GDPR and to affiliated companies within the group.",
        "new_recipients",
    ),
    (
        "recipient-plain",
        "Who sees your info",
        "Only our team sees your info.",
        "Our team sees your info, and so do our marketing partners.",
        "new_recipients",
    ),
    (
        "recipient-public",
        "Your profile",
        "Your profile is visible only to you.",
        "Your profile is visible to other users.",
        "new_recipients",
    ),
    (
        "retention-plain",
        "How long we keep stuff",
        "We hang on to your files for 30 days after you cancel.",
        "We hang on to your files for 60 days after you cancel.",
        "longer_retention",
    ),
    (
        "retention-legalese",
        "Storage period",
        "Personal data shall be erased upon expiry of a period of six (6) months.",
        "Personal data shall be erased upon expiry of a period of twelve (12) months.",
        "longer_retention",
    ),
    (
        "retention-until",
        "Retention",
        "We keep your data until you close your account.",
        "We keep your data for 5 years after you close your account.",
        "longer_retention",
    ),
    (
        "rights-legalese",
        "Data subject rights",
        "The data subject has the right to obtain erasure and the right to data portability.",
        "The data subject has the right to obtain erasure.",
        "rights_reduced",
    ),
    (
        "rights-plain",
        "Your choices",
        "You can turn off location sharing in settings whenever you like.",
        "Location sharing is always on.",
        "rights_reduced",
    ),
    (
        "rights-conditions",
        "Your rights",
        "We will delete your data when you ask.",
        "We will delete your data when you ask, at our sole discretion.",
        "rights_reduced",
    ),
    (
        "rights-complaint",
        "Your rights",
        "If you are unhappy, you can complain to your local data protection authority.",
        "If you are unhappy, please contact us.",
        "rights_reduced",
    ),
    (
        "rights-once-year",
        "Your rights",
        "You can request a copy of your data.",
        "You can request a copy of your data once per year.",
        "rights_reduced",
    ),
    (
        "transfer-legalese",
        "Transfers to third countries",
        "Transfers are based on an adequacy decision of the European Commission.",
        "Transfers are based on standard data protection clauses adopted by the European Commission.",
        "transfer_mechanism",
    ),
    (
        "transfer-plain",
        "Where your data lives",
        "Your data lives on servers in Canada.",
        "Your data lives on servers in Canada and Brazil.",
        "transfer_mechanism",
    ),
    (
        "transfer-worldwide",
        "Where we process data",
        "We process data in the EU.",
        "We process data in the EU and in any country where our providers operate.",
        "transfer_mechanism",
    ),
    (
        "controller-plain",
        "Who we are",
        "This app is run by Pebble Apps Ltd.",
        "This app is run by Granite Media Inc.",
        "controller_identity",
    ),
    (
        "controller-merger",
        "Who we are",
        "Pebble Apps Ltd runs this app.",
        "Pebble Apps Ltd runs this app. Following our merger with Granite Media Inc., Granite Media Inc. is now the "
        "controller.",
        "controller_identity",
    ),
    ("children-plain", "Kids", "Kids under 13 cannot sign up.", "Kids under 10 cannot sign up.", "children"),
    (
        "children-allowed",
        "Children",
        "The service is for adults only.",
        "The service is for adults, and children may create accounts too.",
        "children",
    ),
    (
        "negation-plain",
        "Selling info",
        "We never sell your info. Period.",
        "We don't usually sell your info.",
        "negation_removed",
    ),
    (
        "negation-legalese",
        "Sale of personal data",
        "The Company does not sell Personal Data.",
        "The Company may sell Personal Data to selected partners.",
        "negation_removed",
    ),
    (
        "negation-track",
        "Tracking",
        "We do not track you across other websites.",
        "We track you across other websites to measure ads.",
        "negation_removed",
    ),
    (
        "subsection-legalese",
        "Rights",
        "### Right to object\n\nWhere processing is based on Art. 6(1)(f) GDPR, you may object at any time on "
        "grounds relating to your particular situation.\n\n### Right to complain\n\nYou may lodge a complaint with a "
        "supervisory authority.",
        "### Right to complain\n\nYou may lodge a complaint with a supervisory authority.",
        "section_removed",
    ),
    (
        "label-para-data",
        "Information we hold",
        "**Profile:** your name and photo.\n\n**Orders:** what you bought.",
        "**Profile:** your name and photo.\n\n**Orders:** what you bought.\n\n**Wearable data:** steps, sleep and "
        "resting pulse synced from your watch.",
        "new_data_category",
    ),
    (
        "label-para-recip",
        "Who receives data",
        "**Couriers:** your address.",
        "**Couriers:** your address.\n\n**Lead-generation firms:** your name and phone number, so they can call you "
        "with offers.",
        "new_recipients",
    ),
    (
        "retention-delete-to-keep",
        "Keeping your data",
        "After you cancel we erase your uploads within a week.",
        "After you cancel we hold on to your uploads for five years.",
        "longer_retention",
    ),
    (
        "deletion-to-archive",
        "Deleting your account",
        "When you close your account we delete your posts.",
        "When you close your account we archive your posts.",
        "longer_retention",
    ),
    ("age-or-over", "Eligibility", "Members must be 18 or over.", "Members must be 16 or over.", "children"),
    (
        "age-aged",
        "Who may join",
        "The club is open to people aged 16 and above.",
        "The club is open to people aged 12 and above.",
        "children",
    ),
    (
        "parent-ok-dropped",
        "Young users",
        "Users under 16 need a parent's consent to join.",
        "Users under 16 are encouraged to talk to a parent before joining.",
        "children",
    ),
    (
        "child-verify-dropped",
        "Children",
        "If you are under 13 we verify your parent's approval before opening the account.",
        "If you are under 13 we open the account straight away.",
        "children",
    ),
    (
        "negation-decide",
        "Decisions about you",
        "We do not reject claims without a person looking at them.",
        "Claims may be rejected without a person looking at them.",
        "negation_removed",
    ),
    (
        "negation-without-comma",
        "Using your data",
        "Without your agreement, we never sell your data.",
        "Without your agreement, we may sell your data.",
        "negation_removed",
    ),
]

# (id, section title, old body, new body)
NOT_MATERIAL = [
    (
        "choice-object-is-not-a-purpose",
        "Your choices",
        "You can change your settings.",
        "You can change your settings. We honour browser signals as a request to opt out of targeted advertising.",
    ),
    (
        "prohibition-is-not-a-purpose",
        "Service providers",
        "Our hosting provider stores data in Ireland.",
        "Our hosting provider stores data in Ireland. It is prohibited from using that data to train machine "
        "learning models.",
    ),
    (
        "clar-1",
        "How we use information",
        "We use your information to provide the service.",
        "We use your information to provide, maintain and support the service.",
    ),
    (
        "clar-2",
        "Information we collect",
        "We collect information you give us.",
        "We collect the information you give us when you create an account or contact us.",
    ),
    (
        "clar-3",
        "Sharing",
        "We share data with service providers.",
        "We share data with service providers, who may only use it on our instructions.",
    ),
    (
        "clar-4",
        "Your rights",
        "You can ask us to delete your data.",
        "You can ask us to delete your data. We may need to confirm your identity first.",
    ),
    (
        "clar-5",
        "Retention",
        "We keep data as long as needed.",
        "We keep data only as long as we need it for the purposes in this notice.",
    ),
    (
        "clar-6",
        "International transfers",
        "We use SCCs for transfers to the US.",
        "We use Standard Contractual Clauses (SCCs) for transfers to the United States.",
    ),
    (
        "clar-7",
        "Children",
        "We do not knowingly collect data from children.",
        "We do not knowingly collect personal data from children. If we learn that we have, we delete it.",
    ),
    (
        "clar-8",
        "Legal bases",
        "We rely on legitimate interests.",
        "We rely on our legitimate interests, which we have balanced against your rights.",
    ),
    (
        "clar-9",
        "Who we are",
        "Pebble Apps Ltd runs this app.",
        "Pebble Apps Ltd (company number 12345678) runs this app.",
    ),
    (
        "clar-10",
        "Cookies",
        "We use cookies to keep you signed in.",
        "We use small files called cookies to keep you signed in.",
    ),
    (
        "stronger-1",
        "Sharing",
        "We may share data with partners.",
        "We may share data with partners, but only after you consent.",
    ),
    ("stronger-2", "Retention", "We keep backups for 90 days.", "We keep backups for 35 days, encrypted."),
    (
        "stronger-3",
        "Your rights",
        "You can request a copy by post.",
        "You can request a copy by post, by email or in the app.",
    ),
    ("stronger-4", "Transfers", "Data may be transferred to the US and India.", "Data may be transferred to the US."),
    ("stronger-5", "Children", "Users must be at least 13.", "Users must be at least 16."),
    (
        "stronger-6",
        "How we use information",
        "We use your data for advertising.",
        "We use your data for advertising only if you opt in.",
    ),
    (
        "rights-added-2",
        "Your rights",
        "You can access your data.",
        "You can access your data and appeal our decision if we refuse a request.",
    ),
    (
        "rights-added-3",
        "California",
        "",
        "California residents can also ask us not to sell their data, free of charge.",
    ),
    (
        "contact-2",
        "Contact",
        "Email: privacy@x.example\nPhone: +1 555 0100 0000",
        "Email: legal@x.example\nPhone: +1 555 0199 0000",
    ),
    ("contact-3", "Contact us", "Our DPO is Jane Smith.", "Our DPO is John Brown."),
    (
        "link-2",
        "Your rights",
        "Use the [form](https://a.example/form).",
        "Use the [form](https://a.example/privacy/form).",
    ),
    ("fmt-table-to-list", "Retention", "| Data | Period |\n|---|---|\n| Logs | 14 days |", "- Logs: 14 days"),
    ("fmt-bold", "Sale", "**We do not sell your data.**", "We do *not* sell your data."),
    ("summary-only", "Sale", "We do not sell your data.", "We do not sell your data."),
    (
        "reorder-sentences",
        "Sharing",
        "We share data with processors. We share data with auditors.",
        "We share data with auditors. We share data with processors.",
    ),
    (
        "label-note",
        "Information we collect",
        "**Account:** name and email.",
        "**Account:** name and email.\n\n**Note:** we do not ask for your date of birth.",
    ),
    (
        "label-reworded",
        "Information we collect",
        "**Account:** name and email.",
        "**Account details:** your name and email address.",
    ),
    (
        "delete-shorter-rephrased",
        "Retention",
        "We delete server logs after 90 days.",
        "Server logs are kept for 30 days.",
    ),
    (
        "delete-synonym",
        "Retention",
        "We delete your data when you close your account.",
        "We erase your data when you close your account.",
    ),
    ("delete-remove", "Retention", "We delete inactive accounts.", "We remove inactive accounts."),
    (
        "children-must-reworded",
        "Children",
        "Children must not use the service without a parent's consent.",
        "Children need a parent's consent to use the service.",
    ),
    ("children-clarify", "Children", "Children must not use the service.", "The service is not meant for children."),
    ("age-raise-2", "Eligibility", "Members must be 16 or over.", "Members must be 18 or over."),
    (
        "right-item-purpose-word",
        "Your rights",
        "You can:\n\n- access your data;\n- delete it.",
        "You can:\n\n- access your data;\n- delete it;\n- opt out of targeted advertising.",
    ),
    (
        "choice-disable-ads",
        "Your choices",
        "You can manage cookies in settings.",
        "You can manage cookies in settings. You can also disable personalised ads in the app.",
    ),
    ("no-sold", "Sale", "We do not sell your data.", "No data that we collect is sold."),
    ("nor-share", "Sale", "We do not sell your data, nor do we share it.", "We neither sell nor share your data."),
    (
        "children-verification",
        "Children",
        "We check the age of every user when they sign up.",
        "We ask users to tell us their age when they sign up.",
    ),
]


@pytest.mark.parametrize(("title", "old", "new", "category"), [c[1:] for c in MATERIAL], ids=[c[0] for c in MATERIAL])
def test_material_edit_in_other_wording(title, old, new, category):
    found = {f.category for f in findings_for(old, new, title=title)}
    assert category in found, f"expected {category}, got {found or 'nothing'}"


@pytest.mark.parametrize(("title", "old", "new"), [c[1:] for c in NOT_MATERIAL], ids=[c[0] for c in NOT_MATERIAL])
def test_non_material_edit_in_other_wording(title, old, new):
    found = findings_for(old, new, title=title)
    assert found == [], "\n".join(str(f) for f in found)
