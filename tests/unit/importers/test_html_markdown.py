"""Element-level conversion; each case is also rendered to check the Markdown means what the HTML did."""

from bs4 import BeautifulSoup

from noticekit.importers.html_markdown import MarkdownConverter
from noticekit.render.markdown import render_markdown


def convert(html: str, links: dict[str, str | None] | None = None) -> str:
    soup = BeautifulSoup(f"<body>{html}</body>", "lxml")
    converter = MarkdownConverter(lambda level: min(max(level, 3), 4), lambda href: (links or {}).get(href, href))
    return converter.convert(soup.body.children)


def text_of(markdown: str) -> str:
    return " ".join(BeautifulSoup(render_markdown(markdown).html, "lxml").get_text(" ").split())


def test_paragraphs_emphasis_links_and_code() -> None:
    md = convert(
        '<p>We <strong>never</strong> sell <em>your</em> data. See <a href="https://x.example/a b">our terms</a>'
        " or run <code>notice check</code>.</p>"
    )
    assert md == "We **never** sell *your* data. See [our terms](https://x.example/a%20b) or run `notice check`."


def test_prose_that_looks_like_markdown_stays_prose() -> None:
    html = (
        "<p>Fees of 5*2 [1] apply_now; &lt;b&gt; is not a tag &amp; &amp;copy; is not an entity {#x}</p>"
        "<p>1. Not a list</p><p># not a heading</p>"
    )
    md = convert(html)
    assert text_of(md) == (
        "Fees of 5*2 [1] apply_now; <b> is not a tag & &copy; is not an entity {#x} 1. Not a list # not a heading"
    )
    assert "<h1" not in render_markdown(md).html and "<ol" not in render_markdown(md).html


def test_nested_lists_keep_their_nesting() -> None:
    md = convert(
        "<ul><li>Account<ul><li>name</li><li>email</li></ul></li><li>Billing</li></ul>"
        '<ol start="3"><li><p>First para</p><p>Second para</p></li><li>Next</li></ol>'
    )
    assert md.startswith("- Account\n    - name\n    - email\n- Billing")
    html = render_markdown(md).html
    assert html.count("<ul>") == 2 and '<ol start="3">' in html
    assert "<p>Second para</p>" in html


def test_tables_become_pipe_tables_with_escaped_pipes_and_line_breaks() -> None:
    md = convert(
        "<table><thead><tr><th>Who</th><th>Why</th></tr></thead><tbody>"
        "<tr><td>Couriers | vans</td><td>Delivery<br>and returns</td></tr>"
        '<tr><td colspan="2">All of the above</td></tr>'
        "<tr><td><ul><li>one</li><li>two</li></ul></td><td></td></tr></tbody></table>"
    )
    assert md.splitlines()[:2] == ["| Who | Why |", "| --- | --- |"]
    html = render_markdown(md).html
    assert "<td>Couriers | vans</td>" in html
    assert "<td>Delivery<br>and returns</td>" in html
    assert "• one<br>• two" in html
    assert html.count("<tr>") == 4


def test_bold_header_row_and_layout_tables() -> None:
    md = convert("<table><tr><td><b>A</b></td><td><b>B</b></td></tr><tr><td>1</td><td>2</td></tr></table>")
    assert md.splitlines()[0] == "| A | B |"
    assert convert("<table><tr><td><p>Just a layout cell.</p></td></tr></table>") == "Just a layout cell."


def test_headings_definitions_quotes_and_code_blocks() -> None:
    md = convert(
        "<h3>Sub</h3><h5>Deep</h5><dl><dt>Term</dt><dd>Meaning</dd><dt>Other</dt><dd>More</dd></dl>"
        "<blockquote><p>Quoted</p></blockquote><pre>a  b\n  c</pre><hr>"
    )
    assert md.split("\n\n")[:2] == ["### Sub", "#### Deep"]
    html = render_markdown(md).html
    assert "<dt>Term</dt>" in html and "<dd>More</dd>" in html
    assert "<blockquote>" in html and "a  b\n  c" in html and "<hr>" in html


def test_links_can_be_dropped_by_the_resolver_and_images_are_counted() -> None:
    soup = BeautifulSoup('<p><a href="#gone">old anchor</a> <img src="x.png" alt="x"> text</p>', "lxml")
    converter = MarkdownConverter(lambda level: 3, lambda href: None)
    assert converter.convert(soup.body.children) == "old anchor text"
    assert converter.dropped_images == 1


def test_hard_breaks_in_paragraphs_and_list_items() -> None:
    md = convert("<p>Line one<br>Line two</p><ul><li>a<br>b</li></ul>")
    assert md == "Line one  \nLine two\n\n- a  \n    b"
    assert render_markdown(md).html.count("<br") == 2
