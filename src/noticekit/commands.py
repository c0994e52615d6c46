"""What each ``notice`` command does, as functions returning plain data. ``cli`` only parses and prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from noticekit.assess import WORKING, Assessment, assess, working_fingerprint
from noticekit.classify import yearly_review_warning
from noticekit.diff import compare_notices
from noticekit.diff.model import NoticeDiff
from noticekit.errors import IntegrityError, ReleaseRefused, ValidationError, VersionNotFound
from noticekit.load.loader import load_notice
from noticekit.model import Notice, Problem
from noticekit.project import Project
from noticekit.publish import validate_working
from noticekit.versions import git
from noticekit.versions.status import Timeline, timeline
from noticekit.versions.version import Version, sha256


@dataclass
class CheckReport:
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    assessment: Assessment | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    def sort(self) -> CheckReport:
        """Problems in file and line order, as an editor works through them."""
        self.errors.sort()
        self.warnings.sort()
        return self

    def to_json(self) -> dict[str, object]:
        a = self.assessment
        return {
            "ok": self.ok,
            "errors": [p.to_json() for p in self.errors],
            "warnings": [p.to_json() for p in self.warnings],
            "baseline": a.baseline.id if a and a.baseline else None,
            "changed": bool(a and a.changed),
            "material": bool(a and a.material),
            "findings": [f.to_json() for f in a.findings] if a else [],
        }


def check(project: Project, today: date, *, strict: bool = False) -> CheckReport:
    """Validate the working copy and every version; assess unreleased changes. Never raises for content."""
    report = CheckReport()
    notice, problems = validate_working(project)
    report.errors += [p for p in problems if p.severity == "error"]
    report.warnings += [p for p in problems if p.severity == "warning"]
    archive = project.archive
    report.errors += archive.verify()
    for stale in archive.stale_staging():
        report.warnings.append(
            Problem(
                f"{project.settings.versions_dir}/{stale.name}", 1, "leftover of an interrupted release; safe to delete"
            )
        )
    try:
        versions = archive.versions()
    except IntegrityError:
        versions = []  # already reported by verify()
    for version in versions:
        try:
            archive.load(version.id)
        except ValidationError as exc:
            report.errors += exc.problems
    if notice is None or report.errors:
        return report.sort()
    assessment = assess(project, notice, today)
    report.assessment = assessment
    report.errors += assessment.problems
    if assessment.changed and assessment.baseline is not None:
        unreleased = Problem(
            f"{project.settings.notice_dir}/index.md",
            1,
            f"the working copy has changes not yet released (latest version: {assessment.baseline.id}); "
            "run 'notice release' when they are final",
            "error" if strict else "warning",
        )
        (report.errors if strict else report.warnings).append(unreleased)
        if notice.meta.last_updated <= assessment.baseline.last_updated:
            report.warnings.append(
                Problem(
                    f"{project.settings.notice_dir}/index.md",
                    1,
                    f"'last_updated' ({notice.meta.last_updated}) must be later than the latest version's "
                    f"({assessment.baseline.id}) before this can be released",
                )
            )
    current = timeline(versions, today).current
    if current is not None:
        warning = yearly_review_warning(current.last_updated, today)
        if warning:
            report.warnings.append(Problem(f"{project.settings.versions_dir}/{current.id}/index.md", 1, warning))
    return report.sort()


def release(project: Project, today: date) -> Version:
    """Write the working copy as a new version, or raise ``ReleaseRefused``/``ValidationError`` untouched."""
    notice, problems = validate_working(project)
    errors = [p for p in problems if p.severity == "error"]
    if errors or notice is None:
        raise ValidationError(errors)
    archive = project.archive
    tampered = archive.verify()
    if tampered:
        raise ReleaseRefused(
            "the archive of released versions is not intact:\n" + "\n".join(str(p) for p in tampered),
            hint="restore the released versions from git before releasing a new one",
        )
    version_id = notice.meta.last_updated.isoformat()
    latest = archive.latest()
    if latest is not None and working_fingerprint(notice) == latest.sha256:
        raise ReleaseRefused(f"nothing to release: the working copy is identical to version {latest.id}")
    if version_id in archive.ids():
        raise ReleaseRefused(
            f"version {version_id} already exists in {archive.display}/; released versions are never overwritten",
            hint="set 'last_updated' in notice/index.md to the date of this update, then release again",
        )
    if latest is not None and notice.meta.last_updated <= latest.last_updated:
        raise ReleaseRefused(
            f"'last_updated' ({version_id}) must be later than the latest version's ({latest.id})",
            hint="set 'last_updated' in notice/index.md to the date of this update",
        )
    assessment = assess(project, notice, today)
    if assessment.problems:
        raise ValidationError(assessment.problems)
    decision = assessment.decision
    version = Version(
        id=version_id,
        title=notice.meta.title,
        last_updated=notice.meta.last_updated,
        effective=notice.meta.effective,
        announced=notice.meta.announced,
        files={path: sha256(data) for path, data in notice.files.items()},
        commit=git.head_commit(project.root),
        change_summary=notice.meta.change_summary,
        material=decision.material if decision else None,
        material_declared=notice.meta.material,
        material_reason=notice.meta.material_reason,
        findings=tuple(f.to_json() for f in assessment.findings),
        baseline=latest.id if latest else None,
    )
    archive.release(notice, version)
    return version


def versions_timeline(project: Project, as_of: date) -> Timeline:
    return timeline(project.archive.versions(), as_of)


def resolve(project: Project, ref: str, as_of: date) -> tuple[Notice, str]:
    """A notice by reference: a version id, ``current`` (as of ``as_of``), ``latest`` or ``working``."""
    if ref == WORKING:
        return load_notice(project.notice_dir, display=project.settings.notice_dir), WORKING
    archive = project.archive
    if ref in ("current", "latest"):
        versions = archive.versions()
        chosen = timeline(versions, as_of).current if ref == "current" else (versions[-1] if versions else None)
        if chosen is None:
            raise VersionNotFound(f"there is no {ref} version (as of {as_of})")
        ref = chosen.id
    return archive.load(ref), ref


def diff(project: Project, old_ref: str, new_ref: str, as_of: date) -> NoticeDiff:
    old, old_id = resolve(project, old_ref, as_of)
    new, new_id = resolve(project, new_ref, as_of)
    return compare_notices(old, new, old_id, new_id)
