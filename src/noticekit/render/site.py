"""Plan the whole published site as plain data: which pages exist, their HTML, and the data files.

The MkDocs hooks only turn this plan into MkDocs files and pages; nothing here knows about MkDocs.
Pages are addressed by their source path (``versions/2022-04-04/index.md``) and their URL directory
(``versions/2022-04-04/``), assuming MkDocs' default ``use_directory_urls: true``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from markupsafe import Markup

from noticekit.assess import Assessment
from noticekit.config import Wording
from noticekit.diff import compare_notices
from noticekit.model import Notice
from noticekit.project import Project
from noticekit.render.cache import RenderCache
from noticekit.render.diff_html import render_changes_html
from noticekit.render.environment import environment, human_date
from noticekit.render.feeds import build_feeds
from noticekit.render.markdown import Heading
from noticekit.render.notice_page import Banner, Link, PageContext, render_notice
from noticekit.render.urls import changes_url, relative, url_of, version_url
from noticekit.versions.status import Timeline
from noticekit.versions.version import Version


@dataclass(frozen=True)
class Page:
    src: str
    """Source path MkDocs knows the page by, e.g. ``versions/2022-04-04/index.md``."""
    title: str
    html: str
    toc: tuple[Heading, ...] = ()
    kind: str = "notice"
    """``notice``, ``version``, ``changes``, ``versions`` or ``draft``."""

    @property
    def url(self) -> str:
        return url_of(self.src)


@dataclass(frozen=True)
class SitePlan:
    pages: tuple[Page, ...]
    files: dict[str, bytes] = field(default_factory=dict)
    """Non-page outputs by path: ``versions.json``, feeds."""

    def page(self, src: str) -> Page | None:
        return next((p for p in self.pages if p.src == src), None)


@dataclass
class SiteBuilder:
    project: Project
    working: Notice
    assessment: Assessment
    timeline: Timeline
    draft: bool = False
    """Preview mode (``mkdocs serve``): the root shows the working copy when it has unreleased changes."""
    cache: RenderCache = field(default_factory=RenderCache)
    site_url: str = ""
    """The published site's absolute URL (MkDocs ``site_url``), for feed ids and links."""

    @property
    def wording(self) -> Wording:
        return self.project.settings.wording

    def day(self, value: date | None) -> str:
        return human_date(value, self.wording.date_format)

    def templates_dir(self) -> str:
        return str(self.project.root / self.project.settings.templates_dir)

    # -- pages ----------------------------------------------------------------------------------

    def build(self) -> SitePlan:
        pages = [self.root_page(), self.versions_page()]
        versions = self.timeline.versions
        for version in versions:
            pages.append(self.version_page(version))
            previous = self.timeline.previous(version.id)
            if previous is not None:
                pages.append(self.changes_page(version, previous, f"versions/{version.id}/changes/index.md"))
        current = self.timeline.current
        for upcoming in self.timeline.upcoming:
            if current is not None and self._needs_changes_from_current(upcoming):
                pages.append(self.changes_page(upcoming, current, f"versions/{upcoming.id}/changes/current/index.md"))
        if self.draft and self.assessment.changed and self.assessment.baseline is not None:
            pages.append(self.draft_changes_page())
        files = {"versions.json": self.versions_json()}
        title = self.timeline.versions[-1].title if self.timeline.versions else self.working.meta.title
        files.update(
            build_feeds(
                list(self.timeline.versions),
                self.timeline,
                site_url=self.site_url or self.project.settings.site_url,
                title=title,
                organisation=self.project.settings.organisation or title,
                wording=self.wording,
            )
        )
        return SitePlan(tuple(pages), files)

    def root_page(self) -> Page:
        current = self.timeline.current
        if (self.draft and self.assessment.changed) or not self.timeline.versions:
            return self._working_page()
        shown = current or self.timeline.versions[0]
        banners: list[Banner] = []
        if current is None:
            banners.append(self._upcoming_banner(shown, ""))
        for upcoming in self.timeline.upcoming:
            if upcoming is shown:
                continue
            links = [Link(relative("", version_url(upcoming.id)), self.wording.read_upcoming)]
            links.append(Link(relative("", self._changes_from_current_url(upcoming)), self.wording.see_changes))
            message = self.wording.upcoming_on_current.format(date=self.day(upcoming.effective))
            if upcoming.change_summary:
                message += " " + upcoming.change_summary
            banners.append(Banner("change-coming", self.wording.change_coming_label, message, tuple(links)))
        notice = self.project.archive.load(shown.id)
        context = PageContext(shown.id, tuple(banners), self._prior_url("", shown))
        rendered = self.cache.notice(
            ("root", shown.sha256, context), lambda: render_notice(notice, self.wording, context, self.templates_dir())
        )
        return Page("index.md", notice.meta.title, rendered.html, rendered.toc, "notice")

    def _working_page(self) -> Page:
        banners = []
        latest = self.assessment.baseline
        if self.assessment.changed and self.timeline.versions:
            links = [Link(relative("", "draft/changes/"), self.wording.see_changes)] if latest else []
            banners.append(Banner("draft", self.wording.draft_label, self.wording.draft_banner, tuple(links)))
        prior = None
        if latest is not None:
            prior = relative("", version_url(latest.id))
        context = PageContext("working", tuple(banners), prior)
        rendered = render_notice(self.working, self.wording, context, self.templates_dir())
        return Page("index.md", self.working.meta.title, rendered.html, rendered.toc, "draft" if banners else "notice")

    def _needs_changes_from_current(self, upcoming: Version) -> bool:
        """An upcoming version whose predecessor is not the current one gets a second redline against current."""
        previous = self.timeline.previous(upcoming.id)
        current = self.timeline.current
        return current is not None and previous is not None and previous.id != current.id

    def _changes_from_current_url(self, upcoming: Version) -> str:
        if self._needs_changes_from_current(upcoming):
            return f"{changes_url(upcoming.id)}current/"
        return changes_url(upcoming.id)

    def _prior_url(self, from_url: str, version: Version) -> str | None:
        previous = self.timeline.previous(version.id)
        return relative(from_url, version_url(previous.id)) if previous else None

    def _upcoming_banner(self, version: Version, from_url: str) -> Banner:
        links = []
        if self.timeline.current is not None:
            links.append(Link(relative(from_url, ""), self.wording.read_current))
        if self.timeline.previous(version.id) is not None:
            links.append(Link(relative(from_url, self._changes_from_current_url(version)), self.wording.see_changes))
        message = self.wording.upcoming_banner.format(date=self.day(version.effective))
        return Banner("upcoming", self.wording.upcoming_label, message, tuple(links))

    def version_page(self, version: Version) -> Page:
        here = version_url(version.id)
        status = self.timeline.status[version.id]
        banners: list[Banner] = []
        if status == "archived":
            if self.timeline.never_in_effect(version.id):
                message = self.wording.archived_never_banner
            else:
                message = self.wording.archived_banner.format(
                    start=self.day(version.effective), end=self.day(self.timeline.until[version.id])
                )
            banners.append(
                Banner(
                    "archived",
                    self.wording.archived_label,
                    message,
                    (Link(relative(here, ""), self.wording.read_current),),
                )
            )
        elif status == "upcoming":
            banners.append(self._upcoming_banner(version, here))
        links = []
        previous, following = self.timeline.previous(version.id), self.timeline.next(version.id)
        if previous is not None:
            links.append(Link(relative(here, changes_url(version.id)), self.wording.changes_link))
            links.append(
                Link(
                    relative(here, version_url(previous.id)),
                    f"{self.wording.previous_version} ({self.day(previous.last_updated)})",
                )
            )
        if following is not None:
            links.append(
                Link(
                    relative(here, version_url(following.id)),
                    f"{self.wording.next_version} ({self.day(following.last_updated)})",
                )
            )
        links.append(Link(relative(here, "versions/"), self.wording.all_versions))
        context = PageContext(version.id, tuple(banners), self._prior_url(here, version), tuple(links))
        notice = self.project.archive.load(version.id)
        rendered = self.cache.notice(
            (version.sha256, context), lambda: render_notice(notice, self.wording, context, self.templates_dir())
        )
        title = f"{notice.meta.title} ({self.day(version.last_updated)})"
        return Page(f"versions/{version.id}/index.md", title, rendered.html, rendered.toc, "version")

    def changes_page(self, new: Version, old: Version, src: str) -> Page:
        here = url_of(src)
        html = self.cache.changes((old.sha256, new.sha256, here), lambda: self._changes_html(new, old, here))
        title = self.wording.changes_heading.format(date=self.day(new.last_updated))
        return Page(src, title, html, (), "changes")

    def _changes_html(self, new: Version, old: Version, here: str) -> str:
        diff = compare_notices(self.project.archive.load(old.id), self.project.archive.load(new.id), old.id, new.id)
        body = render_changes_html(
            diff,
            version_url=relative(here, version_url(new.id)),
            old_label=self.day(old.last_updated),
            new_label=self.day(new.last_updated),
        )
        return (
            environment(self.templates_dir())
            .get_template("changes.html")
            .render(
                title=self.wording.changes_heading.format(date=self.day(new.last_updated)),
                new=new,
                old=old,
                new_url=relative(here, version_url(new.id)),
                old_url=relative(here, version_url(old.id)),
                versions_url=relative(here, "versions/"),
                body=Markup(body),
                findings=new.findings,
                wording=self.wording,
                day=self.day,
            )
        )

    def draft_changes_page(self) -> Page:
        diff = self.assessment.diff
        assert diff is not None and self.assessment.baseline is not None
        baseline = self.assessment.baseline
        here = "draft/changes/"
        body = render_changes_html(diff, version_url=relative(here, ""), old_label=baseline.id, new_label="draft")
        html = (
            environment(self.templates_dir())
            .get_template("draft_changes.html")
            .render(
                baseline=baseline,
                baseline_url=relative(here, version_url(baseline.id)),
                problems=self.assessment.problems,
                material=self.assessment.material,
                findings=self.assessment.findings,
                body=Markup(body),
                wording=self.wording,
                day=self.day,
            )
        )
        return Page("draft/changes/index.md", "Draft changes", html, (), "changes")

    def versions_page(self) -> Page:
        rows = []
        for version in reversed(self.timeline.versions):
            previous = self.timeline.previous(version.id)
            rows.append(
                {
                    "version": version,
                    "status": self.timeline.status[version.id],
                    "until": self.timeline.until[version.id],
                    "never": self.timeline.never_in_effect(version.id),
                    "url": relative("versions/", version_url(version.id)),
                    "changes_url": relative("versions/", changes_url(version.id)) if previous else None,
                }
            )
        html = (
            environment(self.templates_dir())
            .get_template("versions.html")
            .render(
                rows=rows,
                wording=self.wording,
                day=self.day,
                as_of=self.timeline.as_of,
                current_url=relative("versions/", ""),
            )
        )
        return Page("versions/index.md", self.wording.versions_heading, html, (), "versions")

    # -- data -----------------------------------------------------------------------------------

    def versions_json(self) -> bytes:
        return (json.dumps(versions_data(self.timeline), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def versions_data(timeline: Timeline) -> dict[str, Any]:
    """The public ``versions.json`` contract (also printed by ``notice versions --json``), newest first."""
    entries = []
    for version in reversed(timeline.versions):
        previous = timeline.previous(version.id)
        entries.append(
            {
                "id": version.id,
                "title": version.title,
                "last_updated": version.last_updated.isoformat(),
                "effective": version.effective.isoformat(),
                "announced": _iso(version.announced),
                "in_effect_until": _iso(timeline.until[version.id]),
                "status": timeline.status[version.id],
                "url": version_url(version.id),
                "changes_url": changes_url(version.id) if previous else None,
                "material": version.material,
                "change_summary": version.change_summary,
                "sha256": version.sha256,
            }
        )
    return {
        "current": timeline.current.id if timeline.current else None,
        "as_of": timeline.as_of.isoformat(),
        "versions": entries,
    }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
