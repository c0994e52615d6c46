"""Split a Markdown section body into sentence-sized units, and normalise them for comparison.

The classifier compares *sentences*, not words: a word diff says where an edit happened, the
sentences around it say what the edit means. Each unit keeps its span in the raw body so that the
word-diff ops (which rebuild the raw text exactly) can be mapped onto the units they touch.

Three renderings of a unit are used:

* ``raw`` — the Markdown as written;
* ``plain`` — Markdown stripped, case kept (for excerpts, company names and messages);
* ``norm`` — ``plain`` case-folded, contractions expanded, punctuation dropped, URLs, e-mail
  addresses and phone numbers replaced by placeholders, whitespace collapsed. Two units with the
  same ``norm`` say the same thing: differences in case, punctuation, Markdown, line breaks and
  link targets are cosmetic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

UnitKind = Literal["heading", "item", "row", "text"]

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_BULLET = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,3}[.)]|\((?:[a-z]|[ivx]{1,5}|\d{1,3})\)|(?:[a-z]|[ivx]{1,5})\))[ \t]+")
"""A list marker: "-", "*", "+", "1." or "1)", and the lettered or roman markers of legal lists ("(a)", "(iv)")."""
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_ADMONITION = re.compile(r'^([ \t]*)(?:!!!|\?\?\?\+?)[ \t]*[\w-]+(?:[ \t]+"([^"]*)")?[ \t]*$')
_FOOTNOTE_DEF = re.compile(r"^\[\^[^\]]+\]:[ \t]*")
_RULE = re.compile(r"^\s*(?:[-*_][ \t]*){3,}$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_LABEL = re.compile(r"^\s*(?:\*\*|__)[^*_\n]{1,60}?(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:)")
"""A paragraph opening with a bold label ("**Billing data:** ...") is an entry of a list."""
_META_LABEL = re.compile(
    r"^\s*(?:\*\*|__)\s*(?:please )?(?:note|nb|example|for example|e\.g\.|tip|important|why|summary|in short|"
    r"remember|more information|learn more|what this means|in practice|legal basis|warning|caution)\b",
    re.I,
)

# A sentence ends at . ! or ? (optionally followed by closing quotes/brackets) and whitespace, when
# the next sentence starts with a capital, a digit or an opening quote/bracket/emphasis mark.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]*_]*\s+(?=[\"'\u201c\u2018(\[*_]*[A-Z0-9])")
# fmt: off
_ABBREVIATIONS = frozenset({
    "e.g", "i.e", "etc", "ltd", "inc", "co", "no", "nos", "st", "mr", "mrs", "ms", "dr", "prof", "art", "arts",
    "para", "sec", "vs", "approx", "incl", "corp", "plc", "cf", "fig", "ch", "vol", "p", "pp", "jr", "sr", "u.s",
    "u.k", "e.u", "a.m", "p.m", "s.a", "s.p.a", "b.v", "n.v", "ag", "gmbh", "llc", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})
# fmt: on

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]^][^\]]*)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]^][^\]]*)\]\[[^\]]*\]")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto|tel):[^>\s]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_ATTR_LIST = re.compile(r"\{:?\s*[.#][^}]*\}")
_EMPHASIS = re.compile(r"\*\*|__|~~|`|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)|(?<=\S)_(?!\w)")

_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]|\bmailto:\S+|\btel:\S+|"
    # a bare address written as link text: "vaultlet.com/legal/data-requests", "ico.org.uk"
    r"(?<![@\w.-])(?:[a-z0-9-]+\.)+(?:com|org|net|io|co|uk|eu|de|fr|ie|au|nz|ca|us|gov|edu|app|example)"
    r"(?:/[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"])?(?![\w@])",
    re.I,
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_PHONE = re.compile(r"(?:\+|\(\+?|\b0)\d[\d\s().\-/]{5,}\d\b")
_CONTRACTIONS = (
    (re.compile(r"\bcan['\u2019]t\b"), "can not"),
    (re.compile(r"\bcannot\b"), "can not"),
    (re.compile(r"\bwon['\u2019]t\b"), "will not"),
    (re.compile(r"\bshan['\u2019]t\b"), "shall not"),
    (re.compile(r"n['\u2019]t\b"), " not"),
    (re.compile(r"['\u2019](?:re)\b"), " are"),
    (re.compile(r"['\u2019](?:ll)\b"), " will"),
    (re.compile(r"['\u2019](?:ve)\b"), " have"),
    (re.compile(r"\be[\s-]mail"), "email"),
)
_NOT_WORD = re.compile(r"[.,](?!\d)|(?<!\d)[.,]|[^\w\s.,]|_")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Unit:
    """One sentence, list item sentence, table row or heading of a Markdown body."""

    start: int
    """Offset of the first character in the raw body."""
    end: int
    """Offset just after the last character."""
    raw: str
    kind: UnitKind
    block: int
    """Index of the block (paragraph, list item, table row, heading) the unit belongs to."""
    heading: str
    """Plain text of the nearest heading above (or the heading itself)."""
    lead: str
    """For list items and table rows: the sentence introducing the list or the table's header row."""
    level: int = 0
    """Heading level for headings; indentation depth for list items."""
    first_cell: str = ""
    """For table rows: the plain text of the first cell (the row's subject)."""

    @cached_property
    def plain(self) -> str:
        return plain_text(self.raw, table_row=self.kind == "row")

    @cached_property
    def norm(self) -> str:
        norm = normalise(self.plain)
        if self.kind == "item":
            # The joining word moves when an item is added or removed ("...online; and"): it says nothing.
            norm = _ITEM_GLUE.sub("", norm)
        return norm


_ITEM_GLUE = re.compile(r"^(?:and|or) (?=\w)|(?<=\w) (?:and|or)$")


def plain_text(markdown: str, *, table_row: bool = False) -> str:
    """Strip Markdown syntax (links keep their text, targets are dropped), keep case."""
    text = markdown
    if table_row:
        text = " | ".join(cell.strip() for cell in _split_cells(text))
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _FOOTNOTE_REF.sub("", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    text = _ATTR_LIST.sub("", text)
    text = _EMPHASIS.sub("", text)
    return _SPACES.sub(" ", text).strip()


def mask_contacts(plain: str) -> str:
    """Replace URLs, e-mail addresses and phone numbers by placeholders, keeping case elsewhere."""
    text = _URL.sub(" zzurl ", plain)
    text = _EMAIL.sub(" zzemail ", text)
    return _PHONE.sub(" zzphone ", text)


def normalise(plain: str) -> str:
    """Case-fold, expand contractions, drop punctuation, mask URLs, e-mails and phone numbers."""
    text = mask_contacts(plain).casefold().replace("\u2019", "'").replace("\u2018", "'")
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    text = text.replace("'s ", "s ").replace("'", " ")
    text = _NOT_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def _split_cells(row: str) -> list[str]:
    text = row.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return re.split(r"(?<!\\)\|", text)


@dataclass
class _Block:
    kind: UnitKind
    start: int
    end: int
    level: int = 0


def split_units(body: str) -> list[Unit]:
    """Split ``body`` into units in reading order."""
    blocks = _blocks(body)
    units: list[Unit] = []
    heading = ""
    lead = ""
    header = ""
    context = ""
    last_kind: UnitKind | None = None
    for index, block in enumerate(blocks):
        raw = body[block.start : block.end]
        if block.kind == "heading":
            heading = plain_text(raw)
            lead, header = "", ""
            units.append(Unit(block.start, block.end, raw, "heading", index, heading, "", block.level))
        elif block.kind == "row":
            if last_kind != "row":
                header = plain_text(raw, table_row=True)
                context = " ".join(part for part in (lead, header) if part)
            first = plain_text(_split_cells(raw)[0]) if raw.strip() else ""
            units.append(Unit(block.start, block.end, raw, "row", index, heading, context, 0, first))
        else:
            if block.kind == "text" and _LABEL.match(raw) and not _META_LABEL.match(raw):
                block.kind = "item"
            sentences = list(_sentences(body, block.start, block.end))
            for start, end in sentences:
                unit_lead = lead if block.kind == "item" else ""
                units.append(Unit(start, end, body[start:end], block.kind, index, heading, unit_lead, block.level))
            if block.kind == "text" and sentences:
                start, end = sentences[-1]
                lead = plain_text(body[start:end])
        last_kind = block.kind
    return units


def _blocks(body: str) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    in_fence = False
    offset = 0
    for line in body.splitlines(keepends=True):
        start = offset
        offset += len(line)
        content = line.rstrip("\r\n")
        end = start + len(content.rstrip())
        if _FENCE.match(content):
            in_fence = not in_fence
            current = None
            continue
        if in_fence:
            continue
        if not content.strip() or (_RULE.match(content) and not _BULLET.match(content + " x")):
            current = None
            continue
        heading = _HEADING.match(content)
        if heading:
            current = None
            text_start = start + heading.start(2)
            blocks.append(_Block("heading", text_start, start + heading.end(2), len(heading.group(1))))
            continue
        stripped = content.lstrip()
        if stripped.startswith("|"):
            current = None
            if not _TABLE_SEPARATOR.match(content):
                blocks.append(_Block("row", start + len(content) - len(stripped), end))
            continue
        admonition = _ADMONITION.match(content)
        if admonition:
            current = None
            if admonition.group(2):
                blocks.append(_Block("heading", start + admonition.start(2), start + admonition.end(2), 6))
            continue
        bullet = _BULLET.match(content)
        if bullet and len(content) > bullet.end():
            indent = len(bullet.group(1).expandtabs(4)) // 2
            current = _Block("item", start + bullet.end(), end, indent)
            blocks.append(current)
            continue
        footnote = _FOOTNOTE_DEF.match(content)
        if footnote:
            current = _Block("text", start + footnote.end(), end)
            blocks.append(current)
            continue
        if current is not None and current.kind in ("item", "text"):
            current.end = end
            continue
        current = _Block("text", start + len(content) - len(stripped), end)
        blocks.append(current)
    return blocks


def _sentences(body: str, start: int, end: int) -> list[tuple[int, int]]:
    text = body[start:end]
    spans: list[tuple[int, int]] = []
    cursor = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[cursor : match.start()]
        last_word = re.search(r"([\w.]+)$", before)
        if last_word and (
            last_word.group(1).lower().rstrip(".") in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", last_word.group(1))
        ):
            continue
        stop = match.start() + len(match.group(0).rstrip())
        spans.append((cursor, stop))
        cursor = match.end()
    spans.append((cursor, len(text.rstrip())))
    result = []
    for a, b in spans:
        segment = text[a:b]
        lead = len(segment) - len(segment.lstrip())
        if segment.strip():
            result.append((start + a + lead, start + b))
    return result
