"""Findings as stored in version manifests."""

from __future__ import annotations

import pytest

from noticekit.classify import Finding
from noticekit.classify.findings import excerpt


def test_json_round_trip():
    finding = Finding(
        "retention-longer",
        "longer_retention",
        "data-retention",
        "Retention goes from 2 years to 3 years",
        "kept 2 years",
        "kept 3 years",
    )
    data = finding.to_json()
    assert data == {
        "rule": "retention-longer",
        "category": "longer_retention",
        "section": "data-retention",
        "message": "Retention goes from 2 years to 3 years",
        "before": "kept 2 years",
        "after": "kept 3 years",
    }
    assert Finding.from_json(data) == finding
    assert Finding.from_json({k: v for k, v in data.items() if k not in ("before", "after")}).before == ""


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"rule": "r", "category": "new_purpose", "section": "s"}, "finding is missing message"),
        ({"rule": "r", "category": "nope", "section": "s", "message": "m"}, "unknown finding category 'nope'"),
        (
            {"rule": "r", "category": "new_purpose", "section": "s", "message": "m", "extra": 1},
            "finding has unknown key(s) extra",
        ),
        (
            {"rule": "r", "category": "new_purpose", "section": "s", "message": 3},
            "finding field 'message' must be a string",
        ),
        (["rule"], "a finding must be a mapping, not list"),
    ],
)
def test_from_json_rejects_malformed_findings(data, message):
    with pytest.raises(ValueError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        Finding.from_json(data)


def test_excerpt_keeps_the_place_where_the_texts_differ():
    words = " ".join(f"word{i}" for i in range(100))
    changed = words.replace("word70", "CHANGED")
    cut = excerpt(changed, words)
    assert "CHANGED" in cut
    assert cut.startswith("…") and cut.endswith("…")
    assert len(cut) <= 202
    assert excerpt("short text", "other") == "short text"
