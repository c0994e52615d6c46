"""Validate everything, then plan the site: the single entry point the MkDocs hooks call.

A build must never publish an invalid working copy, a tampered archive, or a material change that
skips its notice period, so every one of those is collected and raised together before any page exists.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from noticekit.assess import assess
from noticekit.errors import IntegrityError, ValidationError
from noticekit.load.loader import SECTION_FILE, read_notice
from noticekit.model import Problem
from noticekit.project import Project
from noticekit.render.notice_page import check_page, render_notice
from noticekit.render.site import SiteBuilder, SitePlan
from noticekit.versions.status import timeline


def validate_working(project: Project):  # type: ignore[no-untyped-def]
    """Load the working copy; return (notice or None, problems) including page-level anchor checks."""
    shown = project.settings.notice_dir
    notice, problems = read_notice(project.notice_dir, display=shown)
    if notice is not None:
        rendered = render_notice(notice, project.settings.wording)
        # Sections that failed to load still exist: links to them are not "missing anchors".
        names = (SECTION_FILE.match(p.name) for p in (project.notice_dir / "sections").glob("*.md"))
        failed = {match.group(2) for match in names if match}
        problems = problems + check_page(notice, rendered, shown, known=failed)
        if any(p.severity == "error" for p in problems):
            notice = None
    return notice, problems


def plan_site(root: Path, as_of: date, *, draft: bool = False, site_url: str = "") -> tuple[SitePlan, list[Problem]]:
    """Return the site plan and warnings; raise ``ValidationError`` with every error found."""
    project = Project.load(root)
    notice, problems = validate_working(project)
    errors = [p for p in problems if p.severity == "error"]
    try:
        errors += project.archive.verify()
        versions = project.archive.versions() if not errors else []
    except IntegrityError as exc:
        errors.append(Problem(project.settings.versions_dir, 1, str(exc)))
        versions = []
    if errors or notice is None:
        raise ValidationError(errors)
    assessment = assess(project, notice, as_of)
    if assessment.problems and not draft:
        raise ValidationError(assessment.problems)
    warnings = [p for p in problems if p.severity == "warning"] + list(assessment.problems)
    builder = SiteBuilder(project, notice, assessment, timeline(versions, as_of), draft=draft, site_url=site_url)
    return builder.build(), warnings
