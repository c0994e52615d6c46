"""The versions of a notice as an Atom feed (``feed.xml``) and a JSON Feed 1.1 (``feed.json``).

One entry per version, newest first. The output is a pure function of the versions: entry dates are
the versions' ``last_updated`` days at ``00:00:00Z`` and the feed's ``updated`` is the newest entry's,
so rebuilding an unchanged archive gives the same bytes.

Without a site URL the feeds still work, with two differences: Atom ids cannot be relative, so entries
get ``tag:noticekit,<first version date>:<version id>`` ids (the feed ``…:feed``), and links are
relative to the site root (where both feeds are published) with no ``xml:base``, so readers resolve
them against the feed's own address. With a site URL, ids are the absolute version URLs. Either way
an id never changes once published: switching between the two forms re-announces every entry.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from email.utils import parseaddr
from typing import Any

from markupsafe import Markup, escape

from noticekit.config import Wording
from noticekit.render.environment import category_label, human_date
from noticekit.render.urls import absolute_url, changes_url, version_url
from noticekit.versions.status import Timeline
from noticekit.versions.version import Version

ATOM_NS = "http://www.w3.org/2005/Atom"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
MATERIAL_TAG = "material"
"""Atom ``<category term>`` and JSON Feed tag of a material change."""

# Sentences of the feeds; English like the rest of the generated wording's defaults.
UPDATED_TITLE = "Privacy notice updated on {date}"
FIRST_TITLE = "Privacy notice published on {date}"
MATERIAL_SUFFIX = " — material change"
READ_VERSION = "Read this version"
FINDINGS_HEADING = "Material changes"
FEED_SUBTITLE = "Every version of {title}, newest first."

# Characters XML 1.0 cannot carry at all (control characters); they are dropped rather than escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def rfc3339(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


@dataclass(frozen=True)
class FeedEntry:
    """One version as both feeds show it."""

    id: str
    title: str
    updated: date
    url: str
    changes_url: str | None
    """None for the first version (it has no changes page)."""
    version: Version
    content_text: str
    content_html: str

    @property
    def material(self) -> bool:
        return bool(self.version.material)


def build_feeds(
    versions: Sequence[Version],
    timeline: Timeline,
    *,
    site_url: str,
    title: str,
    organisation: str,
    wording: Wording,
) -> dict[str, bytes]:
    """``{"feed.xml": Atom bytes, "feed.json": JSON Feed bytes}`` for ``versions`` (any order).

    ``timeline`` tells which version came before which (for the changes links); ``organisation`` may be
    ``Name <address>``, in which case the address is given as the feeds' author email.
    """
    first_day = min((v.last_updated for v in timeline.versions), default=date(1970, 1, 1))
    entries = [
        _entry(version, timeline, site_url=site_url, first_day=first_day, wording=wording)
        for version in sorted(versions, key=lambda v: v.id, reverse=True)
    ]
    feed_id = absolute_url(site_url, "") if site_url else f"tag:noticekit,{first_day.isoformat()}:feed"
    author, email = parseaddr(organisation)
    if "@" not in email:
        author, email = organisation.strip(), ""
    return {
        "feed.xml": atom_feed(
            entries,
            feed_id=feed_id,
            site_url=site_url,
            title=title,
            author=author or title,
            email=email,
            wording=wording,
        ),
        "feed.json": json_feed(entries, site_url=site_url, title=title, author=author or title, email=email),
    }


def _entry(version: Version, timeline: Timeline, *, site_url: str, first_day: date, wording: Wording) -> FeedEntry:
    previous = timeline.previous(version.id)
    day = human_date(version.last_updated, wording.date_format)
    title = (FIRST_TITLE if previous is None else UPDATED_TITLE).format(date=day)
    if version.material:
        title += MATERIAL_SUFFIX
    url = absolute_url(site_url, version_url(version.id))
    changes = absolute_url(site_url, changes_url(version.id)) if previous is not None else None
    entry_id = url if site_url else f"tag:noticekit,{first_day.isoformat()}:{version.id}"
    text, html = _content(version, url, changes, wording)
    return FeedEntry(entry_id, title, version.last_updated, url, changes, version, text, html)


def _content(version: Version, url: str, changes: str | None, wording: Wording) -> tuple[str, str]:
    """The entry's text and HTML: change summary, material findings, effective date and links.

    Findings are listed only for a material change: for a version the editor ruled not material they
    would read as a contradiction (the changes page still shows them).
    """
    effective = wording.effective.format(date=human_date(version.effective, wording.date_format)) + "."
    findings = list(version.findings) if version.material else []
    text: list[str] = []
    html: list[str] = []
    if version.change_summary:
        text.append(version.change_summary)
        html.append(f"<p>{escape(version.change_summary)}</p>")
    if findings:
        text.append(FINDINGS_HEADING + ":\n" + "\n".join(f"- {_finding_text(f)}" for f in findings))
        items = "".join(
            Markup("<li><strong>{}</strong> ({}): {}</li>").format(
                category_label(str(f.get("category", ""))), f.get("section", ""), f.get("message", "")
            )
            for f in findings
        )
        html.append(f"<p>{escape(FINDINGS_HEADING)}:</p><ul>{items}</ul>")
    text.append(effective)
    html.append(f"<p>{escape(effective)}</p>")
    links = [(url, READ_VERSION)] + ([(changes, wording.changes_link)] if changes else [])
    text.append("\n".join(f"{label}: {href}" for href, label in links))
    html.append(
        "<p>" + " · ".join(str(Markup('<a href="{}">{}</a>').format(href, label)) for href, label in links) + "</p>"
    )
    return "\n\n".join(text), "\n".join(html)


def _finding_text(finding: Any) -> str:
    category = category_label(str(finding.get("category", "")))
    return f"{category} ({finding.get('section', '')}): {finding.get('message', '')}"


# -- Atom (RFC 4287) --------------------------------------------------------------------------------


def atom_feed(
    entries: Sequence[FeedEntry],
    *,
    feed_id: str,
    site_url: str,
    title: str,
    author: str,
    email: str,
    wording: Wording,
) -> bytes:
    feed = ET.Element("feed", {"xmlns": ATOM_NS})
    _text(feed, "id", feed_id)
    _text(feed, "title", title, type="text")
    _text(feed, "subtitle", FEED_SUBTITLE.format(title=title), type="text")
    _text(feed, "updated", rfc3339(max((e.updated for e in entries), default=date(1970, 1, 1))))
    ET.SubElement(feed, "link", rel="self", type="application/atom+xml", href=absolute_url(site_url, "feed.xml"))
    ET.SubElement(feed, "link", rel="alternate", type="text/html", href=absolute_url(site_url, ""))
    ET.SubElement(feed, "link", rel="alternate", type="application/feed+json", href=absolute_url(site_url, "feed.json"))
    person = ET.SubElement(feed, "author")
    _text(person, "name", author)
    if email:
        _text(person, "email", email)
    _text(feed, "generator", "Noticekit")
    for entry in entries:
        element = ET.SubElement(feed, "entry")
        _text(element, "id", entry.id)
        _text(element, "title", entry.title, type="text")
        _text(element, "updated", rfc3339(entry.updated))
        ET.SubElement(element, "link", rel="alternate", type="text/html", href=entry.url)
        if entry.changes_url:
            ET.SubElement(
                element, "link", rel="related", type="text/html", href=entry.changes_url, title=wording.changes_link
            )
        if entry.material:
            ET.SubElement(element, "category", term=MATERIAL_TAG, label=wording.material_label)
        _text(element, "summary", entry.content_text, type="text")
        _text(element, "content", entry.content_html, type="html")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = _NOT_XML.sub("", text)
    return element


# -- JSON Feed 1.1 -----------------------------------------------------------------------------------


def json_feed(entries: Sequence[FeedEntry], *, site_url: str, title: str, author: str, email: str) -> bytes:
    """A JSON Feed 1.1. ``home_page_url``/``feed_url`` are given only with a site URL (they are optional,
    and a reader cannot use a relative one)."""
    data: dict[str, Any] = {"version": JSON_FEED_VERSION, "title": title}
    if site_url:
        data["home_page_url"] = absolute_url(site_url, "")
        data["feed_url"] = absolute_url(site_url, "feed.json")
    data["description"] = FEED_SUBTITLE.format(title=title)
    data["authors"] = [{"name": author, **({"url": f"mailto:{email}"} if email else {})}]
    data["items"] = [_json_item(entry) for entry in entries]
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _json_item(entry: FeedEntry) -> dict[str, Any]:
    version = entry.version
    item: dict[str, Any] = {
        "id": entry.id,
        "url": entry.url,
        "title": entry.title,
        "content_html": entry.content_html,
        "content_text": entry.content_text,
        "date_published": rfc3339(entry.updated),
        "date_modified": rfc3339(entry.updated),
    }
    if version.change_summary:
        item["summary"] = version.change_summary
    if entry.material:
        item["tags"] = [MATERIAL_TAG]
    item["_noticekit"] = {
        "version": version.id,
        "material": version.material,
        "last_updated": version.last_updated.isoformat(),
        "effective": version.effective.isoformat(),
        "announced": version.announced.isoformat() if version.announced else None,
        "changes_url": entry.changes_url,
    }
    return item
