"""The general rules written after the second evaluation set, on new dev cases in other registers.

Each generalisation has cases in registers the evaluation sets do not use (contract-style legal
third person, US CCPA disclosures, question-and-answer notices) and in both directions:

* a new practice in words no family knows (the ``practice-added`` safety net);
* a list written in a sentence, item or table cell that gains an element (``list-grew``);
* retention stated in words ("as soon as", "kept after you delete", a new entry in a list of what we keep);
* qualifiers that hollow out a promise or a right ("without first", "where the law permits");
* defaults switched from off to on ("opt-in" -> "opt-out"), especially for children;
* acquisitions and group membership;
* lettered legal lists "(a) ... (b) ...", and limits on use dropped ("for no other purpose").

The non-material cases are what a recall-oriented rule must leave alone: definitions, summaries,
examples, contact channels, reader features, security, consent-gated features, lists reformatted or
moved, protective defaults and shorter periods.
"""

from __future__ import annotations

import pytest

from tests.unit.classify.helpers import assert_flagged, assert_silent, findings_for

# (id, section title, old body, new body, expected category)
MATERIAL = [
    # ---------------------------------------------------------------- (a) a new practice in other words
    (
        "legal-renewal-likelihood",
        "Purposes of Processing",
        "The Company processes Customer Data to provide the Services and to comply with its legal obligations.",
        "The Company processes Customer Data to provide the Services, to evaluate the likelihood that a Customer "
        "will renew its subscription, and to comply with its legal obligations.",
        "new_purpose",
    ),
    (
        "ccpa-rank-shoppers",
        "How We Use Personal Information",
        "We use commercial information to fulfill orders and process returns.",
        "We use commercial information to fulfill orders, process returns and rank shoppers by expected lifetime "
        "value.",
        "new_purpose",
    ),
    (
        "qa-voice-stress",
        "Your coaching sessions",
        "### What happens to my voice notes?\n\nWe transcribe them so that your coach can read them.",
        "### What happens to my voice notes?\n\nWe transcribe them so that your coach can read them, and we "
        "gauge your stress level from the tone of your voice.",
        "new_purpose",
    ),
    (
        "legal-passive-matched",
        "Use of Account Data",
        "Account Data is used for the administration of the Account.",
        "Account Data is used for the administration of the Account and is matched against publicly available "
        "social media profiles.",
        "new_data_category",
    ),
    (
        "qa-wishlist-available",
        "Who else sees my information?",
        "We send your order to the warehouse that packs it.",
        "We send your order to the warehouse that packs it. We also make your wish list available to the brands "
        "whose products you saved.",
        "new_recipients",
    ),
    (
        "app-scans-photo-library",
        "What the app reads from your phone",
        "The app reads your step count from your phone.",
        "The app reads your step count from your phone and scans your photo library for receipts.",
        "new_data_category",
    ),
    (
        "legal-archived-id-documents",
        "Verification of Identity",
        "The Company checks the identity document of each Customer at registration.",
        "The Company checks the identity document of each Customer at registration. Copies of identity documents "
        "are archived in the Company's document management system.",
        "longer_retention",
    ),
    (
        "lettered-list-propensity",
        "Purposes",
        "The Controller processes Personal Data for the following purposes:\n\n"
        "(a) performance of the contract with the Data Subject;\n"
        "(b) compliance with accounting obligations.",
        "The Controller processes Personal Data for the following purposes:\n\n"
        "(a) performance of the contract with the Data Subject;\n"
        "(b) compliance with accounting obligations;\n"
        "(c) assessment of the Data Subject's propensity to purchase additional products.",
        "new_purpose",
    ),
    (
        "qa-churn-detection",
        "Questions about your account data",
        "### Why do you look at my usage?\n\nTo fix bugs and to plan how many servers we need.",
        "### Why do you look at my usage?\n\nTo fix bugs, to plan how many servers we need, and to detect which "
        "subscribers are about to cancel so our retention team can call them.",
        "new_purpose",
    ),
    # ---------------------------------------------------------------- (b) lists in sentences, items and cells
    (
        "ccpa-table-disclosed-to",
        "Categories of Personal Information",
        "| Category | Sources | Disclosed to |\n|---|---|---|\n| Identifiers | You | Payment processors |",
        "| Category | Sources | Disclosed to |\n|---|---|---|\n| Identifiers | You | Payment processors, property "
        "managers |",
        "new_recipients",
    ),
    (
        "legal-prospective-investors",
        "Disclosure of Personal Data",
        "Personal Data may be disclosed to auditors and legal advisers.",
        "Personal Data may be disclosed to auditors, legal advisers and prospective investors.",
        "new_recipients",
    ),
    (
        "qa-car-registration",
        "Questions about your data",
        "### What do you collect?\n\nYour name, your delivery address and your order history.",
        "### What do you collect?\n\nYour name, your delivery address, your order history and your car "
        "registration number.",
        "new_data_category",
    ),
    (
        "row-cell-shift-pattern",
        "Information from your employer",
        "| Source | What we receive |\n|---|---|\n| Your employer | Name, work email |",
        "| Source | What we receive |\n|---|---|\n| Your employer | Name, work email, shift pattern |",
        "new_data_category",
    ),
    (
        "collect-sentence-wifi",
        "Device information",
        "We collect your device model and operating system version.",
        "We collect your device model, operating system version and the names of Wi-Fi networks near you.",
        "new_data_category",
    ),
    (
        "list-after-a-denial-clause",
        "Sharing",
        "We do not sell your data, but we share it with couriers and payment processors.",
        "We do not sell your data, but we share it with couriers, payment processors and debt purchasers.",
        "new_recipients",
    ),
    # ---------------------------------------------------------------- (c) retention in words
    (
        "legal-without-undue-delay",
        "Retention",
        "Upon termination of the Agreement, Customer Data shall be deleted without undue delay.",
        "Upon termination of the Agreement, Customer Data shall be retained for a period of twenty-four months.",
        "longer_retention",
    ),
    (
        "qa-discarded-as-soon-as",
        "Call recordings",
        "### Do you keep my recordings?\n\nNo. Recordings are discarded as soon as the transcript is ready.",
        "### Do you keep my recordings?\n\nRecordings are kept for 30 days after the transcript is ready.",
        "longer_retention",
    ),
    (
        "kept-after-you-delete",
        "Deleting your account",
        "Your reviews are deleted when you delete your account.",
        "Your reviews are kept even after you delete your account, but shown without your name.",
        "longer_retention",
    ),
    (
        "ccpa-retained-list-item",
        "Retention of Personal Information",
        "When you close your account we delete your personal information, except that we retain the "
        "following:\n\n- transaction records, for seven years, to meet tax obligations.",
        "When you close your account we delete your personal information, except that we retain the "
        "following:\n\n- transaction records, for seven years, to meet tax obligations;\n"
        "- your browsing history on our site, for three years, to improve our product range.",
        "longer_retention",
    ),
    # ---------------------------------------------------------------- (d) qualifiers that hollow out a promise
    (
        "legal-without-first-undertaking",
        "Confidentiality",
        "The Company shall not disclose Personal Data to any third party.",
        "The Company shall not disclose Personal Data to any third party without first obtaining a written "
        "undertaking of confidentiality.",
        "negation_removed",
    ),
    (
        "ccpa-extent-prohibited",
        "Sensitive Personal Information",
        "We will not use your health information for marketing.",
        "We will not use your health information for marketing to the extent prohibited by law.",
        "negation_removed",
    ),
    (
        "no-plans-to-sell",
        "Do we sell your data?",
        "We never sell your personal data.",
        "We have no current plans to sell your personal data.",
        "negation_removed",
    ),
    (
        "right-where-law-gives",
        "Your rights",
        "You can ask us to correct inaccurate data.",
        "You can ask us to correct inaccurate data where local law gives you that right.",
        "rights_reduced",
    ),
    # ---------------------------------------------------------------- (e) defaults switched
    (
        "location-off-to-on",
        "Location history",
        "Location history is off unless you turn it on.",
        "Location history is on unless you turn it off.",
        "rights_reduced",
    ),
    (
        "ccpa-texts-opt-in-to-opt-out",
        "Text Messages",
        "We send marketing text messages only to customers who opt in.",
        "We send marketing text messages to all customers unless they opt out.",
        "rights_reduced",
    ),
    (
        "children-private-to-public",
        "Members under 16",
        "For members under 16, profiles are private by default.",
        "For members under 16, profiles are public by default.",
        "children",
    ),
    # ---------------------------------------------------------------- (f) acquisitions and groups
    (
        "legal-wholly-owned-subsidiary",
        "Identity of the Controller",
        "Northwind Analytics Ltd is the controller of your personal data.",
        "Northwind Analytics Ltd is the controller of your personal data. On 1 May Northwind Analytics Ltd became a "
        "subsidiary of Harbourline Group plc.",
        "controller_identity",
    ),
    (
        "qa-now-part-of",
        "About us",
        "### Who runs this service?\n\nTidewater Books, an independent bookshop in Bristol.",
        "### Who runs this service?\n\nTidewater Books, which is now part of the Lumen Media family of companies.",
        "controller_identity",
    ),
    (
        "copy-arrives-later",
        "Your rights",
        "You can ask for a copy of your data; it will arrive within a month.",
        "You can ask for a copy of your data; it will arrive within three months.",
        "rights_reduced",
    ),
    (
        "review-window-shorter",
        "If you disagree with a decision",
        "You can ask for the decision to be looked at again by another officer within one month.",
        "You can ask for the decision to be looked at again by another officer within 14 days.",
        "rights_reduced",
    ),
    # ---------------------------------------------------------------- limits on use dropped
    (
        "only-to-deliver-dropped",
        "Your address",
        "We use your delivery address only to deliver your orders.",
        "We use your delivery address to deliver your orders.",
        "negation_removed",
    ),
    (
        "legal-no-other-purpose-dropped",
        "Use of Contact Data",
        "Contact Data is processed for the purpose of answering enquiries and for no other purpose.",
        "Contact Data is processed for the purpose of answering enquiries.",
        "negation_removed",
    ),
]

# (id, section title, old body, new body)
NOT_MATERIAL = [
    (
        "legal-definition-of-processing",
        "Definitions",
        "'Personal Data' means any information relating to an identified or identifiable natural person.",
        "'Personal Data' means any information relating to an identified or identifiable natural person. "
        "'Processing' means any operation performed on Personal Data, including collection, recording, storage, "
        "disclosure and erasure.",
    ),
    (
        "ccpa-definition-item",
        "Definitions",
        "In this notice:\n\n- **Consumer** means a California resident.",
        "In this notice:\n\n- **Consumer** means a California resident.\n- **Sell** means disclosing personal "
        "information to a third party for monetary or other valuable consideration.",
    ),
    (
        "generic-cookie-definition",
        "Cookies",
        "We use cookies to remember your language.",
        "We use cookies to remember your language. A cookie is a small text file stored by your browser.",
    ),
    (
        "qa-in-short",
        "Your privacy at a glance",
        "We collect what we need to run your account.",
        "**In short:** we collect what we need to run your account and we never sell it.\n\n"
        "We collect what we need to run your account.",
    ),
    (
        "example-restatement",
        "Your address",
        "We use your address to deliver orders.",
        "We use your address to deliver orders, for example to print the shipping label and share it with the courier.",
    ),
    (
        "encrypted-storage",
        "Where we store files",
        "We store your files in the EU.",
        "We store your files in the EU, encrypted with keys that only you hold.",
    ),
    (
        "consent-gated-feature",
        "Listening history",
        "We use your listening history to suggest songs.",
        "We use your listening history to suggest songs. We will analyse your listening history to build a yearly "
        "recap only if you switch it on in Settings.",
    ),
    (
        "qa-whatsapp-contact",
        "Questions",
        "### How do I reach you?\n\nEmail privacy@tidewater.example.",
        "### How do I reach you?\n\nEmail privacy@tidewater.example. You can also message us on WhatsApp at "
        "+44 7700 900123.",
    ),
    (
        "fax-in-contact-list",
        "How to contact our privacy office",
        "Our privacy office can be reached by:\n\n- post: 1 Dock Road, Leith;\n- email: dpo@leith.example.",
        "Our privacy office can be reached by:\n\n- post: 1 Dock Road, Leith;\n- email: dpo@leith.example;\n"
        "- fax: +44 131 496 0000.",
    ),
    (
        "reader-export-feature",
        "Your playlists",
        "Your playlists are saved to your account.",
        "Your playlists are saved to your account. You can export your playlists to another service from Settings.",
    ),
    (
        "shorter-as-soon-as",
        "Photos of your items",
        "Photos are deleted within 30 days of your order.",
        "Photos are deleted as soon as your order ships.",
    ),
    (
        "legal-list-set-out",
        "Recipients",
        "The Controller discloses Personal Data to processors, auditors and courts.",
        "The Controller discloses Personal Data to:\n\n- processors;\n- auditors;\n- courts.",
    ),
    (
        "field-made-optional",
        "Sign-up",
        "- Required: name, email address.\n- Optional: phone number.",
        "- Required: name.\n- Optional: email address, phone number.",
    ),
    (
        "default-on-to-off",
        "Ad personalisation",
        "Ad personalisation is on by default.",
        "Ad personalisation is off by default.",
    ),
    (
        "parenthetical-explanation",
        "Information we collect",
        "We collect your name and email address.",
        "We collect your name and email address (the one you sign up with).",
    ),
    (
        "qa-never-sold",
        "Do you sell my data?",
        "No.",
        "No. We have never sold personal data, and nobody pays us for it.",
    ),
    (
        "legal-including-transfers",
        "Processors",
        "The Processor shall process Personal Data only on documented instructions from the Controller.",
        "The Processor shall process Personal Data only on documented instructions from the Controller, including "
        "with regard to transfers.",
    ),
    (
        "reason-added",
        "Invoices",
        "We keep invoices for seven years.",
        "We keep invoices for seven years because tax law requires it.",
    ),
    (
        "security-sentence",
        "Security",
        "We protect your data with access controls.",
        "We protect your data with access controls. Every login to our admin tools is recorded and reviewed.",
    ),
    (
        "only-moved-in-sentence",
        "Sharing",
        "We only share your data with our courier.",
        "We share your data only with our courier.",
    ),
    (
        "ccpa-cross-reference",
        "How We Use Personal Information",
        "We use identifiers to manage your account.",
        "We use the identifiers described in Categories of Personal Information to manage your account.",
    ),
    (
        "new-changes-section",
        "Changes to this notice",
        "Previous versions are in our archive.",
        "Previous versions are in our archive.\n\nWe may update this notice from time to time. When we make a material "
        "change, we will tell you by email and in the app at least 30 days before it takes effect.",
    ),
    (
        "new-legal-bases-sentence",
        "Legal bases",
        "We explain below why the law allows us to use your data.",
        "We explain below why the law allows us to use your data.\n\nWe rely on contract to provide the service, on "
        "legal obligation to keep tax records, and on legitimate interests to keep the service secure.",
    ),
    (
        "new-security-paragraph",
        "How we protect your data",
        "We take security seriously.",
        "We take security seriously.\n\nWe encrypt data in transit and at rest. Access to production systems is "
        "restricted to staff who need it, and every access is logged.",
    ),
    (
        "new-complaints-paragraph",
        "Complaints",
        "Tell us if you are unhappy.",
        "Tell us if you are unhappy.\n\nYou can also complain to the Information Commissioner's Office. We would "
        "appreciate the chance to deal with your concerns first.",
    ),
    (
        "response-time-added",
        "Your rights",
        "You can object at any time.",
        "You can object at any time. You can ask for a copy of your data, and it will arrive within a month.",
    ),
    (
        "addition-to-a-denial",
        "Do we sell your data?",
        "We never sell your personal data.",
        "We never sell your personal data: nobody gives us money, or anything else of value, in return for it.",
    ),
    (
        "you-will-receive",
        "Newsletters",
        "Subscribers get a weekly newsletter.",
        "Subscribers get a weekly newsletter. You will receive it every Friday morning.",
    ),
]


@pytest.mark.parametrize(("title", "old", "new", "category"), [c[1:] for c in MATERIAL], ids=[c[0] for c in MATERIAL])
def test_general_rule_finds_the_material_edit(title, old, new, category):
    assert_flagged(old, new, category, title)


@pytest.mark.parametrize(("title", "old", "new"), [c[1:] for c in NOT_MATERIAL], ids=[c[0] for c in NOT_MATERIAL])
def test_general_rule_leaves_the_harmless_edit_alone(title, old, new):
    assert_silent(old, new, title)


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
