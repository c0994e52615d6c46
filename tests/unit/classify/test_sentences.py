"""Splitting Markdown bodies into units, and the normalisation that makes cosmetic edits compare equal."""

from __future__ import annotations

from noticekit.classify.sentences import normalise, plain_text, split_units
from tests.unit.classify.helpers import body

TEXT = body(
    """
    We collect information when you use the app. Fernleaf Labs Ltd. decides how it is used
    under Art. 6 GDPR, e.g. for billing.

    ### What we collect

    When you sign up we collect:

    - your name;
    - your email address, which we verify.
        - nested detail.

    | Category | Period |
    |---|---|
    | Logs | 14 days |

    !!! note "If you use the app at work"
        Your employer decides.

    **Billing data:** invoices and VAT number.
    """
)


def test_units_in_reading_order_with_kind_heading_and_lead():
    units = split_units(TEXT)
    assert [(u.kind, u.plain) for u in units] == [
        ("text", "We collect information when you use the app."),
        ("text", "Fernleaf Labs Ltd. decides how it is used under Art. 6 GDPR, e.g. for billing."),
        ("heading", "What we collect"),
        ("text", "When you sign up we collect:"),
        ("item", "your name;"),
        ("item", "your email address, which we verify."),
        ("item", "nested detail."),
        ("row", "Category | Period"),
        ("row", "Logs | 14 days"),
        ("heading", "If you use the app at work"),
        ("text", "Your employer decides."),
        ("item", "Billing data: invoices and VAT number."),
    ]
    item = units[4]
    assert (item.heading, item.lead) == ("What we collect", "When you sign up we collect:")
    row = units[8]
    assert (row.first_cell, row.lead) == ("Logs", "When you sign up we collect: Category | Period")


def test_unit_spans_point_into_the_body():
    for unit in split_units(TEXT):
        assert TEXT[unit.start : unit.end] == unit.raw


def test_reflowed_paragraph_gives_the_same_sentences():
    one = split_units("We keep logs for 14 days. Then we delete them.\n")
    two = split_units("We keep logs for\n14 days.\nThen we delete\nthem.\n")
    assert [u.norm for u in one] == [u.norm for u in two]


def test_plain_text_drops_markdown_and_link_targets():
    assert plain_text("See **our** [cookie policy](https://a.example/c) and *this*[^1].") == (
        "See our cookie policy and this."
    )


def test_normalise_folds_case_contractions_punctuation_and_contact_details():
    assert normalise("We DON'T sell data; we can't.") == "we do not sell data we can not"
    assert normalise("Email privacy@a.example or call +44 20 7946 0000.") == "email zzemail or call zzphone"
    assert normalise("Visit https://a.example/x, or www.b.example.") == "visit zzurl or zzurl"
    assert normalise("opt-out within 1.5 years") == "opt out within 1.5 years"
