"""Rendering a notice and the page-level checks (unique ids, anchors that exist)."""

from __future__ import annotations

from noticekit.config import Wording
from noticekit.load.loader import load_notice
from noticekit.render.notice_page import Banner, Link, PageContext, check_page, render_notice
from tests.conftest import section


def test_effective_line_only_when_it_differs(make_notice):
    notice = load_notice(make_notice())
    assert "Effective" not in render_notice(notice, Wording()).html
    later = load_notice(
        make_notice({"index.md": "---\ntitle: T\nlast_updated: 2022-04-04\neffective: 2022-05-06\n---\nIntro\n"})
    )
    html = render_notice(later, Wording()).html
    assert "Last updated on April 4, 2022" in html and "Effective May 6, 2022" in html


def test_prior_link_and_banners(make_notice):
    notice = load_notice(make_notice())
    context = PageContext(
        "2022-04-04",
        (Banner("archived", "Archived version", "Old.", (Link("../../", "Read the current notice"),)),),
        prior_url="../2021-01-01/",
    )
    html = render_notice(notice, Wording(), context).html
    assert '(<a href="../2021-01-01/" class="nk-prior">view the prior version</a>)' in html
    assert 'class="nk-banner nk-banner--archived"' in html and '<a href="../../">Read the current notice</a>' in html


def test_titles_are_escaped(make_notice):
    notice = load_notice(
        make_notice({"sections/02-sharing.md": section("sharing", "Sharing & <b>selling</b>", "Text.")})
    )
    html = render_notice(notice, Wording()).html
    assert "Sharing &amp; &lt;b&gt;selling&lt;/b&gt;" in html


def test_link_to_missing_anchor_names_file_and_line(make_notice):
    folder = make_notice(
        {"sections/03-your-rights.md": section("your-rights", "Rights", "Line one.\n\nSee [gone](#removed-section).")}
    )
    notice = load_notice(folder)
    problems = check_page(notice, render_notice(notice, Wording()), "notice")
    assert [str(p) for p in problems] == [
        "notice/sections/03-your-rights.md:8: link to '#removed-section', an anchor that does not exist; "
        "link to a section id (known: what-we-collect, sharing, your-rights)"
    ]


def test_links_to_sub_headings_and_sections_are_fine(make_notice):
    folder = make_notice(
        {
            "sections/03-your-rights.md": section(
                "your-rights", "Rights", "See [this](#sharing-information-you-share-directly)."
            )
        }
    )
    notice = load_notice(folder)
    assert check_page(notice, render_notice(notice, Wording()), "notice") == []


def test_duplicate_explicit_ids_are_reported(make_notice):
    folder = make_notice({"sections/03-your-rights.md": section("your-rights", "Rights", "### Heading {#sharing}")})
    notice = load_notice(folder)
    problems = [str(p) for p in check_page(notice, render_notice(notice, Wording()), "notice")]
    assert problems == [
        "notice/sections/03-your-rights.md:6: the anchor '#sharing' is used 2 times on the page; ids must be unique"
    ]


def test_reserved_section_id(make_notice):
    folder = make_notice({"sections/04-contents.md": section("contents", "Contents", "Text.")})
    notice = load_notice(folder)
    problems = [str(p) for p in check_page(notice, render_notice(notice, Wording()), "notice")]
    assert "notice/sections/04-contents.md:1: section id 'contents' is reserved by the page; choose another" in problems
