"""The release decision: declaration vs findings, the written override, notice period, yearly review."""

from __future__ import annotations

from datetime import date

import pytest

from noticekit.classify import Finding, MaterialConfig, decide, notice_period_problems, yearly_review_warning
from noticekit.model import NoticeMeta

FINDING = Finding("retention-longer", "longer_retention", "data-retention", "Retention goes from 2 to 3 years")
OTHER = Finding("negation-removed", "negation_removed", "sharing", "A promise not to sell was removed or reversed")


def meta(**kwargs) -> NoticeMeta:
    values = {
        "title": "Notice",
        "last_updated": date(2026, 11, 16),
        "effective": date(2026, 12, 16),
        "announced": date(2026, 11, 16),
    }
    values.update(kwargs)
    return NoticeMeta(**values)


@pytest.mark.parametrize(
    ("declared", "findings", "material"),
    [(None, [], False), (None, [FINDING], True), (True, [], True), (True, [FINDING], True), (False, [], False)],
)
def test_material_when_declared_or_detected(declared, findings, material):
    decision = decide(meta(material=declared), findings, MaterialConfig())
    assert decision.material is material
    assert decision.declared is declared
    assert decision.problems == []
    assert decision.findings == findings


def test_override_needs_a_written_reason():
    decision = decide(meta(material=False), [FINDING, OTHER], MaterialConfig())
    assert decision.material is False
    assert decision.problems == [
        "declared material: false but 2 material changes were detected (negation-removed in sharing, "
        "retention-longer in data-retention); add material_reason explaining why this update is not material"
    ]
    reasoned = decide(meta(material=False, material_reason="Retention change reverts a typo in v3."), [FINDING])
    assert (reasoned.material, reasoned.problems, reasoned.reason) == (
        False,
        [],
        "Retention change reverts a typo in v3.",
    )
    assert reasoned.overruled


def test_decide_with_today_adds_notice_period_problems():
    decision = decide(meta(effective=date(2026, 11, 20)), [FINDING], MaterialConfig(), today=date(2026, 11, 16))
    assert decision.problems == [
        "material change needs 30 days' notice: announced 2026-11-16, so 'effective' must be 2026-12-16 or later "
        "(it is 2026-11-20)"
    ]


def test_notice_period():
    config = MaterialConfig()
    assert notice_period_problems(meta(), True, config) == []
    assert notice_period_problems(meta(effective=date(2026, 11, 20)), False, config) == []
    assert notice_period_problems(meta(effective=date(2026, 11, 20)), True, MaterialConfig(0)) == []
    assert notice_period_problems(meta(effective=date(2026, 11, 20)), True, MaterialConfig(1)) == []
    assert notice_period_problems(meta(effective=date(2026, 11, 16)), True, MaterialConfig(1)) == [
        "material change needs 1 day's notice: announced 2026-11-16, so 'effective' must be 2026-11-17 or later "
        "(it is 2026-11-16)"
    ]


def test_missing_announced_date_gives_the_earliest_date_from_today():
    problems = notice_period_problems(meta(announced=None), True, MaterialConfig(), today=date(2026, 11, 16))
    assert problems == [
        "material change needs an 'announced' date (when customers were told) and 30 days' notice before "
        "'effective'; earliest effective date if announced today is 2026-12-16 (it is 2026-12-16)"
    ]


@pytest.mark.parametrize(
    ("last_updated", "today", "warned"),
    [
        (date(2025, 3, 1), date(2026, 3, 1), False),
        (date(2025, 3, 1), date(2026, 3, 2), True),
        (date(2024, 2, 29), date(2025, 2, 28), False),
        (date(2024, 2, 29), date(2025, 3, 1), True),
    ],
)
def test_yearly_review_warning(last_updated, today, warned):
    warning = yearly_review_warning(last_updated, today)
    assert (warning is not None) is warned
    if warned:
        assert f"last updated on {last_updated}, more than 12 months ago" in warning
        assert "§1798.130(a)(5)" in warning
