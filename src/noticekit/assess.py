"""Assess the working copy against the latest version: what changed, is it material, is the notice period kept.

``notice check``, ``notice release`` and the MkDocs build all ask the same question, so they all ask it here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from noticekit.classify import Decision, Finding, decide, detect, notice_period_problems
from noticekit.diff import compare_notices
from noticekit.diff.model import NoticeDiff
from noticekit.model import Notice, Problem
from noticekit.project import Project
from noticekit.versions.version import Version, fingerprint, sha256

WORKING = "working"


def working_fingerprint(notice: Notice) -> str:
    return fingerprint({path: sha256(data) for path, data in notice.files.items()})


@dataclass(frozen=True)
class Assessment:
    baseline: Version | None
    """The latest released version, compared against."""
    changed: bool
    """The working copy's files differ from the baseline's."""
    diff: NoticeDiff | None = None
    findings: tuple[Finding, ...] = ()
    decision: Decision | None = None
    problems: tuple[Problem, ...] = field(default=())
    """Material-change rule violations (the declaration or the notice period), located in index.md."""

    @property
    def material(self) -> bool:
        return bool(self.decision and self.decision.material)


def assess(project: Project, working: Notice, today: date) -> Assessment:
    archive = project.archive
    baseline = archive.latest()
    if baseline is None:
        return Assessment(None, True)
    if working_fingerprint(working) == baseline.sha256:
        return Assessment(baseline, False)
    old = archive.load(baseline.id)
    diff = compare_notices(old, working, baseline.id, WORKING)
    config = project.material_config()
    findings = tuple(detect(diff, config))
    decision = decide(working.meta, findings, config)
    index = f"{project.settings.notice_dir}/index.md"
    line = _key_line(working, "effective") or _key_line(working, "last_updated") or 1
    messages = list(decision.problems) + list(
        notice_period_problems(working.meta, decision.material, config, today=today)
    )
    problems = tuple(Problem(index, line, message) for message in messages)
    return Assessment(baseline, True, diff, findings, decision, problems)


def _key_line(notice: Notice, key: str) -> int | None:
    text = notice.files.get("index.md", b"").decode("utf-8", "replace")
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
    return None
