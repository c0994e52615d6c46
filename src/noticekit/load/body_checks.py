"""Checks on the Markdown source of a section or introduction, each reported with its file line.

A legal page must not run or hide code, so unsafe raw HTML is an *error* naming the line, not
something silently stripped; the renderer's sanitizer is the second line of defence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from noticekit.model import Problem

FENCE = re.compile(r"^\s*(```|~~~)")
ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:\s|$)")
SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)\s*$")
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*)?)/?>")
ATTRIBUTE = re.compile(r"""([A-Za-z_:][-A-Za-z0-9_:.]*)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
ATTR_LIST = re.compile(r"\{:?\s*([^{}]*)\}")
MD_LINK_TARGET = re.compile(r"\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)")
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>")
EXTERNAL_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?((?:[a-z]+:)?//[^)\s>]*)", re.IGNORECASE)
UNSAFE_SCHEME = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)

# Inline and block elements an editor may reasonably need in a legal text. Anything else
# (script, iframe, object, embed, style, form, input, svg, …) is refused.
ALLOWED_TAGS = frozenset(
    [
        "a",
        "abbr",
        "address",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "hr",
        "i",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
    ]
)
FORBIDDEN_ATTRIBUTES = ("style", "srcdoc", "formaction")


def visible_lines(text: str) -> Iterator[tuple[int, str]]:
    """Yield (0-based index, line) of lines outside fenced code blocks, with inline code blanked out."""
    in_fence: str | None = None
    for index, line in enumerate(text.splitlines()):
        fence = FENCE.match(line)
        if fence:
            marker = fence.group(1)
            if in_fence is None:
                in_fence = marker
            elif marker == in_fence:
                in_fence = None
            continue
        if in_fence is None:
            yield index, INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)


def check_body(body: str, file: str, first_line: int, *, allow_h2: bool = False) -> list[Problem]:
    """Return the problems in a Markdown body that starts on ``first_line`` of ``file``."""
    problems: list[Problem] = []
    previous = ""
    for index, line in visible_lines(body):
        lineno = first_line + index
        heading = ATX_HEADING.match(line)
        if heading and len(heading.group(1)) <= (1 if allow_h2 else 2):
            level = heading.group(1)
            problems.append(
                Problem(
                    file,
                    lineno,
                    f"'{level}' heading in a section body: the section title is the level-2 heading, "
                    "so use '###' or deeper for sub-sections",
                )
            )
        setext = SETEXT_UNDERLINE.match(line) and previous.strip() and not previous.lstrip().startswith(("-", "*", "|"))
        if setext and (not allow_h2 or line.strip().startswith("=")):
            problems.append(
                Problem(
                    file,
                    lineno,
                    "underlined (setext) heading in a section body: use '###' or deeper for sub-sections",
                )
            )
        problems.extend(_check_html(line, file, lineno))
        previous = line
    return problems


def _check_html(line: str, file: str, lineno: int) -> Iterator[Problem]:
    for match in HTML_TAG.finditer(line):
        closing, tag, attributes = match.group(1), match.group(2).lower(), match.group(3) or ""
        if tag not in ALLOWED_TAGS:
            if not closing:
                yield Problem(
                    file,
                    lineno,
                    f"raw HTML <{tag}> is not allowed in a notice (allowed: {', '.join(sorted(ALLOWED_TAGS))})",
                )
            continue
        yield from _check_attributes(attributes, f"<{tag}>", file, lineno)
    for match in ATTR_LIST.finditer(line):
        if "=" in match.group(1):
            yield from _check_attributes(match.group(1), "attribute list", file, lineno)
    for match in EXTERNAL_IMAGE.finditer(line):
        yield Problem(
            file, lineno, f"image from another host '{match.group(1)}': put the image in the notice folder instead"
        )
    for match in MD_LINK_TARGET.finditer(line):
        if UNSAFE_SCHEME.match(match.group(1)):
            yield Problem(
                file, lineno, f"unsafe link target '{match.group(1)}': javascript: and data: URLs are not allowed"
            )
    for match in AUTOLINK.finditer(line):
        if UNSAFE_SCHEME.match(match.group(1)):
            yield Problem(
                file, lineno, f"unsafe link target '{match.group(1)}': javascript: and data: URLs are not allowed"
            )


def _check_attributes(attributes: str, where: str, file: str, lineno: int) -> Iterator[Problem]:
    for attr in ATTRIBUTE.finditer(attributes):
        name = attr.group(1).lower()
        value = (attr.group(2) or "").strip("\"'")
        if name.startswith("on"):
            yield Problem(
                file, lineno, f"event-handler attribute '{name}' in {where} is not allowed: a notice must not run code"
            )
        elif name in FORBIDDEN_ATTRIBUTES:
            yield Problem(
                file, lineno, f"attribute '{name}' in {where} is not allowed: a notice must not hide or restyle text"
            )
        elif UNSAFE_SCHEME.match(value):
            yield Problem(file, lineno, f"unsafe URL '{value}' in {where}: javascript: and data: URLs are not allowed")
