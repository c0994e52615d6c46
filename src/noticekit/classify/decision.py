"""The decision: is this version material, may the editor overrule the detector, is there enough notice?

* A version is material if the editor says ``material: true``, or if material changes were detected
  and the editor did not say ``material: false``.
* Saying ``material: false`` against detected changes needs a written ``material_reason``; the reason
  is kept with the version.
* A material version needs an ``announced`` date and ``effective >= announced + notice_period_days``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from noticekit.classify.config import MaterialConfig
from noticekit.classify.findings import Finding
from noticekit.model import NoticeMeta

REVIEW_MONTHS = 12
"""Cal. Civ. Code §1798.130(a)(5): the privacy policy is to be updated at least once every 12 months."""


@dataclass(frozen=True)
class Decision:
    """The outcome for one version, kept in its manifest."""

    material: bool
    declared: bool | None
    """What the editor wrote in ``material:`` (None when left to the detector)."""
    reason: str | None
    """The editor's ``material_reason``."""
    findings: list[Finding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """Why this version cannot be released as it stands; empty when it can."""

    @property
    def overruled(self) -> bool:
        """The editor declared ``material: false`` although changes were detected."""
        return self.declared is False and bool(self.findings)

    def to_json(self) -> dict[str, object]:
        return {
            "material": self.material,
            "declared": self.declared,
            "reason": self.reason,
            "findings": [f.to_json() for f in self.findings],
        }


def decide(
    meta: NoticeMeta,
    findings: Sequence[Finding],
    config: MaterialConfig | None = None,
    *,
    today: date | None = None,
) -> Decision:
    """Combine the editor's declaration with the detected findings.

    With ``today`` given, the notice-period problems of a material version are included too.
    """
    config = config or MaterialConfig()
    found = list(findings)
    declared = meta.material
    material = declared is True or (bool(found) and declared is not False)
    problems: list[str] = []
    if declared is False and found and not (meta.material_reason or "").strip():
        count = len(found)
        rules = sorted({f"{f.rule} in {f.section}" for f in found})
        shown = ", ".join(rules[:3]) + (", …" if len(rules) > 3 else "")
        problems.append(
            f"declared material: false but {count} material change{'s were' if count > 1 else ' was'} "
            f"detected ({shown}); add material_reason explaining why this update is not material"
        )
    if today is not None:
        problems.extend(notice_period_problems(meta, material, config, today=today))
    return Decision(material, declared, meta.material_reason, found, problems)


def notice_period_problems(
    meta: NoticeMeta, material: bool, config: MaterialConfig | None = None, *, today: date | None = None
) -> list[str]:
    """What is wrong with the dates of a material version (nothing for a minor one)."""
    if not material:
        return []
    config = config or MaterialConfig()
    days = config.notice_period_days
    if meta.announced is None:
        start = today or date.today()
        return [
            f"material change needs an 'announced' date (when customers were told) and {_days(days)} notice "
            f"before 'effective'; earliest effective date if announced today is {start + timedelta(days=days)} "
            f"(it is {meta.effective})"
        ]
    earliest = meta.announced + timedelta(days=days)
    if meta.effective < earliest:
        return [
            f"material change needs {_days(days)} notice: announced {meta.announced}, "
            f"so 'effective' must be {earliest} or later (it is {meta.effective})"
        ]
    return []


def _days(days: int) -> str:
    return f"{days} day's" if days == 1 else f"{days} days'"


def yearly_review_warning(last_updated: date, today: date) -> str | None:
    """A warning when the notice was last updated more than 12 months before ``today``."""
    due = _add_months(last_updated, REVIEW_MONTHS)
    if today <= due:
        return None
    return (
        f"the notice was last updated on {last_updated}, more than {REVIEW_MONTHS} months ago; "
        f"a review was due by {due} (CCPA, Cal. Civ. Code §1798.130(a)(5): review and update at least "
        f"once every 12 months)"
    )


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")
