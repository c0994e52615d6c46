"""Page-level heuristics of the HTML importer, each on a small page of the shape it handles."""

from datetime import date

import pytest

from noticekit.errors import ImportFailed
from noticekit.importers.html import convert_html


def page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head><title>Privacy | Acme</title>{head}</head><body>{body}</body></html>"


def test_main_content_wins_over_site_chrome() -> None:
    draft = convert_html(page("""
        <header><nav><a href="/">Home</a><h2>Menu</h2></nav></header>
        <div class="cookie-consent-banner"><p>We use cookies.</p><h2>Cookie settings</h2></div>
        <main><h1>Acme Privacy Notice</h1><p>Intro text.</p>
          <h2 id="data">Data we collect</h2><p>Names.</p>
          <h2 id="rights">Your rights</h2><p>Ask us.</p></main>
        <aside><h2>Related</h2><p>Terms</p></aside>
        <footer><h2>Company</h2><p>© Acme</p></footer>
    """))
    assert draft.title == "Acme Privacy Notice"
    assert draft.intro == "Intro text.\n"
    assert [(s.id, s.title, s.body) for s in draft.sections] == [
        ("data", "Data we collect", "Names.\n"),
        ("rights", "Your rights", "Ask us.\n"),
    ]


def test_without_main_the_sections_common_ancestor_is_used_and_trailing_promos_are_not() -> None:
    draft = convert_html(page("""
        <div id="page"><div class="hero"><h1>Privacy</h1><p>Intro in the hero.</p></div>
        <div class="content"><div class="s"><h2>One</h2><p>First.</p></div>
        <div class="s"><h2>Two</h2><p>Second.</p></div></div>
        <div class="promo"><p>Download our app!</p></div></div>
    """))
    assert draft.intro == "Intro in the hero.\n"
    assert [s.body for s in draft.sections] == ["First.\n", "Second.\n"]


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ('<h2 id="x-1">Who we are</h2>', "x-1"),
        ('<h2><a name="who"></a>Who we are</h2>', "who"),
        ('<p><a name="Who_We_Are"></a></p><h2>Who we are</h2>', "who-we-are"),
        ('<section id="about"><h2>Who we are</h2><p>Text.</p></section>', "about"),
        ("<h2>1. Who we are</h2>", "who-we-are"),
    ],
)
def test_section_id_is_the_page_anchor_or_a_slug_of_the_title(markup: str, expected: str) -> None:
    draft = convert_html(page(f"<article><h1>Privacy</h1>{markup}<p>Text.</p><h2>Other</h2><p>More.</p></article>"))
    assert draft.sections[0].id == expected


def test_contents_table_gives_summaries_and_is_dropped_with_back_links() -> None:
    draft = convert_html(page("""
        <article><h1>Privacy</h1><p>Intro.</p>
        <h2 id="summary">Summary</h2>
        <table><tr><th>Section</th><th>Summary</th></tr>
          <tr><td>1</td><td><a href="#a">Alpha</a></td><td>All about alpha.</td></tr>
          <tr><td>2</td><td><a href="#b">Beta</a></td><td>All about beta.</td></tr></table>
        <h2 id="a">Alpha</h2><p>Alpha text. Go <a href="#summary">back to summary</a></p>
        <p><a href="#top">Back to top ↑</a></p>
        <h2 id="b">Beta</h2><p>Beta text, see <a href="#summary">the summary</a>.</p><p class="up"><a href="#">↑</a></p>
        </article>
    """))
    assert [(s.id, s.summary) for s in draft.sections] == [("a", "All about alpha."), ("b", "All about beta.")]
    assert draft.sections[0].body == "Alpha text. Go\n"
    assert draft.sections[1].body == "Beta text, see [the summary](#contents).\n"
    assert any("'Summary' section" in w for w in draft.warnings)


def test_contents_list_with_label_and_dashes() -> None:
    draft = convert_html(page("""
        <main><h1>Privacy</h1><p>Intro.</p><p><strong>In this notice:</strong></p>
        <ul><li><a href="#a">Alpha</a> – what alpha is.<ul><li><a href="#a1">Sub</a></li></ul></li>
            <li><a href="#b">Beta</a>: what beta is</li></ul>
        <h2 id="a">Alpha</h2><h3 id="a1">Sub</h3><p>x</p><h2 id="b">Beta</h2><p>y</p></main>
    """))
    assert draft.intro == "Intro.\n"
    assert [s.summary for s in draft.sections] == ["What alpha is.", "What beta is"]


def test_links_to_sub_section_anchors_go_to_the_containing_section() -> None:
    draft = convert_html(page("""
        <main><h1>Privacy</h1><p>See <a href="#cookies-analytics">analytics</a> and <a href="#nowhere">this</a>.</p>
        <h2 id="cookies">Cookies</h2><h3 id="cookies-analytics">Analytics</h3><p>Text.</p>
        <h2>Rights</h2><p>See <a href="https://acme.example/privacy#cookies">cookies</a>.</p></main>
    """, head='<link rel="canonical" href="https://acme.example/privacy">'))
    assert draft.intro == "See [analytics](#cookies) and this.\n"
    assert draft.sections[1].body == "See [cookies](#cookies).\n"
    assert any("#nowhere" in w for w in draft.warnings)


def test_relative_links_resolve_against_the_canonical_url_or_warn() -> None:
    body = '<main><h1>P</h1><h2>A</h2><p>See <a href="/cookies">cookies</a>.</p><h2>B</h2><p>b</p></main>'
    with_url = convert_html(page(body, head='<link rel="canonical" href="https://acme.example/legal/privacy">'))
    assert with_url.sections[0].body == "See [cookies](https://acme.example/cookies).\n"
    without = convert_html(page(body))
    assert without.sections[0].body == "See [cookies](/cookies).\n"
    assert any("relative" in w for w in without.warnings)


def test_dates_in_the_intro_and_at_the_end_are_taken_out() -> None:
    draft = convert_html(page("""
        <main><h1>Privacy</h1>
        <p>Effective date: May 1, 2022. This notice explains what we do.</p>
        <h2>A</h2><p>The GDPR became effective on 25 May 2018.</p>
        <h2>B</h2><p>Text.</p><p><em>Last updated <time datetime="2022-04-04">4/4/22</time></em></p></main>
    """))
    assert (draft.last_updated, draft.effective) == (date(2022, 4, 4), date(2022, 5, 1))
    assert draft.intro == "This notice explains what we do.\n"
    assert draft.sections[0].body == "The GDPR became effective on 25 May 2018.\n"
    assert draft.sections[1].body == "Text.\n"


def test_date_outside_the_content_is_used_when_the_notice_has_none() -> None:
    draft = convert_html(page("""
        <div class="meta-bar"><span>Last updated: 12 March 2021</span></div>
        <main><h1>Privacy</h1><h2>A</h2><p>a</p><h2>B</h2><p>b</p></main>
    """))
    assert draft.last_updated == date(2021, 3, 12)


def test_h3_sections_when_the_page_has_no_h2() -> None:
    draft = convert_html(page("<main><h1>P</h1><h3>A</h3><h4>A1</h4><p>a</p><h3>B</h3><p>b</p></main>"))
    assert [s.title for s in draft.sections] == ["A", "B"]
    assert draft.sections[0].body == "### A1\n\na\n"


def test_title_from_the_title_element_when_there_is_no_h1() -> None:
    draft = convert_html(page("<main><h2>A</h2><p>a</p><h2>B</h2><p>b</p></main>"))
    assert draft.title == "Privacy"
    assert any("no 'h1'" in w for w in draft.warnings)


def test_a_page_without_sections_is_refused() -> None:
    with pytest.raises(ImportFailed, match=r"found no section headings in terms\.html"):
        convert_html(page("<main><h1>Terms</h1><p>Just text.</p></main>"), "terms.html")
