"""Import realistic published notices (tests/fixtures/import), render them, and compare with the source.

The similarity is difflib's ratio over the word sequences of the source's notice text (its main content,
minus what the build generates: the contents table, back links, the date line) and of the rendered
notice (title, introduction and sections, minus the generated contents table, back links and dates).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup, Tag

from noticekit.cli import main
from noticekit.config import Wording
from noticekit.errors import ImportFailed
from noticekit.importers import import_document
from noticekit.load.loader import load_notice
from noticekit.render.notice_page import render_notice

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
MIN_SIMILARITY = 0.95


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def similarity(source: str, rendered: str) -> float:
    return difflib.SequenceMatcher(None, words(source), words(rendered), autojunk=False).ratio()


def rendered_text(folder: Path) -> str:
    html = render_notice(load_notice(folder), Wording()).html
    return notice_text(BeautifulSoup(html, "lxml").find("article"))


def notice_text(article: Tag | None) -> str:
    """Visible text of a rendered notice without what the build generates around the editor's text."""
    assert article is not None
    for generated in article.select("nav.nk-contents, p.nk-back, p.nk-dates, .nk-version-links, .nk-banner"):
        generated.decompose()
    return article.get_text(" ")


def drop(soup: BeautifulSoup, *selectors: str) -> None:
    for selector in selectors:
        for tag in soup.select(selector):
            tag.decompose()


def quillmoor_source() -> str:
    soup = BeautifulSoup((FIXTURES / "quillmoor-privacy.html").read_bytes(), "lxml")
    article = soup.select_one("article.legal-document")
    drop(article, "p.legal-document__meta", "table.toc-table", "h2#summary", "a.back-to-top")
    return article.get_text(" ")


def brightwater_source() -> str:
    soup = BeautifulSoup((FIXTURES / "brightwater-privacy.html").read_bytes(), "lxml")
    main_column = soup.select_one(".columns__main")
    lead = main_column.select_one(".lead")
    lead.select("p")[1].decompose()  # "In this notice:"
    drop(main_column, "ul.toc", "p.to-top")
    return soup.select_one(".hero h1").get_text(" ") + " " + main_column.get_text(" ")


def tidewell_source() -> str:
    soup = BeautifulSoup((FIXTURES / "tidewell-privacy.html").read_bytes(), "lxml")
    content = soup.select_one(".entry-content")
    content.select("p")[-1].decompose()  # "This policy was last updated on 04/04/2022."
    return soup.select_one("h1").get_text(" ") + " " + content.get_text(" ")


def markdown_source(
    name: str, *selectors: str, paragraphs_after_title: int = 0, contents_heading: str | None = None
) -> Callable[[], str]:
    def source() -> str:
        text = (FIXTURES / name).read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("\n---\n", 1)[1]
        soup = BeautifulSoup(markdown.markdown(text, extensions=["tables", "attr_list"]), "lxml")
        drop(soup, *selectors)
        if contents_heading:
            heading = soup.find("h2", string=contents_heading)
            heading.find_next_sibling("ul").decompose()
            heading.decompose()
        for paragraph in soup.select("p")[:paragraphs_after_title]:
            paragraph.decompose()
        for link in soup.find_all("a", string=re.compile("Back to top")):
            link.parent.decompose()
        return soup.get_text(" ")

    return source


CASES = {
    "quillmoor-privacy.html": quillmoor_source,
    "brightwater-privacy.html": brightwater_source,
    "tidewell-privacy.html": tidewell_source,
    "harbourline-privacy.md": markdown_source("harbourline-privacy.md", contents_heading="Contents"),
    "copperleaf-privacy.md": markdown_source("copperleaf-privacy.md", "table:first-of-type", paragraphs_after_title=2),
}


@pytest.fixture
def imported(tmp_path: Path) -> Callable[[str], Path]:
    def run(name: str) -> Path:
        project = tmp_path / name.replace(".", "-")
        result = import_document(FIXTURES / name, project)
        assert result.folder == project / "notice"
        return result.folder

    return run


@pytest.mark.parametrize("name", sorted(CASES))
def test_rendered_notice_keeps_the_source_text(name: str, imported: Callable[[str], Path]) -> None:
    folder = imported(name)
    ratio = similarity(CASES[name](), rendered_text(folder))
    print(f"{name}: word-sequence similarity {ratio:.4f}")
    assert ratio >= MIN_SIMILARITY


def test_quillmoor_ids_summaries_tables_and_no_chrome(imported: Callable[[str], Path]) -> None:
    notice = load_notice(imported("quillmoor-privacy.html"))
    assert notice.meta.title == "Quillmoor Outfitters Privacy Notice"
    assert str(notice.meta.last_updated) == "2022-04-04"
    assert [s.id for s in notice.sections] == [
        "who-we-are", "what-we-collect", "how-we-use", "trail-club", "sharing", "retention", "your-rights", "contact",
    ]
    assert notice.section("trail-club").summary == (
        "How our loyalty scheme uses your purchase history and how to leave it."
    )
    assert [s.path for s in notice.sections][:2] == ["sections/01-who-we-are.md", "sections/02-what-we-collect.md"]
    html = render_notice(notice, Wording()).html
    for chrome in ("Accept all cookies", "Find a store", "Search the shop", "All rights reserved", "Skip to main",
                   "Terms of sale", "Back to top", "Last updated: April", "gtag", "Sign up for trip ideas"):
        assert chrome not in html
    # The repeated "Your choices" sub-heading gets a page-unique anchor in each section.
    assert 'id="how-we-use-your-choices"' in html and 'id="trail-club-your-choices"' in html
    assert html.count("<table>") == 1 + 2  # the generated contents table and the page's two tables
    assert "Identity, order and payment details | device information" in html
    assert "<li>foot length and width measurements;</li>" in html  # the nested list stays nested
    assert '<a href="#what-we-collect">information we collect</a>' in html


def test_brightwater_section_wrappers_list_contents_and_effective_date(imported: Callable[[str], Path]) -> None:
    folder = imported("brightwater-privacy.html")
    notice = load_notice(folder)
    assert [s.id for s in notice.sections] == [
        "about-us", "health-data", "the-app", "research", "your-rights", "questions",
    ]
    assert notice.section("research").summary == "How anonymised information helps us improve treatment."
    assert str(notice.meta.last_updated) == "2022-04-04"
    # A link to a sub-section's anchor now leads to its section; one to a missing anchor became text.
    assert "[what we record](#health-data)" in notice.section("research").body
    assert "our research register." in notice.section("research").body
    html = render_notice(notice, Wording()).html
    assert "Download the Brightwater app" not in html and "On this page" not in html and "↑ Top" not in html
    assert "<dt>Your insurer</dt>" in html and "<h4" in html
    assert "<th>Where it is stored</th>" in html


def test_tidewell_cms_anchors_no_contents_and_trailing_date(tmp_path: Path) -> None:
    result = import_document(FIXTURES / "tidewell-privacy.html", tmp_path)
    notice = load_notice(result.folder)
    assert [s.id for s in notice.sections] == ["section1", "section2", "use", "sharing", "section5"]
    assert str(notice.meta.last_updated) == "2022-04-04"  # "04/04/2022" at the end of the page, read US-style
    assert all(s.summary.startswith("TODO:") for s in notice.sections)
    assert any("section1, section2, use, sharing, section5" in w for w in result.warnings)
    assert "[section 5](#section5)" in notice.section("section2").body
    html = render_notice(notice, Wording()).html
    assert "This site uses cookies" not in html and "Share" not in html and "Log in" not in html
    assert "If you do not pay what you owe<br>after we have tried to help" in html


def test_markdown_with_front_matter_keeps_its_dates_and_ids(imported: Callable[[str], Path]) -> None:
    notice = load_notice(imported("harbourline-privacy.md"))
    assert (str(notice.meta.last_updated), str(notice.meta.effective)) == ("2022-04-04", "2022-05-02")
    assert [s.id for s in notice.sections] == ["about", "booking", "on-board", "rights"]
    assert notice.section("on-board").summary == "CCTV, passenger lists and assistance on board."
    assert "[what we ask for](#booking)" in notice.section("booking").body
    assert "Back to top" not in "".join(s.body for s in notice.sections)


def test_markdown_without_front_matter(imported: Callable[[str], Path]) -> None:
    notice = load_notice(imported("copperleaf-privacy.md"))
    assert notice.meta.title == "Copperleaf Books Privacy Notice"
    assert (str(notice.meta.last_updated), str(notice.meta.effective)) == ("2022-04-04", "2022-05-01")
    first = notice.sections[0]
    assert (first.id, first.summary) == ("who-we-are", "The bookshop behind this notice and how to reach us.")
    assert not notice.intro.startswith("|")


def test_detection_is_by_content_not_by_file_name(tmp_path: Path) -> None:
    disguised = tmp_path / "notice.txt"
    disguised.write_bytes((FIXTURES / "tidewell-privacy.html").read_bytes())
    result = import_document(disguised, tmp_path / "project")
    assert result.format == "html" and result.sections == 5


def test_refuses_to_overwrite_unless_forced(tmp_path: Path) -> None:
    import_document(FIXTURES / "copperleaf-privacy.md", tmp_path)
    with pytest.raises(ImportFailed, match=r"notice/ already holds a notice") as caught:
        import_document(FIXTURES / "harbourline-privacy.md", tmp_path)
    assert caught.value.hint is not None and "--force" in caught.value.hint
    assert load_notice(tmp_path / "notice").meta.title == "Copperleaf Books Privacy Notice"
    import_document(FIXTURES / "harbourline-privacy.md", tmp_path, force=True)
    assert load_notice(tmp_path / "notice").meta.title == "Harbourline Ferries Privacy Notice"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notice"]  # no staging folder left behind


def test_no_date_uses_today_and_warns(tmp_path: Path) -> None:
    source = tmp_path / "n.md"
    source.write_text("# Notice\n\n## One\n\nText.\n", encoding="utf-8")
    result = import_document(source, tmp_path / "p", today=__import__("datetime").date(2024, 2, 3))
    assert result.last_updated is not None and str(result.last_updated) == "2024-02-03"
    assert any("no 'Last updated' date" in w and "2024-02-03" in w for w in result.warnings)


def test_cli_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "project"
    assert main(["-C", str(project), "import", str(FIXTURES / "tidewell-privacy.html")]) == 0
    out = capsys.readouterr()
    assert "imported 5 sections into" in out.out
    assert "warning: 5 section(s) have no summary" in out.err
    assert main(["-C", str(project), "import", str(FIXTURES / "tidewell-privacy.html")]) == 1
    err = capsys.readouterr().err
    assert "error: notice/ already holds a notice" in err and "hint: add --force" in err
    assert main(["-C", str(project), "import", "--force", str(tmp_path / "missing.html")]) == 1
    assert "error: cannot read" in capsys.readouterr().err


def _build_available() -> str | None:
    try:
        import mkdocs  # noqa: F401

        import noticekit.publish  # noqa: F401
    except ImportError as exc:
        return str(exc)
    return None


@pytest.mark.slow
@pytest.mark.skipif(_build_available() is not None, reason=f"site build not importable: {_build_available()}")
@pytest.mark.parametrize("name", ["quillmoor-privacy.html"])
def test_real_mkdocs_build_of_an_imported_notice(name: str, tmp_path: Path, imported: Callable[[str], Path]) -> None:
    from tests.integration.sites import build, make_project

    project = make_project(tmp_path / "site-project", notice=imported(name))
    result = build(project, as_of="2022-06-01")
    assert result.returncode == 0, result.output
    page = result.page("")
    ratio = similarity(CASES[name](), notice_text(page.select_one("article.nk-notice")))
    print(f"{name} (mkdocs build): word-sequence similarity {ratio:.4f}")
    assert ratio >= MIN_SIMILARITY


def test_round_trip_of_a_page_noticekit_rendered(tmp_path: Path) -> None:
    original = load_notice(FIXTURES.parent / "other-notice")
    page = tmp_path / "page.html"
    page.write_text(f"<html><body><main>{render_notice(original, Wording()).html}</main></body></html>", "utf-8")
    again = load_notice(import_document(page, tmp_path / "project").folder)
    assert again.meta == original.meta
    assert [(s.id, s.title, s.summary) for s in again.sections] == [
        (s.id, s.title, s.summary) for s in original.sections
    ]
    ratio = similarity(rendered_text(original.root), rendered_text(again.root))
    assert ratio >= 0.99
