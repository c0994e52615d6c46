"""Whole notices in different wording: the fixture notices and the example project's history."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from noticekit.classify import detect
from noticekit.diff import compare_notices
from noticekit.load.loader import load_notice

REPO = Path(__file__).resolve().parents[3]
FIXTURES = REPO / "tests" / "fixtures"
VERSIONS = REPO / "versions"
EXAMPLE = VERSIONS / "2023-03-14"
HISTORY = ("2023-03-14", "2024-09-02", "2025-12-01", "2026-11-16")


@pytest.mark.skipif(not (FIXTURES / "other-notice-v2").is_dir(), reason="fixture not written yet")
def test_other_notice_v2_is_material_for_the_right_reasons():
    old, new = load_notice(FIXTURES / "other-notice"), load_notice(FIXTURES / "other-notice-v2")
    findings = detect(compare_notices(old, new, "2024-05-20", "2025-02-10"))
    by_section: dict[str, set[str]] = {}
    for finding in findings:
        by_section.setdefault(finding.section, set()).add(finding.category)
    assert {"new_purpose", "new_recipients"} <= by_section["partner-marketing"]
    assert {"new_recipients", "negation_removed"} <= by_section["recipients"]
    # A new phone number, a shorter log retention, a reflowed line and a field moved between lists
    # are not material.
    assert not {"controller", "website-visits", "customer-account"} & set(by_section)


@pytest.mark.skipif(not EXAMPLE.is_dir(), reason="example history not present")
def test_cosmetic_edits_to_the_example_notice_are_not_material(tmp_path):
    copy = tmp_path / "notice"
    shutil.copytree(EXAMPLE, copy)
    for path in sorted((copy / "sections").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        text = text.replace("recieve", "receive").replace("seperate", "separate").replace("tranfer", "transfer")
        text = text.replace("We share personal information", "We share Personal Information")
        head, sep, rest = text.partition("\n---\n")
        path.write_text(head + sep + rest.replace(". ", ".\n", 3), encoding="utf-8")  # reflow a few lines
    old, new = load_notice(EXAMPLE), load_notice(copy)
    assert detect(compare_notices(old, new, "a", "b")) == []


@pytest.mark.skipif(not EXAMPLE.is_dir(), reason="example history not present")
def test_material_edit_to_the_example_notice(tmp_path):
    copy = tmp_path / "notice"
    shutil.copytree(EXAMPLE, copy)
    path = next((copy / "sections").glob("*-data-retention.md"))
    path.write_text(
        path.read_text(encoding="utf-8").replace("| 2 years after the ticket", "| 3 years after the ticket"),
        encoding="utf-8",
    )
    (finding,) = detect(compare_notices(load_notice(EXAMPLE), load_notice(copy), "a", "b"))
    assert finding.message == (
        "Retention for support tickets, chat transcripts and call recordings goes from 2 years to 3 years"
    )


def _categories(old: str, new: str) -> set[str]:
    diff = compare_notices(load_notice(VERSIONS / old), load_notice(VERSIONS / new), old, new)
    return {finding.category for finding in detect(diff)}


@pytest.mark.skipif(not all((VERSIONS / v).is_dir() for v in HISTORY), reason="example history not released")
def test_the_example_history_is_judged_like_its_editors_did():
    # 2024-09-02: typos, clarifications, a new phone number, shorter log retention, a new opt-out signal.
    assert _categories("2023-03-14", "2024-09-02") == set()
    # 2025-12-01: AI training on customer content, a new AI hosting provider, longer support retention.
    assert {"new_purpose", "negation_removed", "longer_retention"} <= _categories("2024-09-02", "2025-12-01")
    # 2026-11-16: a support centre in India and the EU-US Data Privacy Framework.
    assert {"transfer_mechanism", "new_recipients"} <= _categories("2025-12-01", "2026-11-16")
