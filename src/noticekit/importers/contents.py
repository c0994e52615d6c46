"""What a published notice's own navigation looks like, shared by the HTML and Markdown converters.

The build generates a contents table (with each section's summary) and "back to the summary" links,
so the source's own are read for their summaries and then dropped.
"""

from __future__ import annotations

import re

CONTENTS_HEADING = re.compile(
    r"^\W*(?:table\s+of\s+contents|contents(?:\s+of\s+this\s+\w+)?|summary(?:\s+of\s+\w+(?:\s+\w+)?)?|"
    r"overview|index|sections|navigation|quick\s+links|jump\s+to(?:\s+a\s+section)?|on\s+this\s+page|"
    r"in\s+this\s+(?:notice|policy|statement|document|page)|what(?:'s|\s+is)\s+in\s+this\s+(?:notice|policy))"
    r"\W*$",
    re.IGNORECASE,
)
BACK_LINK_TEXT = re.compile(
    r"^\W*(?:(?:(?:back|return|go|jump|scroll|skip|up)\s+)+(?:(?:up|to|the)\s+)*)?"
    r"(?:top(?:\s+of\s+(?:the\s+)?page)?|contents|table\s+of\s+contents|summary|index|overview|menu|up)\W*$",
    re.IGNORECASE,
)
BACK_LINK_SYMBOLS = frozenset({"↑", "^", "▲", "⬆", "⇧", "△", "⌃", "top", "↩", "↩︎"})
BACK_TARGETS = frozenset({"", "top", "page-top", "pagetop", "toc", "contents", "table-of-contents", "summary",
                          "index", "main", "content", "main-content", "maincontent", "header"})
SKIP_LINK_TEXT = re.compile(r"^\W*(?:skip|jump)\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|text)\W*$", re.I)
SUMMARY_EDGE = re.compile(r"^[\s:–—\-|,.;·•]+|[\s|·•]+$")


def is_back_link(text: str, target: str) -> bool:
    """A "Back to top" / "↑ Contents" link the build will generate again."""
    words = " ".join(text.split())
    if words.lower() in BACK_LINK_SYMBOLS:
        return True
    return bool(BACK_LINK_TEXT.match(words)) or (target.lower() in BACK_TARGETS and len(words.split()) <= 4
                                                  and bool(re.search(r"\b(?:back|top|return)\b", words, re.I)))


def is_contents_heading(text: str) -> bool:
    return bool(CONTENTS_HEADING.match(" ".join(text.split())))


def clean_summary(text: str) -> str | None:
    """A contents entry's text next to its link, as one line; None when nothing meaningful is left."""
    cleaned = SUMMARY_EDGE.sub("", " ".join(text.split()))
    cleaned = SUMMARY_EDGE.sub("", cleaned)
    if not re.search(r"[^\W\d_]{2,}", cleaned):
        return None
    # "About us – who is responsible …": the text after the dash reads as a sentence of its own.
    return cleaned[0].upper() + cleaned[1:] if cleaned[0].islower() else cleaned
