"""``notice notify``: write the customer email for a released version into a folder.

Writes ``subject.txt``, ``email.txt``, ``email.html`` and ``email.eml`` (the same email as one
multipart/alternative RFC 5322 message, ready to import into a mail tool; it has no ``To``). The
output depends only on the archive, the settings, the templates and ``today``, never on the clock.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from noticekit.diff.model import NoticeDiff
from noticekit.model import Notice
from noticekit.project import Project
from noticekit.render.email import (
    ChangeItem,
    EmailContext,
    build_message,
    change_items,
    findings_of,
    message_bytes,
    render_email,
    sender,
)
from noticekit.render.urls import absolute_url, changes_url, version_url
from noticekit.versions.status import timeline
from noticekit.versions.version import Version

log = logging.getLogger(__name__)

FILES = ("subject.txt", "email.txt", "email.html", "email.eml")
"""Everything ``write_notification`` writes; nothing else in the folder is touched."""


def write_notification(
    project: Project, version_id: str, out_dir: Path, *, site_url: str | None, today: date
) -> list[Path]:
    """Write the email for ``version_id`` (or ``latest``) into ``out_dir``; return the files written.

    Links are absolute with ``site_url``, else the project's ``site_url`` setting; without either they
    are relative to the site root and a warning is logged. Raises ``VersionNotFound`` for an unknown id.
    """
    archive = project.archive
    version = archive.version(_resolve(project, version_id))
    previous = timeline(archive.versions(), today).previous(version.id)
    base = site_url or project.settings.site_url
    if not base:
        log.warning(
            "no site URL: the email's links are relative to the site root; "
            "pass --site-url or set 'site_url' in noticekit.yml"
        )

    notice = archive.load(version.id)
    old_notice = archive.load(previous.id) if previous is not None else None
    titles = {s.id: s.title for s in old_notice.sections} if old_notice else {}
    titles.update({s.id: s.title for s in notice.sections})
    organisation = project.settings.organisation or version.title
    name, address = sender(organisation)
    if address is None:
        log.warning(
            "the email has no sender address: set 'organisation' in noticekit.yml to 'Name <address>' "
            "(the .eml uses a placeholder address until then)"
        )

    context = EmailContext(
        version=version,
        organisation=name,
        wording=project.settings.wording,
        version_url=absolute_url(base, version_url(version.id)),
        changes_url=absolute_url(base, changes_url(version.id)) if previous is not None else None,
        changes=_changes(old_notice, notice, previous, version),
        findings=findings_of(version, titles),
        today=today,
    )
    email = render_email(context, str(project.root / project.settings.templates_dir))
    message = build_message(
        email, organisation=organisation, day=version.announced or version.last_updated, version=version
    )
    contents = {
        "subject.txt": (email.subject + "\n").encode("utf-8"),
        "email.txt": email.text.encode("utf-8"),
        "email.html": email.html.encode("utf-8"),
        "email.eml": message_bytes(message),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for filename in FILES:
        path = out_dir / filename
        path.write_bytes(contents[filename])
        written.append(path)
    return written


def _resolve(project: Project, version_id: str) -> str:
    """``latest`` names the newest version (what one usually announces right after a release)."""
    if version_id == "latest":
        latest = project.archive.latest()
        return latest.id if latest is not None else version_id
    return version_id


def _changes(old: Notice | None, new: Notice, previous: Version | None, version: Version) -> tuple[ChangeItem, ...]:
    """The section-level change list, or nothing when there is no previous version or no diff engine.

    Without the diff engine the email still carries the editor's ``change_summary`` and the findings.
    """
    if old is None or previous is None:
        return ()
    diff = _compare(old, new, previous.id, version.id)
    return change_items(diff) if diff is not None else ()


def _compare(old: Notice, new: Notice, old_id: str, new_id: str) -> NoticeDiff | None:
    try:
        from noticekit.diff import compare_notices
    except ImportError:  # the diff engine is optional for emails: the summary and findings still go out
        log.warning("the diff engine is not available: the email lists no section-by-section changes")
        return None
    return compare_notices(old, new, old_id, new_id)
