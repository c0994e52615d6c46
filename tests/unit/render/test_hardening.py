"""The Content-Security-Policy and external-link hardening of finished pages."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from noticekit.render.hardening import content_security_policy, harden_page, inline_scripts, is_external

SCRIPT = '__md_scope=new URL(".",location),__md_get=(e,_=localStorage)=>JSON.parse(_.getItem(e))'
PAGE = f"""<!doctype html>
<html lang="en">
  <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width,initial-scale=1">
      <link rel="stylesheet" href="assets/main.css">
    <script>{SCRIPT}</script>
  </head>
  <body>
    <p>See <a href="https://example.org/a?b=1&amp;c=2">the regulator</a> and <a href="#contents">contents</a>.</p>
    <a href="https://squidfunk.github.io/mkdocs-material/" target="_blank" rel="noopener">Material</a>
    <script id="__config" type="application/json">{{"search": "worker.js"}}</script>
    <script src="assets/bundle.js"></script>
  </body>
</html>
"""


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def policy_of(page: str) -> dict[str, list[str]]:
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert match, "no CSP meta"
    return {name: values for name, *values in (d.split() for d in match[1].split(";"))}


def test_policy_allows_only_the_site_itself():
    policy = policy_of(harden_page(PAGE))
    assert policy["default-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    for name in ("font-src", "connect-src", "worker-src", "base-uri", "form-action"):
        assert policy[name] == ["'self'"], name
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "frame-ancestors" not in policy  # ignored by browsers in a <meta> policy


def test_script_src_lists_the_hash_of_each_executable_inline_script():
    policy = policy_of(harden_page(PAGE))
    assert policy["script-src"] == ["'self'", sha256(SCRIPT)]
    assert "'unsafe-inline'" not in policy["script-src"]


def test_json_data_blocks_and_external_scripts_are_not_hashed():
    assert inline_scripts(PAGE) == [SCRIPT]


def test_every_inline_script_is_hashed_once_in_a_stable_order():
    page = "<head><meta charset=utf-8></head><script>b()</script><script type=module>a()</script><script>b()</script>"
    script_src = policy_of(harden_page(page))["script-src"]
    assert script_src == ["'self'", *sorted({sha256("b()"), sha256("a()")})]


def test_hash_covers_the_exact_text_including_whitespace_and_non_ascii():
    body = "\n  var label = “Zurück”;\n"
    assert content_security_policy(f"<script>{body}</script>").count(sha256(body)) == 1


def test_hash_is_of_the_text_after_the_parser_normalises_line_endings():
    assert content_security_policy("<script>a()\r\nb()\rc()</script>").count(sha256("a()\nb()\nc()")) == 1


def test_meta_goes_right_after_the_charset_before_anything_that_loads():
    hardened = harden_page(PAGE)
    head = hardened[: hardened.index("</head>")]
    assert head.index('<meta charset="utf-8">') < head.index("Content-Security-Policy") < head.index("<link")


def test_meta_goes_right_after_head_when_the_charset_comes_late():
    page = '<html><head><link rel="stylesheet" href="a.css"><meta charset="utf-8"></head><body></body></html>'
    hardened = harden_page(page)
    assert hardened.startswith('<html><head>\n<meta http-equiv="Content-Security-Policy"')


def test_external_links_get_noopener_noreferrer_and_keep_other_rel_tokens():
    hardened = harden_page(PAGE)
    assert '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">' in hardened
    assert 'target="_blank" rel="noopener noreferrer">Material</a>' in hardened
    assert '<a href="#contents">contents</a>' in hardened
    assert harden_page('<a rel="license" href="//example.org/">x</a>') == (
        '<a rel="license noopener noreferrer" href="//example.org/">x</a>'
    )


@pytest.mark.parametrize(
    ("href", "external"),
    [
        ("https://example.org/", True),
        ("HTTP://example.org/", True),
        ("//example.org/x", True),
        ("&#x2F;&#x2F;example.org", True),
        ("../versions/", False),
        ("#sharing", False),
        ("mailto:privacy@example.org", False),
        ("/versions/", False),
    ],
)
def test_is_external(href, external):
    assert is_external(href) is external


def test_links_inside_scripts_comments_and_styles_are_left_alone():
    page = '<!-- <a href="https://x.example/"> --><script>s="<a href=\'https://y.example/\'>"</script>'
    assert harden_page(page) == page


def test_everything_else_is_unchanged_byte_for_byte():
    hardened = harden_page(PAGE)
    meta = re.search(r'\n<meta http-equiv="Content-Security-Policy"[^>]*>', hardened)
    assert meta is not None
    restored = (hardened[: meta.start()] + hardened[meta.end() :]).replace(' rel="noopener noreferrer"', "", 1)
    restored = restored.replace('rel="noopener noreferrer">Material', 'rel="noopener">Material')
    assert restored == PAGE


def test_hardening_twice_changes_nothing_more():
    once = harden_page(PAGE)
    assert harden_page(once) == once


def test_without_policy_only_links_change():
    hardened = harden_page(PAGE, with_policy=False)
    assert "Content-Security-Policy" not in hardened
    assert '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">' in hardened


def test_a_fragment_without_head_gets_no_policy():
    assert harden_page('<p><a href="#x">x</a></p>') == '<p><a href="#x">x</a></p>'
