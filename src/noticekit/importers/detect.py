"""Tell an HTML page from a Markdown document by its content (never by its file name), and decode it."""

from __future__ import annotations

import re
from typing import Literal

Format = Literal["html", "markdown"]

HTML_START = re.compile(
    r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|"
    r"<(?:main|article|section|div|h[1-6]|p|table|header|nav|meta|title|link|style|script)[\s>/])",
    re.IGNORECASE | re.DOTALL,
)
HTML_BLOCK_CLOSE = re.compile(r"</(?:p|div|h[1-6]|li|section|article|td|table)>", re.IGNORECASE)
MARKDOWN_LINE = re.compile(r"^(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>\s?|\|.*\||```|---\s*$)", re.MULTILINE)


def decode(data: bytes) -> tuple[str, str | None]:
    """Text of ``data`` (UTF-8, else Windows-1252) and a warning when it was not UTF-8."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff"), None
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "the document is not UTF-8; it was read as Windows-1252"


def detect_format(data: bytes) -> Format:
    """``html`` for a page or an HTML fragment, ``markdown`` otherwise."""
    head = data[:4096].decode("utf-8", errors="replace").removeprefix("\ufeff").lstrip()
    if head.startswith("---"):
        return "markdown"
    if HTML_START.match(head):
        return "html"
    text = data.decode("utf-8", errors="replace")
    html_signs = len(HTML_BLOCK_CLOSE.findall(text))
    markdown_signs = len(MARKDOWN_LINE.findall(text))
    return "html" if html_signs > max(3, markdown_signs) else "markdown"
