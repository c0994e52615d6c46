"""Turn HTML elements of a notice's body into Noticekit Markdown (the dialect of ``render.markdown``).

Kept: paragraphs, headings (levels mapped by the caller), nested lists, pipe tables, definition lists,
quotes, code, emphasis and links (each link target passed through the caller's resolver, which may drop
it). Dropped: images (counted, so the caller can tell the editor) and anything without text.
Text is escaped so that a "*" or "[1]" in the prose stays prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from bs4 import NavigableString, PageElement, Tag

BLOCK_TAGS = frozenset(
    (
        "address", "article", "aside", "blockquote", "body", "center", "details", "dialog", "dd", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul",
    )
)
HEADINGS = {f"h{n}": n for n in range(1, 7)}
HARD_BREAK = "\x00"
LIST_ITEM = re.compile(r"^(?:[-+*]|\d+[.)])\s")
LINE_START = re.compile(r"^(#{1,6}(?=\s|$)|[-+*](?=\s)|\d+(?=[.)]\s)|>|[=-]+\s*$|:(?=\s))")

# Inline elements kept as the raw HTML the loader allows; the rest become their text.
RAW_INLINE = frozenset({"sup", "sub", "del", "s"})
STRONG = frozenset({"strong", "b"})
EMPHASIS = frozenset({"em", "i", "cite", "dfn"})
CODE = frozenset({"code", "kbd", "samp", "tt", "var"})


def escape_text(text: str) -> str:
    """Escape Markdown syntax in a run of prose (not at line starts; see ``escape_line_start``)."""
    text = text.replace("\\", "\\\\")
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text)
    text = text.replace("<", "&lt;")
    text = re.sub(r"([`*\[\]])", r"\\\1", text)
    text = re.sub(r"\{(?=[:#.])", r"\\{", text)
    return re.sub(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])", r"\\_", text)


def escape_line_start(line: str) -> str:
    """Keep a paragraph line that starts like a heading, list item, quote or underline a paragraph."""
    match = LINE_START.match(line)
    if not match:
        return line
    token = match.group(1)
    if token[0].isdigit():
        return token + "\\" + line[len(token) :]
    return "\\" + line


def indent(text: str, pad: str = "    ") -> str:
    return "\n".join(pad + line if line.strip() else "" for line in text.split("\n"))


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text)


class MarkdownConverter:
    """Converts element trees; one instance per document (it counts what it dropped)."""

    def __init__(
        self,
        heading_level: Callable[[int], int],
        resolve_link: Callable[[str], str | None],
    ) -> None:
        self.heading_level = heading_level
        """Maps an HTML heading level to a Markdown one (3 or 4)."""
        self.resolve_link = resolve_link
        """Returns the Markdown target for an ``href``, or None to keep only the link's text."""
        self.dropped_images = 0

    # Blocks --------------------------------------------------------------------------------------

    def convert(self, nodes: Iterable[PageElement]) -> str:
        """Markdown for a sequence of sibling nodes, blocks separated by blank lines."""
        return "\n\n".join(self.blocks(nodes))

    def blocks(self, nodes: Iterable[PageElement]) -> list[str]:
        out: list[str] = []
        run: list[PageElement] = []
        for node in nodes:
            if isinstance(node, Tag) and self._is_block(node):
                out.extend(self._paragraph(run))
                run = []
                out.extend(self._block(node))
            elif isinstance(node, Tag) or type(node) is NavigableString:
                run.append(node)
        out.extend(self._paragraph(run))
        return [b for b in out if b.strip()]

    @staticmethod
    def _is_block(tag: Tag) -> bool:
        return tag.name in BLOCK_TAGS or tag.find(BLOCK_TAGS) is not None

    def _block(self, tag: Tag) -> list[str]:
        name = tag.name
        if name == "p":
            return self._paragraph(tag.children)
        if name in HEADINGS:
            text = self._line(tag.children)
            return [f"{'#' * self.heading_level(HEADINGS[name])} {text}"] if text else []
        if name in ("ul", "ol"):
            return [self._list(tag)]
        if name == "table":
            return self._table(tag)
        if name == "dl":
            return [self._definitions(tag)]
        if name == "blockquote":
            inner = self.convert(tag.children)
            return ["\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))] if inner else []
        if name == "pre":
            code = tag.get_text().strip("\n")
            fence = "~~~" if "```" in code else "```"
            return [f"{fence}\n{code}\n{fence}"] if code.strip() else []
        if name == "hr":
            return ["* * *"]
        if name == "summary":
            text = self._line(tag.children)
            return [f"**{text}**"] if text else []
        if name not in BLOCK_TAGS:  # an inline element wrapping blocks, e.g. <a><div>…</div></a>
            return self.blocks(tag.children)
        return self.blocks(tag.children)

    def _paragraph(self, nodes: Iterable[PageElement]) -> list[str]:
        text = self._line(nodes)
        return [text] if text else []

    def _line(self, nodes: Iterable[PageElement]) -> str:
        """Inline content as one Markdown paragraph (hard breaks become two-space line ends)."""
        text = _collapse("".join(self.inline(n) for n in nodes))
        lines = [escape_line_start(part.strip()) for part in text.split(HARD_BREAK)]
        return "  \n".join(line for line in lines if line)

    def _list(self, tag: Tag) -> str:
        ordered = tag.name == "ol"
        try:
            number = int(str(tag.get("start", "1")))
        except ValueError:
            number = 1
        items: list[str] = []
        loose = False
        for child in tag.children:
            if isinstance(child, NavigableString) and not child.strip():
                continue
            parts = self.blocks(child.children if isinstance(child, Tag) and child.name == "li" else [child])
            if not parts:
                continue
            marker = f"{number}." if ordered else "-"
            number += 1
            item = f"{marker} {indent(parts[0]).lstrip()}"
            for part in parts[1:]:
                nested_list = bool(LIST_ITEM.match(part))
                loose = loose or not nested_list
                item += ("\n" if nested_list else "\n\n") + indent(part)
            items.append(item)
        return ("\n\n" if loose else "\n").join(items)

    def _definitions(self, tag: Tag) -> str:
        """``Term`` then ``:   definition`` lines (the def_list extension), entries apart by a blank line."""
        text = ""
        for child in tag.find_all(["dt", "dd"]):
            if child.find_parent("dl") is not tag:
                continue
            if child.name == "dt":
                term = self._line(child.children)
                if term:
                    text += ("\n\n" if text else "") + term
                continue
            parts = self.blocks(child.children)
            if parts:
                definition = ":   " + indent(parts[0]).lstrip()
                definition += "".join("\n\n" + indent(part) for part in parts[1:])
                text += ("\n" if text else "") + definition
        return text

    # Tables --------------------------------------------------------------------------------------

    def _table(self, table: Tag) -> list[str]:
        rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
        grid = [[c for c in tr.find_all(["td", "th"]) if c.find_parent("tr") is tr] for tr in rows]
        grid = [r for r in grid if r]
        if not grid:
            return self.blocks(table.children)
        if all(len(r) == 1 for r in grid):  # a layout table: one column of content
            return [b for r in grid for b in self.blocks(r[0].children)]
        out: list[str] = []
        caption = table.find("caption")
        if caption is not None and caption.find_parent("table") is table:
            out.extend(self._paragraph(caption.children))
        cells: list[list[str]] = []
        for row in grid:
            texts: list[str] = []
            for cell in row:
                texts.append(self._cell(cell))
                try:
                    span = int(str(cell.get("colspan", "1")))
                except ValueError:
                    span = 1
                texts.extend([""] * max(0, min(span, 20) - 1))
            cells.append(texts)
        if all(re.fullmatch(r"\*\*[^*]+\*\*", c) for c in cells[0] if c):
            cells[0] = [c[2:-2] for c in cells[0]]  # a header row written as bold cells
        width = max(len(r) for r in cells)
        cells = [r + [""] * (width - len(r)) for r in cells]
        lines = ["| " + " | ".join(cells[0]) + " |", "|" + "|".join([" --- "] * width) + "|"]
        lines += ["| " + " | ".join(r) + " |" for r in cells[1:]]
        out.append("\n".join(line.replace("|  |", "| |") for line in lines))
        return out

    def _cell(self, cell: Tag) -> str:
        lines: list[str] = []
        for block in self.blocks(cell.children):
            for line in block.split("\n"):
                line = line.strip()
                if not line or line in ("* * *",) or re.fullmatch(r"\|?[\s:|-]+\|?", line):
                    continue
                line = re.sub(r"^#{1,6}\s+", "", line)
                line = re.sub(r"^[-+*]\s+", "• ", line)
                lines.append(line.removesuffix("  "))
        return "<br>".join(lines).replace("|", "\\|")

    # Inline --------------------------------------------------------------------------------------

    def inline(self, node: PageElement) -> str:
        if isinstance(node, NavigableString):
            return escape_text(_collapse(str(node))) if type(node) is NavigableString else ""
        if not isinstance(node, Tag):
            return ""
        name = node.name
        if name == "br":
            return HARD_BREAK
        if name == "img":
            self.dropped_images += 1
            return ""
        if name in BLOCK_TAGS:  # a block inside inline content: keep its text in the line
            return " " + "".join(self.inline(c) for c in node.children) + " "
        inner = "".join(self.inline(c) for c in node.children)
        if name == "a":
            return self._link(node, inner)
        if name in STRONG:
            return _wrap(inner, "**")
        if name in EMPHASIS:
            return _wrap(inner, "*")
        if name in CODE:
            code = _collapse(node.get_text())
            if not code.strip():
                return code
            fence = "``" if "`" in code else "`"
            pad = " " if code.startswith("`") or code.endswith("`") else ""
            return f"{fence}{pad}{code}{pad}{fence}"
        if name in RAW_INLINE:
            lead, core, trail = _split_space(inner)
            return f"{lead}<{name}>{core}</{name}>{trail}" if core else inner
        if name == "q":
            lead, core, trail = _split_space(inner)
            return f'{lead}"{core}"{trail}' if core else inner
        return inner

    def _link(self, tag: Tag, inner: str) -> str:
        if not inner.replace(HARD_BREAK, "").strip():
            return inner
        href = str(tag.get("href") or "").strip()
        target = self.resolve_link(href) if href else None
        if target is None:
            return inner
        target = target.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
        lead, core, trail = _split_space(inner)
        return f"{lead}[{core}]({target}){trail}"


def _split_space(text: str) -> tuple[str, str, str]:
    core = text.strip()
    if not core:
        return text, "", ""
    start = len(text) - len(text.lstrip())
    return text[:start], core, text[start + len(core) :]


def _wrap(inner: str, marker: str) -> str:
    lead, core, trail = _split_space(inner)
    if not core or core.replace(HARD_BREAK, "").strip() == "":
        return inner
    return f"{lead}{marker}{core}{marker}{trail}"
