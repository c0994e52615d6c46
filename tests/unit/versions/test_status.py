"""Status by date around effective dates, and the as-of date sources."""

from __future__ import annotations

from datetime import date

import pytest

from noticekit.errors import NoticeError
from noticekit.versions.status import as_of_date, in_effect_on, timeline
from noticekit.versions.version import Version


def version(day: str, effective: str | None = None) -> Version:
    return Version(
        id=day,
        title="Notice",
        last_updated=date.fromisoformat(day),
        effective=date.fromisoformat(effective or day),
        announced=None,
        files={"index.md": "0" * 64},
    )


VERSIONS = [version("2022-04-04"), version("2023-01-10"), version("2024-05-01", effective="2024-06-03")]


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2022-04-03", {"2022-04-04": "upcoming", "2023-01-10": "upcoming", "2024-05-01": "upcoming"}),
        ("2022-04-04", {"2022-04-04": "current", "2023-01-10": "upcoming", "2024-05-01": "upcoming"}),
        ("2023-01-09", {"2022-04-04": "current", "2023-01-10": "upcoming", "2024-05-01": "upcoming"}),
        ("2023-01-10", {"2022-04-04": "archived", "2023-01-10": "current", "2024-05-01": "upcoming"}),
        ("2024-05-01", {"2022-04-04": "archived", "2023-01-10": "current", "2024-05-01": "upcoming"}),
        ("2024-06-02", {"2022-04-04": "archived", "2023-01-10": "current", "2024-05-01": "upcoming"}),
        ("2024-06-03", {"2022-04-04": "archived", "2023-01-10": "archived", "2024-05-01": "current"}),
    ],
)
def test_status_around_effective_dates(as_of, expected):
    tl = timeline(VERSIONS, date.fromisoformat(as_of))
    assert dict(tl.status) == expected


def test_periods_in_effect():
    tl = timeline(VERSIONS, date(2025, 1, 1))
    assert tl.until["2022-04-04"] == date(2023, 1, 10)
    assert tl.until["2023-01-10"] == date(2024, 6, 3)
    assert tl.until["2024-05-01"] is None
    assert tl.previous("2023-01-10").id == "2022-04-04"
    assert tl.next("2023-01-10").id == "2024-05-01"
    assert tl.previous("2022-04-04") is None


def test_version_superseded_before_it_took_effect():
    versions = [version("2022-01-01"), version("2022-02-01", effective="2022-06-01"), version("2022-03-01")]
    tl = timeline(versions, date(2022, 7, 1))
    assert tl.never_in_effect("2022-02-01")
    assert tl.current.id == "2022-03-01"


def test_in_effect_on():
    assert in_effect_on(VERSIONS, date(2023, 6, 1)).id == "2023-01-10"
    assert in_effect_on(VERSIONS, date(2020, 1, 1)) is None


def test_as_of_sources():
    assert as_of_date({"NOTICE_AS_OF": "2024-02-29", "SOURCE_DATE_EPOCH": "0"}) == date(2024, 2, 29)
    assert as_of_date({"SOURCE_DATE_EPOCH": "1700000000"}) == date(2023, 11, 14)
    with pytest.raises(NoticeError, match="NOTICE_AS_OF must be a date"):
        as_of_date({"NOTICE_AS_OF": "tomorrow"})


def test_version_value_object_round_trip():
    v = version("2024-05-01", effective="2024-06-03")
    again = Version.from_json(v.to_json())
    assert again == v
    assert "2024-05-01" in repr(v)
    with pytest.raises(ValueError, match="must equal its last_updated"):
        Version(
            id="2024-05-02",
            title="t",
            last_updated=date(2024, 5, 1),
            effective=date(2024, 5, 1),
            announced=None,
            files={"a": "b"},
        )
    tampered = v.to_json() | {"files": {"index.md": "1" * 64}}
    with pytest.raises(ValueError, match="sha256 does not match"):
        Version.from_json(tampered)
