from datetime import date

import pytest

from noticekit.importers.dates import find_statements, is_only_dates, parse_date, remove_statements


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("April 4, 2022", date(2022, 4, 4)),
        ("Apr. 4th, 2022", date(2022, 4, 4)),
        ("4 April 2022", date(2022, 4, 4)),
        ("4th of April, 2022", date(2022, 4, 4)),
        ("2022-04-04", date(2022, 4, 4)),
        ("2022/04/04", date(2022, 4, 4)),
        ("04/05/2022", date(2022, 4, 5)),  # slashes are read month first (US)
        ("05.04.2022", date(2022, 4, 5)),  # dots are read day first
        ("Sept 30, 2021", date(2021, 9, 30)),
    ],
)
def test_parse_date_formats(text: str, expected: date) -> None:
    assert parse_date(text) == (expected, True)


def test_month_and_year_only_is_imprecise() -> None:
    assert parse_date("March 2022") == (date(2022, 3, 1), False)


def test_impossible_date_is_not_a_date() -> None:
    assert parse_date("2022-02-30") is None


@pytest.mark.parametrize(
    ("text", "kind", "day"),
    [
        ("Last updated: April 4, 2022", "last_updated", date(2022, 4, 4)),
        ("Last Updated 04/04/2022", "last_updated", date(2022, 4, 4)),
        ("This Privacy Notice was last updated on 4th April 2022.", "last_updated", date(2022, 4, 4)),
        ("Last modified 2022-04-04", "last_updated", date(2022, 4, 4)),
        ("Version date: 1 January 2020", "last_updated", date(2020, 1, 1)),
        ("Effective: 4 April 2022", "effective", date(2022, 4, 4)),
        ("Effective date: May 1, 2023", "effective", date(2023, 5, 1)),
        ("This notice takes effect on May 1, 2023.", "effective", date(2023, 5, 1)),
        ("This policy comes into force on 1 May 2023", "effective", date(2023, 5, 1)),
    ],
)
def test_date_lines(text: str, kind: str, day: date) -> None:
    only, statements = is_only_dates(text)
    assert only
    assert [(s.kind, s.date) for s in statements] == [(kind, day)]


def test_two_statements_on_one_line() -> None:
    only, statements = is_only_dates("Effective date: 2022-05-01 | Last modified 04/04/2022")
    assert only
    assert [(s.kind, s.date) for s in statements] == [
        ("effective", date(2022, 5, 1)),
        ("last_updated", date(2022, 4, 4)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The GDPR became effective on 25 May 2018.",
        "We updated our list of partners.",
        "Our previous supplier changed on 1 May 2020 and nothing else.",
        "You can ask us when your account was last updated.",
    ],
)
def test_prose_is_not_a_date_statement(text: str) -> None:
    assert find_statements(text) == []


def test_sentence_removed_from_a_longer_paragraph() -> None:
    text = "Last Updated: Sept. 3, 2021. This notice explains what we do."
    statements = find_statements(text)
    assert [s.date for s in statements] == [date(2021, 9, 3)]
    assert remove_statements(text, statements) == "This notice explains what we do."
