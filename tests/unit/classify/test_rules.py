"""Each rule in both directions: the less protective edit is material, the more protective one is not."""

from __future__ import annotations

import pytest

from tests.unit.classify.helpers import categories, findings_for

# (id, section title, old body, new body, expected category)
MATERIAL = [
    # new_purpose
    (
        "ai-training-prose",
        "How we use information",
        "We use your messages to provide the service.",
        "We use your messages to provide the service and to train our machine learning models.",
        "new_purpose",
    ),
    (
        "ai-training-list",
        "How we use information",
        "We use account information to:\n\n- run your account;\n- send receipts.",
        "We use account information to:\n\n- run your account;\n- send receipts;\n- develop and train artificial "
        "intelligence features.",
        "new_purpose",
    ),
    (
        "profiling",
        "Purposes",
        "We process usage data to keep the service secure.",
        "We process usage data to keep the service secure and for profiling.",
        "new_purpose",
    ),
    (
        "automated-decisions",
        "How we use your data",
        "A member of staff reviews every application.",
        "Applications are assessed by automated decision-making, and a member of staff reviews some of them.",
        "new_purpose",
    ),
    (
        "targeted-ads",
        "Use of information",
        "We use your purchase history to process returns.",
        "We use your purchase history to process returns and to show you personalised advertising.",
        "new_purpose",
    ),
    (
        "purpose-table-row",
        "Purposes and legal bases",
        "| Purpose | Legal basis |\n|---|---|\n| Billing | Contract |",
        "| Purpose | Legal basis |\n|---|---|\n| Billing | Contract |\n| Product research panels | Legitimate "
        "interests |",
        "new_purpose",
    ),
    # new_data_category
    (
        "precise-location",
        "Information we collect",
        "We collect your name, email address and the pages you view.",
        "We collect your name, email address, the pages you view and your precise location.",
        "new_data_category",
    ),
    (
        "biometric-list",
        "Information we collect",
        "When you sign up we collect:\n\n- your name;\n- your email address.",
        "When you sign up we collect:\n\n- your name;\n- your email address;\n- a scan of your fingerprint.",
        "new_data_category",
    ),
    (
        "health",
        "What we collect",
        "The app records your workouts.",
        "The app records your workouts and your heart rate.",
        "new_data_category",
    ),
    (
        "contacts",
        "Data we process",
        "If you invite a colleague we ask for their email address.",
        "If you invite a colleague we upload your address book to find them.",
        "new_data_category",
    ),
    (
        "voice",
        "Information we collect",
        "Support calls are summarised in a ticket.",
        "Support calls are summarised in a ticket, and voice recordings of the call are stored.",
        "new_data_category",
    ),
    (
        "data-list-generic",
        "Information we collect automatically",
        "We automatically collect:\n\n- IP address;\n- browser type.",
        "We automatically collect:\n\n- IP address;\n- browser type;\n- the list of other apps installed on your "
        "phone.",
        "new_data_category",
    ),
    # new_recipients
    (
        "ad-partners",
        "How we share information",
        "We share personal information with service providers who host our systems.",
        "We share personal information with service providers who host our systems and with advertising partners.",
        "new_recipients",
    ),
    (
        "data-brokers-list",
        "Sharing",
        "We share information with:\n\n- payment processors;\n- our auditors.",
        "We share information with:\n\n- payment processors;\n- our auditors;\n- data brokers.",
        "new_recipients",
    ),
    (
        "recipient-row",
        "Recipients",
        "| Recipient | Purpose |\n|---|---|\n| Hosting provider | Hosting |",
        "| Recipient | Purpose |\n|---|---|\n| Hosting provider | Hosting |\n| Insurance partners | Quotes |",
        "new_recipients",
    ),
    (
        "named-recipient",
        "Who we share data with",
        "We send your address to our courier so that your order arrives.",
        "We send your address to our courier so that your order arrives. We also share order data with Nimbus "
        "Insights Ltd.",
        "new_recipients",
    ),
    (
        "starting-to-sell",
        "Sharing",
        "We share information with our payment provider.",
        "We share information with our payment provider. We may sell aggregated customer lists to other companies.",
        "new_recipients",
    ),
    # longer_retention
    (
        "retention-table",
        "How long we keep information",
        "| Category | Period |\n|---|---|\n| Support tickets | 2 years after the ticket is closed |",
        "| Category | Period |\n|---|---|\n| Support tickets | 3 years after the ticket is closed |",
        "longer_retention",
    ),
    (
        "retention-words",
        "Retention",
        "We delete your account data six months after you close your account.",
        "We delete your account data two years after you close your account.",
        "longer_retention",
    ),
    (
        "retention-days-to-months",
        "Data retention",
        "Server logs are erased after 14 days.",
        "Server logs are erased after 3 months.",
        "longer_retention",
    ),
    (
        "slower-deletion",
        "Deleting your data",
        "When you delete a file it is removed from our backups within 30 days.",
        "When you delete a file it is removed from our backups within 90 days.",
        "longer_retention",
    ),
    (
        "indefinite",
        "Retention",
        "We keep chat transcripts for 12 months.",
        "We keep chat transcripts indefinitely.",
        "longer_retention",
    ),
    (
        "retention-in-other-section",
        "Newsletter",
        "Opening and click data is erased after 12 months.",
        "Opening and click data is erased after 24 months.",
        "longer_retention",
    ),
    # rights_reduced
    (
        "right-list-item-removed",
        "Your rights",
        "You have the right to:\n\n- access your data;\n- correct it;\n- delete it;\n- object to processing.",
        "You have the right to:\n\n- access your data;\n- correct it;\n- delete it.",
        "rights_reduced",
    ),
    (
        "cannot-opt-out",
        "Your choices",
        "You can opt out of marketing emails at any time.",
        "You cannot opt out of marketing emails while you have an account.",
        "rights_reduced",
    ),
    (
        "fee-added",
        "Your rights",
        "You can ask for a copy of your data free of charge.",
        "You can ask for a copy of your data; we charge a fee of 25 euros per request.",
        "rights_reduced",
    ),
    (
        "by-post-only",
        "Exercising your rights",
        "You can send requests by email or through your account settings.",
        "Requests must be sent in writing by post.",
        "rights_reduced",
    ),
    (
        "notarised",
        "Your rights",
        "To make a request, email our privacy team.",
        "To make a request, email our privacy team with a notarised copy of your passport.",
        "rights_reduced",
    ),
    (
        "response-time",
        "Your rights",
        "We respond to requests within one month.",
        "We respond to requests within three months.",
        "rights_reduced",
    ),
    (
        "opt-out-sentence-removed",
        "Marketing",
        "We send offers by email. You can unsubscribe at any time using the link in each email.",
        "We send offers by email.",
        "rights_reduced",
    ),
    # transfer_mechanism
    (
        "new-country",
        "International transfers",
        "Your data is stored in data centres in Germany.",
        "Your data is stored in data centres in Germany and India.",
        "transfer_mechanism",
    ),
    (
        "mechanism-swap",
        "Transfers outside the EEA",
        "Transfers to the United States rely on the Standard Contractual Clauses.",
        "Transfers to the United States rely on the EU-US Data Privacy Framework.",
        "transfer_mechanism",
    ),
    (
        "mechanism-dropped",
        "International transfers",
        "We rely on Binding Corporate Rules and the Standard Contractual Clauses.",
        "We rely on the Standard Contractual Clauses.",
        "transfer_mechanism",
    ),
    (
        "no-transfers-to-transfers",
        "Transfers to third countries",
        "Personal data is processed only within the EU.",
        "Personal data may be transferred to service providers outside the EU.",
        "transfer_mechanism",
    ),
    # controller_identity
    (
        "controller-renamed",
        "Who we are",
        "Copper Kettle Teas GmbH is the controller responsible for your data.",
        "Leaf Holdings AG is the controller responsible for your data.",
        "controller_identity",
    ),
    (
        "acquired",
        "About us",
        "Fernwood is an independent company based in Leeds.",
        "Fernwood is an independent company based in Leeds. Fernwood has been acquired by Globex Corporation.",
        "controller_identity",
    ),
    (
        "joint-controller",
        "Controller",
        "We are the controller of your personal data.",
        "We and our parent company are joint controllers of your personal data.",
        "controller_identity",
    ),
    # children
    (
        "age-lowered",
        "Children",
        "Our service is not directed to children under 16.",
        "Our service is not directed to children under 13.",
        "children",
    ),
    (
        "min-age-lowered",
        "Who can use the app",
        "You must be at least 18 years old to create an account.",
        "You must be at least 13 years old to create an account.",
        "children",
    ),
    (
        "parental-consent-removed",
        "Children",
        "Children between 13 and 16 can use the app with parental consent.",
        "Children between 13 and 16 can use the app.",
        "children",
    ),
    # negation_removed
    (
        "may-sell",
        "Sale of data",
        "We do not sell your personal information.",
        "We may sell your personal information.",
        "negation_removed",
    ),
    (
        "never-share",
        "Sharing",
        "We will never share your health data with insurers.",
        "We will share your health data with insurers where permitted.",
        "negation_removed",
    ),
    (
        "exception-added",
        "Sharing",
        "We do not share your personal information with third parties.",
        "We do not share your personal information with third parties, except our marketing partners.",
        "negation_removed",
    ),
    (
        "promise-removed",
        "How we use information",
        "We analyse usage. We do not use the content of your messages to develop our products.",
        "We analyse usage.",
        "negation_removed",
    ),
    (
        "passive-no-transfer",
        "Transfers",
        "No personal data is transferred to countries outside the EU/EEA.",
        "Personal data is transferred to countries outside the EU/EEA where our providers operate.",
        "negation_removed",
    ),
    # section_removed
    (
        "subsection-removed",
        "Your rights",
        "### Access\n\nYou can ask for a copy of your information at any time by writing to us.\n\n"
        "### Objection\n\nYou can object to processing based on legitimate interests, and we will stop unless we "
        "have compelling grounds.",
        "### Access\n\nYou can ask for a copy of your information at any time by writing to us.",
        "section_removed",
    ),
]

NOT_MATERIAL = [
    (
        "shorter-retention",
        "How long we keep information",
        "| Category | Period |\n|---|---|\n| Support tickets | 3 years after the ticket is closed |",
        "| Category | Period |\n|---|---|\n| Support tickets | 2 years after the ticket is closed |",
    ),
    (
        "shorter-retention-words",
        "Retention",
        "We delete your account data two years after you close your account.",
        "We delete your account data six months after you close your account.",
    ),
    (
        "faster-deletion",
        "Deleting your data",
        "Deleted files are removed from backups within 90 days.",
        "Deleted files are removed from backups within 30 days.",
    ),
    (
        "finite-instead-of-indefinite",
        "Retention",
        "We keep chat transcripts indefinitely.",
        "We keep chat transcripts for 12 months.",
    ),
    (
        "right-added",
        "Your rights",
        "You have the right to:\n\n- access your data;\n- delete it.",
        "You have the right to:\n\n- access your data;\n- delete it;\n- receive it in a portable format.",
    ),
    (
        "choice-added",
        "Your choices",
        "You can unsubscribe from marketing emails.",
        "You can unsubscribe from marketing emails, and you can turn off personalised recommendations in settings.",
    ),
    (
        "faster-response",
        "Your rights",
        "We respond to requests within one month.",
        "We respond to requests within 15 days.",
    ),
    (
        "recipient-removed",
        "Sharing",
        "We share information with:\n\n- payment processors;\n- advertising partners.",
        "We share information with:\n\n- payment processors.",
    ),
    (
        "age-raised",
        "Children",
        "Our service is not directed to children under 13.",
        "Our service is not directed to children under 16.",
    ),
    (
        "promise-added",
        "Sharing",
        "We share information with our payment provider.",
        "We share information with our payment provider. We do not sell personal information.",
    ),
    (
        "no-ads-added",
        "How we use information",
        "We use your data to provide the service.",
        "We use your data to provide the service. We do not use it for advertising or profiling.",
    ),
    (
        "purpose-removed",
        "How we use information",
        "We use your data to provide the service and to show you targeted advertising.",
        "We use your data to provide the service.",
    ),
    (
        "country-removed",
        "International transfers",
        "Your data is stored in Germany and the United States.",
        "Your data is stored in Germany.",
    ),
    (
        "encryption-added",
        "Security",
        "We protect your data with access controls.",
        "We protect your data with access controls and encrypt it at rest.",
    ),
    (
        "parental-consent-added",
        "Children",
        "Children between 13 and 16 can use the app.",
        "Children between 13 and 16 can use the app with parental consent.",
    ),
    (
        "clarification",
        "How we use information",
        "We use your email address to send you receipts.",
        "We use your email address to send you receipts for purchases you make, so that you have a record of them.",
    ),
    (
        "clarification-example",
        "Information we collect",
        "We collect information about how you use the service.",
        "We collect information about how you use the service, for example which pages you open and when.",
    ),
    (
        "contact-details",
        "Contact us",
        "Write to us at 5 Chandlery Court, Dublin 2, D02 FX47, or email privacy@fernleaf.example.",
        "Write to us at 12 Harbour Street, Dublin 1, D01 K2P3, or email dpo@fernleaf.example.",
    ),
    (
        "phone-changed",
        "Contact us",
        "Call our privacy team on +44 20 7946 0000.",
        "Call our privacy team on +44 20 7946 0999.",
    ),
    (
        "link-target",
        "Cookies",
        "See our [cookie policy](https://example.com/cookies) for details.",
        "See our [cookie policy](https://example.com/legal/cookie-policy) for details.",
    ),
    (
        "typo",
        "Information we collect",
        "We only recieve the last four digits of your card.",
        "We only receive the last four digits of your card.",
    ),
    ("capitalisation", "Sharing", "We share data with Service Providers.", "We share data with service providers."),
    (
        "punctuation",
        "Sharing",
        "We share data with processors, auditors and advisers",
        "We share data with processors, auditors, and advisers.",
    ),
    (
        "formatting",
        "Information we collect",
        "- Account information: your name and email.",
        "* **Account information**: your name and *email*.",
    ),
    (
        "reflow",
        "Retention",
        "We keep invoices for six years because tax law\nrequires it.",
        "We keep invoices for six years\nbecause tax law requires it.",
    ),
    (
        "reorder-items",
        "How we use information",
        "We use data to:\n\n- run the service;\n- bill customers;\n- prevent fraud.",
        "We use data to:\n\n- prevent fraud;\n- run the service;\n- bill customers.",
    ),
    (
        "reorder-subsections",
        "Your rights",
        "### Access\n\nYou can ask for a copy of your data.\n\n### Erasure\n\nYou can ask us to delete your data.",
        "### Erasure\n\nYou can ask us to delete your data.\n\n### Access\n\nYou can ask for a copy of your data.",
    ),
    ("contraction", "Sale", "We don't sell personal information.", "We do not sell personal information."),
    ("negation-synonym", "Sale", "We do not sell your data.", "We never sell your data."),
    (
        "subheading-renamed",
        "Your rights",
        "### Access\n\nYou can ask for a copy of your information at any time by writing to us.",
        "### Getting a copy\n\nYou can ask for a copy of your information at any time by writing to us.",
    ),
    (
        "mechanism-abbreviated",
        "International transfers",
        "We rely on the Standard Contractual Clauses.",
        "We rely on the Standard Contractual Clauses (SCCs) approved by the European Commission.",
    ),
    (
        "office-moved",
        "Who we are",
        "Our registered office is at 1 Main Street, Dublin, Ireland.",
        "Our registered office is at 20 Quay Road, Cork, Ireland.",
    ),
    (
        "us-spelling",
        "How we use information",
        "We analyse usage to prioritise the features our organisation builds.",
        "We analyze usage to prioritize the features our organization builds.",
    ),
]


@pytest.mark.parametrize(("title", "old", "new", "category"), [c[1:] for c in MATERIAL], ids=[c[0] for c in MATERIAL])
def test_material_edit_is_detected(title, old, new, category):
    found = categories(old, new, title=title)
    assert category in found, f"expected {category}, got {found or 'nothing'}"


@pytest.mark.parametrize(("title", "old", "new"), [c[1:] for c in NOT_MATERIAL], ids=[c[0] for c in NOT_MATERIAL])
def test_protective_or_cosmetic_edit_is_not_material(title, old, new):
    found = findings_for(old, new, title=title)
    assert found == [], "\n".join(str(f) for f in found)


def test_retention_message_names_the_subject_and_both_periods():
    (finding,) = findings_for(
        "| Category | Period |\n|---|---|\n| Support tickets | 2 years after the ticket is closed |",
        "| Category | Period |\n|---|---|\n| Support tickets | 3 years after the ticket is closed |",
        title="How long we keep information",
    )
    assert finding.rule == "retention-longer"
    assert finding.message == "Retention for support tickets goes from 2 years to 3 years"
    assert finding.before == "Support tickets | 2 years after the ticket is closed"
    assert finding.after == "Support tickets | 3 years after the ticket is closed"


def test_negation_message():
    (finding,) = findings_for("We do not sell your personal information.", "We may sell your personal information.")
    assert (finding.rule, finding.category) == ("negation-removed", "negation_removed")
    assert finding.message == "A promise not to sell was removed or reversed"


def test_purpose_message_quotes_the_inserted_words():
    (finding,) = findings_for(
        "We use your messages to provide the service.",
        "We use your messages to provide the service and to train our machine learning models.",
        title="How we use information",
    )
    assert finding.rule == "purpose-added"
    assert "AI/ML model training" in finding.message
    assert "machine learning" in finding.message


def test_sensitive_section_makes_any_substantive_change_material():
    old, new = "We use health data to show your progress.", "We use health data to show your weekly progress."
    assert findings_for(old, new) == []
    (finding,) = findings_for(old, new, sensitivity="high", title="Health data")
    assert (finding.rule, finding.category, finding.section) == ("sensitive-section", "sensitive_section", "about")
    assert "'Health data' is marked sensitivity: high" in finding.message


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("We Use Health Data.", "We use health data."),
        ("We use health data to show\nyour progress.", "We use health data to show your progress."),
        ("Email privacy@a.example.", "Email dpo@a.example."),
        ("We recieve health data.", "We receive health data."),
    ],
    ids=["case", "reflow", "contact", "typo"],
)
def test_sensitive_section_ignores_cosmetic_changes(old, new):
    assert findings_for(old, new, sensitivity="high") == []


def test_extra_terms_from_the_configuration():
    from noticekit.classify import MaterialConfig

    config = MaterialConfig(extra_terms={"new_purpose": ("lookalike modelling",), "children": ("school accounts",)})
    old, new = (
        "We use your data to run the service.",
        "We use your data to run the service and for lookalike modelling.",
    )
    # Without the configuration only the safety net speaks, asking for a review; with it, the
    # configured term names the purpose.
    assert [f.rule for f in findings_for(old, new)] == ["practice-added"]
    (finding,) = findings_for(old, new, config)
    assert (finding.rule, finding.category) == ("purpose-added", "new_purpose")
    assert "lookalike modelling" in finding.message
    (finding,) = findings_for("We offer personal accounts.", "We offer personal accounts and school accounts.", config)
    assert (finding.rule, finding.category) == ("custom-term", "children")


def test_findings_are_deterministic_and_in_reading_order():
    old = "We keep logs for 30 days.\n\nWe do not sell data.\n\nWe collect your name."
    new = "We keep logs for 90 days.\n\nWe may sell data.\n\nWe collect your name and your precise location."
    first = findings_for(old, new, title="About")
    assert [f.rule for f in first] == ["retention-longer", "negation-removed", "data-category-added"]
    assert first == findings_for(old, new, title="About")
