"""Links every page advertises in its ``<head>``: the Atom and JSON feeds of versions."""

from __future__ import annotations

from markupsafe import escape

from noticekit.render.urls import relative


def add_feed_links(html: str, page_url: str, title: str) -> str:
    """Insert ``<link rel="alternate">`` for the feeds before ``</head>``; ``page_url`` is the page's directory URL."""
    root = relative(page_url, "")
    base = "" if root == "./" else root
    name = escape(title)
    links = (
        f'<link rel="alternate" type="application/atom+xml" title="{name} (Atom)" href="{base}feed.xml">\n'
        f'<link rel="alternate" type="application/feed+json" title="{name} (JSON Feed)" href="{base}feed.json">\n'
    )
    return html.replace("</head>", links + "</head>", 1)
