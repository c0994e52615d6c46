"""The Markdown dialect and the sanitiser."""

from __future__ import annotations

from noticekit.render.markdown import render_markdown


def test_heading_and_footnote_ids_carry_the_prefix():
    fragment = render_markdown("### Your choices\n\nText[^1].\n\n[^1]: Note.\n", "sharing")
    assert '<h3 id="sharing-your-choices">' in fragment.html
    assert 'id="fnref-sharing-1"' in fragment.html and 'href="#fn-sharing-1"' in fragment.html
    assert [(h.level, h.id) for h in fragment.headings] == [(3, "sharing-your-choices")]


def test_tables_admonitions_attr_lists():
    html = render_markdown(
        '| a | b |\n|:--|--:|\n| 1 | 2 |\n\n!!! note "Heads up"\n    Body\n\nPara\n{: .lead }\n', "x"
    ).html
    assert '<td align="right">2</td>' in html
    assert '<div class="admonition note">' in html and '<p class="admonition-title">Heads up</p>' in html
    assert '<p class="lead">Para</p>' in html


def test_sanitiser_strips_what_slipped_through():
    html = render_markdown('<span onclick="x()" style="display:none">hi</span><script>bad()</script>').html
    assert "onclick" not in html and "style" not in html and "bad()" not in html and "hi" in html


def test_external_links_get_rel_internal_do_not():
    html = render_markdown("[a](https://example.org) and [b](#sharing) and [c](mailto:x@example.org)").html
    assert '<a rel="noopener noreferrer" href="https://example.org">a</a>' in html
    assert '<a href="#sharing">b</a>' in html
    assert '<a href="mailto:x@example.org">c</a>' in html
