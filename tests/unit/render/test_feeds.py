"""The Atom feed and JSON Feed of versions: valid, marked, deterministic, with and without a site URL."""

from __future__ import annotations

import json
from datetime import date

import feedparser
import pytest
from lxml import etree

from noticekit.config import Wording
from noticekit.render.feeds import build_feeds
from noticekit.versions.status import timeline
from noticekit.versions.version import Version

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://example.com/privacy/"
FINDING = {
    "rule": "new-purpose",
    "category": "new_purpose",
    "section": "ai-training",
    "message": "A new purpose: training AI models",
    "before": "",
    "after": "We train our AI models.",
}


def version(day: date, **extra: object) -> Version:
    values: dict[str, object] = {
        "id": day.isoformat(),
        "title": "Privacy Notice of Example Co",
        "last_updated": day,
        "effective": day,
        "announced": None,
        "files": {"index.md": day.isoformat().replace("-", "").ljust(64, "0")},
    }
    values.update(extra)
    return Version(**values)  # type: ignore[arg-type]


FIRST = version(date(2026, 5, 1))
MINOR = version(date(2026, 8, 3), change_summary="Clearer wording.", material=False)
MATERIAL = version(
    date(2026, 11, 16),
    effective=date(2026, 12, 21),
    announced=date(2026, 11, 16),
    change_summary="We will use your messages to train <AI> models & more.",
    material=True,
    findings=(FINDING,),
)
VERSIONS = [FIRST, MINOR, MATERIAL]


def feeds(versions: list[Version] = VERSIONS, site_url: str = SITE, **extra: str) -> dict[str, bytes]:
    options = {"title": "Privacy Notice of Example Co", "organisation": "Example Co <privacy@example.com>"}
    options.update(extra)
    return build_feeds(
        versions,
        timeline(versions, date(2026, 11, 20)),
        site_url=site_url,
        wording=Wording(),
        **options,  # type: ignore[arg-type]
    )


# -- Atom -------------------------------------------------------------------------------------------


def test_atom_parses_without_errors_newest_first():
    parsed = feedparser.parse(feeds()["feed.xml"])
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert [e.id for e in parsed.entries] == [
        f"{SITE}versions/2026-11-16/",
        f"{SITE}versions/2026-08-03/",
        f"{SITE}versions/2026-05-01/",
    ]
    assert [e.title for e in parsed.entries] == [
        "Privacy notice updated on November 16, 2026 — material change",
        "Privacy notice updated on August 3, 2026",
        "Privacy notice published on May 1, 2026",
    ]
    assert parsed.feed.updated == "2026-11-16T00:00:00Z"
    assert [e.updated for e in parsed.entries] == [
        "2026-11-16T00:00:00Z", "2026-08-03T00:00:00Z", "2026-05-01T00:00:00Z"
    ]
    assert parsed.feed.author_detail == {"name": "Example Co", "email": "privacy@example.com"}


def test_atom_marks_material_entries_and_links_versions_and_changes():
    material, minor, first = feedparser.parse(feeds()["feed.xml"]).entries
    assert [t.term for t in material.get("tags", [])] == ["material"]
    assert minor.get("tags") is None and first.get("tags") is None
    assert [(link.rel, link.href) for link in material.links] == [
        ("alternate", f"{SITE}versions/2026-11-16/"),
        ("related", f"{SITE}versions/2026-11-16/changes/"),
    ]
    assert [(link.rel, link.href) for link in first.links] == [("alternate", f"{SITE}versions/2026-05-01/")]
    html = material.content[0].value
    assert "We will use your messages to train &lt;AI&gt; models &amp; more." in html
    assert "<strong>New purpose</strong> (ai-training): A new purpose: training AI models" in html
    assert "Effective December 21, 2026." in html
    assert material.summary.startswith("We will use your messages to train <AI> models & more.")


def test_atom_structure_against_the_namespace():
    root = etree.fromstring(feeds()["feed.xml"])
    assert root.tag == f"{ATOM}feed"
    assert root.nsmap == {None: ATOM[1:-1]}
    for name in ("id", "title", "updated", "author"):
        assert len(root.findall(f"{ATOM}{name}")) == 1, name
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == f"{SITE}feed.xml"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 3
    for entry in entries:
        for name in ("id", "title", "updated", "summary", "content"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        assert entry.find(f"{ATOM}content").get("type") == "html"
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
    assert [c.attrib for c in root.iter(f"{ATOM}category")] == [{"term": "material", "label": "Material change"}]
    # Nothing outside the Atom namespace (no stray elements from a mis-declared default namespace).
    assert {el.tag.split("}")[0] + "}" for el in root.iter()} == {ATOM}


def test_without_a_site_url_ids_are_tag_uris_and_links_relative():
    data = feeds(site_url="")
    root = etree.fromstring(data["feed.xml"])
    assert root.findtext(f"{ATOM}id") == "tag:noticekit,2026-05-01:feed"
    assert [e.findtext(f"{ATOM}id") for e in root.iter(f"{ATOM}entry")] == [
        "tag:noticekit,2026-05-01:2026-11-16",
        "tag:noticekit,2026-05-01:2026-08-03",
        "tag:noticekit,2026-05-01:2026-05-01",
    ]
    assert root.find(f"{ATOM}entry/{ATOM}link").get("href") == "versions/2026-11-16/"
    assert b"xml:base" not in data["feed.xml"]
    assert feedparser.parse(data["feed.xml"]).bozo == 0
    feed = json.loads(data["feed.json"])
    assert "home_page_url" not in feed and "feed_url" not in feed
    assert feed["items"][0]["id"] == "tag:noticekit,2026-05-01:2026-11-16"
    assert feed["items"][0]["url"] == "versions/2026-11-16/"


def test_text_that_xml_cannot_carry_is_escaped_or_dropped():
    odd = version(date(2026, 9, 1), change_summary="A & B <c> ]]> \x0b\x00 done", material=False)
    data = feeds([FIRST, odd], title="Notice <of> A & B")
    root = etree.fromstring(data["feed.xml"])
    assert root.findtext(f"{ATOM}title") == "Notice <of> A & B"
    assert root.find(f"{ATOM}entry").findtext(f"{ATOM}summary").startswith("A & B <c> ]]>  done")
    assert json.loads(data["feed.json"])["items"][0]["summary"] == "A & B <c> ]]> \x0b\x00 done"


def test_an_organisation_without_address_is_the_author_name():
    parsed = feedparser.parse(feeds(organisation="Example Co")["feed.xml"])
    assert parsed.feed.author_detail == {"name": "Example Co"}


def test_no_versions_gives_valid_empty_feeds():
    data = feeds([])
    parsed = feedparser.parse(data["feed.xml"])
    assert parsed.bozo == 0 and parsed.entries == []
    assert json.loads(data["feed.json"])["items"] == []


# -- JSON Feed 1.1 ----------------------------------------------------------------------------------


def test_json_feed_has_the_required_fields():
    feed = json.loads(feeds()["feed.json"])
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(feed["title"], str) and feed["title"]
    assert feed["home_page_url"] == SITE
    assert feed["feed_url"] == f"{SITE}feed.json"
    assert feed["authors"] == [{"name": "Example Co", "url": "mailto:privacy@example.com"}]
    assert isinstance(feed["items"], list) and len(feed["items"]) == 3
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert item.get("content_html") or item.get("content_text")
        assert item["date_published"].endswith("T00:00:00Z")
    # Custom objects must start with an underscore (JSON Feed 1.1, "Extensions").
    known = {"id", "url", "title", "content_html", "content_text", "summary", "date_published",
             "date_modified", "tags"}
    assert all(key in known or key.startswith("_") for item in feed["items"] for key in item)


def test_json_feed_marks_material_items():
    material, minor, first = json.loads(feeds()["feed.json"])["items"]
    assert material["tags"] == ["material"]
    assert "tags" not in minor and "tags" not in first
    assert material["_noticekit"] == {
        "version": "2026-11-16",
        "material": True,
        "last_updated": "2026-11-16",
        "effective": "2026-12-21",
        "announced": "2026-11-16",
        "changes_url": f"{SITE}versions/2026-11-16/changes/",
    }
    assert minor["_noticekit"]["material"] is False
    assert first["_noticekit"]["changes_url"] is None
    assert "Effective December 21, 2026." in material["content_text"]
    assert "A new purpose: training AI models" in material["content_text"]
    assert "New purpose" not in minor["content_text"]


# -- determinism ------------------------------------------------------------------------------------


@pytest.mark.parametrize("site_url", [SITE, ""])
def test_same_input_gives_the_same_bytes_in_any_order(site_url):
    assert feeds(site_url=site_url) == feeds(list(reversed(VERSIONS)), site_url=site_url)


def test_a_site_url_without_trailing_slash_gives_the_same_links():
    assert feeds(site_url=SITE.rstrip("/")) == feeds(site_url=SITE)
