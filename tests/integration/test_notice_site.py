"""Build real sites with MkDocs and inspect the published notice page (issue: the notice site)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from noticekit.load.loader import load_notice
from tests.integration.sites import REPO, build, make_project

FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture(scope="module", params=["other-notice", "minimal"])
def built(request, tmp_path_factory):
    folder = FIXTURES / request.param
    project = make_project(tmp_path_factory.mktemp(request.param), notice=folder)
    result = build(project)
    assert result.returncode == 0, result.output
    return load_notice(folder), result


def test_contents_rows_match_sections(built):
    notice, result = built
    page = result.page("")
    rows = page.select("nav.nk-contents tbody tr")
    assert len(rows) == len(notice.sections)
    for row, section in zip(rows, notice.sections, strict=True):
        link = row.find("a")
        assert link["href"] == f"#{section.id}"
        assert link.get_text() == section.title
        assert row.find_all("td")[1].get_text(" ", strip=True).split() == section.summary.split()


def test_sections_are_h2_with_stable_ids_and_back_links(built):
    notice, result = built
    page = result.page("")
    sections = page.select("section.nk-section")
    assert [s.h2["id"] for s in sections] == [s.id for s in notice.sections]
    for element in sections:
        back = element.find_all("p", class_="nk-back")
        assert len(back) == 1 and back[0].a["href"] == "#contents"
        assert back[0].a.get_text() == "Jump back up to the summary"
    assert page.find(id="contents").get_text() == "Contents of this notice"


def test_every_id_on_the_page_is_unique(built):
    _, result = built
    page = result.page("")
    counts = Counter(tag["id"] for tag in page.find_all(id=True))
    assert [i for i, n in counts.items() if n > 1] == []


def test_repeated_sub_headings_get_distinct_ids(built):
    _, result = built
    page = result.page("")
    names = Counter(h.get_text() for h in page.select("article.nk-notice h3"))
    repeated = [name for name, n in names.items() if n > 1]
    assert repeated, "fixture should repeat sub-heading names"
    ids = [h["id"] for h in page.select("article.nk-notice h3") if h.get_text() == repeated[0]]
    assert len(set(ids)) == len(ids)


def test_title_and_date_line(built):
    notice, result = built
    page = result.page("")
    assert page.select_one("article h1").get_text() == notice.meta.title
    day = notice.meta.last_updated
    months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    assert f"Last updated on {months[day.month - 1]} {day.day}, {day.year}" in page.select_one(".nk-dates").get_text()


LOADING = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
    "track": "src",
    "input": "src",
}
LOADING_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon"}
CSS_URL = re.compile(r"url\(\s*['\"]?\s*((?:https?:)?//[^)'\"]+)", re.IGNORECASE)
CSS_IMPORT = re.compile(r"@import\s+(?:url\()?\s*['\"]?((?:https?:)?//)", re.IGNORECASE)


def is_remote(url: str) -> bool:
    return bool(re.match(r"^\s*(?:[a-z]+:)?//", url, re.IGNORECASE))


def test_no_external_resources_anywhere(built):
    """Nothing in the output loads from another host: no remote scripts, styles, fonts, images or frames."""
    _, result = built
    offenders = []
    for path in result.site.rglob("*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in LOADING.items():
            for element in page.find_all(tag):
                if is_remote(element.get(attribute, "")) or is_remote(element.get("srcset", "")):
                    offenders.append(f"{path.name}: <{tag} {attribute}={element.get(attribute)}>")
        for link in page.find_all("link"):
            if LOADING_LINK_RELS & set(link.get("rel", [])) and is_remote(link.get("href", "")):
                offenders.append(f"{path.name}: <link rel={link.get('rel')} href={link['href']}>")
        for style in page.find_all("style"):
            offenders += [f"{path.name}: {m}" for m in CSS_URL.findall(style.get_text())]
    for path in result.site.rglob("*.css"):
        text = path.read_text(encoding="utf-8")
        offenders += [f"{path.name}: {m}" for m in CSS_URL.findall(text)]
        offenders += [f"{path.name}: @import {m}" for m in CSS_IMPORT.findall(text)]
    assert offenders == []


def test_search_index_is_local(built):
    _, result = built
    index = result.json("search/search_index.json")
    assert any("Contents of this notice" in doc["text"] or doc["location"] == "" for doc in index["docs"])


def test_print_stylesheet_is_linked(built):
    _, result = built
    page = result.page("")
    hrefs = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assert any(h.endswith("assets/noticekit.css") for h in hrefs)
    css = (result.site / "assets/noticekit.css").read_text()
    assert "@media print" in css and ".md-sidebar" in css


def test_build_fails_with_the_check_messages(tmp_path):
    notice = tmp_path / "bad"
    import shutil

    shutil.copytree(FIXTURES / "minimal", notice)
    (notice / "sections/02-sharing.md").write_text(
        "---\nid: sharing\ntitle: Sharing\nsummary: S.\n---\n## Wrong level\n\nSee [x](#nowhere).\n"
    )
    result = build(make_project(tmp_path / "p", notice=notice))
    assert result.returncode == 1
    assert "notice/sections/02-sharing.md:6: '##' heading in a section body" in result.output
    assert "notice/sections/02-sharing.md:8: link to '#nowhere', an anchor that does not exist" in result.output
    assert "Traceback" not in result.output


def test_wording_is_configurable(tmp_path):
    project = make_project(tmp_path / "p", notice=FIXTURES / "minimal")
    (project / "noticekit.yml").write_text(
        "wording:\n  contents_heading: What this notice covers\n  back_to_contents: Back to the contents\n"
        "  last_updated: Last revised {date}\n"
    )
    result = build(project)
    assert result.returncode == 0, result.output
    page = result.page("")
    assert page.find(id="contents").get_text() == "What this notice covers"
    assert page.select_one(".nk-back a").get_text() == "Back to the contents"
    assert "Last revised April 4, 2022" in page.select_one(".nk-dates").get_text()


def test_unknown_setting_is_an_error(tmp_path):
    project = make_project(tmp_path / "p", notice=FIXTURES / "minimal")
    (project / "noticekit.yml").write_text("wording:\n  contents_heading: X\n  back_to_content: Y\n")
    result = build(project)
    assert result.returncode == 1
    assert "noticekit.yml:3: unknown setting 'back_to_content'; did you mean 'back_to_contents'?" in result.output


def test_example_notice_is_complete():
    notice = load_notice(REPO / "notice")
    assert len(notice.sections) >= 10
    bodies = "\n".join(s.body for s in notice.sections)
    assert ("####" in bodies and "|---" in bodies.replace(" ", "").replace(":", "")) or "| ---" in bodies
    assert re.search(r"\]\(#[a-z-]+\)", bodies), "cross-references between sections"
    ids = {s.id for s in notice.sections}
    assert {"children", "security", "cookies", "your-rights", "changes-to-this-notice"} <= ids
    assert Path(REPO / "notice/index.md").read_text().count("---") >= 2
