"""Markdown to safe HTML: the one place the notice's Markdown dialect is defined.

Every fragment is rendered with an *id prefix* (the section id) so that sub-headings and footnotes
that repeat across sections ("Your choices" in two sections, footnote 1 in each) get page-unique,
stable anchors. The output is sanitised with nh3 even though the loader already refused unsafe
HTML: defence in depth for a page whose integrity is a legal matter.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import markdown
import nh3
from markdown.extensions.toc import slugify

from noticekit.load.body_checks import ALLOWED_TAGS

EXTENSIONS = ["tables", "footnotes", "attr_list", "admonition", "def_list", "sane_lists", "toc", "md_in_html"]

# What the editor may write as raw HTML, plus what our own Markdown extensions produce.
SAFE_TAGS = ALLOWED_TAGS | {"h3", "h4", "h5", "h6", "img", "col", "colgroup"}
SAFE_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "ol": {"start"},
    "time": {"datetime"},
    "abbr": {"title"},
}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}

FOOTNOTE_ID = re.compile(r'(id|href)="(#?)(fn|fnref\d*):')
EXTERNAL_LINK = re.compile(r'<a href="(https?:)?//')


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    text: str


@dataclass(frozen=True)
class Fragment:
    html: str
    headings: tuple[Heading, ...]


class _Renderer(threading.local):
    """A reusable Markdown instance per thread (building one costs more than converting a section)."""

    def __init__(self) -> None:
        self.prefix = ""
        self.md = markdown.Markdown(
            extensions=EXTENSIONS,
            extension_configs={
                "toc": {"slugify": self._slugify, "permalink": False},
                "tables": {"use_align_attribute": True},
                "footnotes": {"BACKLINK_TITLE": "Back to reference %d"},
            },
            output_format="html",
        )

    def _slugify(self, value: str, separator: str) -> str:
        slug = slugify(value, separator) or "heading"
        return f"{self.prefix}-{slug}" if self.prefix else slug


_renderer = _Renderer()


@lru_cache(maxsize=8192)
def render_markdown(text: str, id_prefix: str = "") -> Fragment:
    """Render ``text`` to sanitised HTML; heading and footnote ids start with ``id_prefix``.

    Memoised: versions repeat most sections unchanged, and the result is a pure, frozen value.
    """
    _renderer.prefix = id_prefix
    md = _renderer.md
    md.reset()
    html = md.convert(text)
    tokens: list[dict[str, Any]] = getattr(md, "toc_tokens", [])
    if id_prefix:
        html = FOOTNOTE_ID.sub(lambda m: f'{m.group(1)}="{m.group(2)}{m.group(3)}-{id_prefix}-', html)
    return Fragment(sanitize(html), tuple(_flatten(tokens)))


def sanitize(html: str) -> str:
    clean = nh3.clean(
        html,
        tags=set(SAFE_TAGS),
        attributes={k: set(v) for k, v in SAFE_ATTRIBUTES.items()},
        link_rel=None,
        url_schemes=set(SAFE_SCHEMES),
        clean_content_tags={"script", "style"},
    )
    return EXTERNAL_LINK.sub(lambda m: '<a rel="noopener noreferrer" href="' + (m.group(1) or "") + "//", clean)


def _flatten(tokens: list[dict[str, Any]]) -> list[Heading]:
    out: list[Heading] = []
    for token in tokens:
        out.append(Heading(int(token["level"]), str(token["id"]), str(token["name"])))
        out.extend(_flatten(token.get("children", [])))
    return out
