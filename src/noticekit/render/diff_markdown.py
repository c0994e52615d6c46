"""Markdown renderings of a diff: the Markdown-safe redline, and the pull-request comment.

``redline_markdown(ops)`` turns a word diff of a Markdown source into Markdown that still has the
new text's block structure, with the changed words wrapped in ``<ins>``/``<del>``. It is what the
HTML changes page renders (``diff_html``) and what a pull-request comment shows (GitHub renders both
tags). Wrapping is never allowed to break the structure:

* the ops are first *snapped to atoms* (``snap_to_atoms``): a change that touches a link, image,
  code span, autolink, footnote reference, entity, escape, inline tag or attribute list takes the
  whole atom, so no marker ever lands inside link or code syntax;
* a marker never spans a line break: the ops are cut into *merged lines*; a line that exists only in
  the old text stays a line of its own (a deleted list item is still a list item, a deleted table
  row still a row);
* the block prefix of a line (``### ``, ``- ``, ``1. ``, ``> ``, ``[^1]: ``) and a table row's outer
  pipes are written bare, once, from the side whose structure the line follows; markers open after;
* inside a line the text is re-cut into Markdown atoms and re-diffed; *structural* atoms (table-cell
  pipes, emphasis delimiters, inline HTML tags, attribute lists) are written bare and markers close
  before them;
* structure follows the new text: structural atoms that exist only in the old text are dropped and
  deleted words inside a new line are escaped, so deleted text cannot open emphasis or a cell;
* old lines are fitted around the new blocks: inside a new table an old line becomes a one-cell row
  and an old blank line is left out; an old table row whose table is gone is written as plain text;
  a blank line separates an old block from a new block of another kind (so that a paragraph after a
  deleted table does not become one of its rows);
* a link whose text or target changed is kept as one working link (the new target) with its text
  redlined, and a visible note "(link changed: old → new)" when the target changed;
* lines that cannot hold markup (table delimiter rows, rules, HTML block tags, admonition headers,
  reference definitions) are written as they are on their side; their replaced old words follow
  them as an old line. Inside fenced code the new code is shown unmarked and deleted code lines
  are left out (code cannot hold markers, and old code must not read as current).

Whitespace-only changes are shown as the new whitespace without markers (reflowing a paragraph is not
a change a reader can see).

The property tests in ``tests/unit/render/test_diff_html.py`` check, for random documents and edits,
that the rendered redline minus ``<del>`` has the new text and minus ``<ins>`` the old text.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import Literal

from noticekit.diff.model import NoticeDiff, Op, SectionDiff, WordOps, new_text, old_text
from noticekit.diff.words import diff_tokens, tokenize

AtomKind = Literal["text", "atomic", "link", "struct"]
Atom = tuple[AtomKind, str]
Side = Literal["old", "new"]

INS = ("<ins>", "</ins>")
DEL = ("<del>", "</del>")
LINK_NOTE_CLASS = "nk-link-change"

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_RAW_LINE = re.compile(
    r"^(?: {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$"  # thematic break / setext underline
    r"| {0,3}=+[ \t]*$"  # setext underline
    r"|[ \t]*(?:!!!|\?\?\?\+?)[ \t]"  # admonition header
    r"| {0,3}\[(?!\^)[^\]]+\]:[ \t]"  # reference definition
    r"| {0,3}\*\[[^\]]+\]:[ \t]"  # abbreviation definition
    r"|[ \t]*\{:?[^{}]*\}[ \t]*$"  # attribute list on its own line
    r"|[ \t]*</?(?:div|details|summary|figure|figcaption|table|thead|tbody|tfoot|tr|td|th|dl|dt|dd|ol|ul|li"
    r"|p|blockquote|section|aside|address|pre|hr|br)\b[^>]*>?[ \t]*$)",
    re.IGNORECASE,
)
_TABLE_DELIMITER = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_PREFIX = re.compile(
    r"[ \t]*(?:>[ \t]?)*"
    r"(?:#{1,6}(?:[ \t]+|$)"  # heading
    r"|(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?"  # list item (and task box)
    r"|\[\^[^\]\s]+\]:[ \t]*"  # footnote definition
    r"|:[ \t]+"  # definition-list description
    r")?"
)
_LIST_ITEM = re.compile(r"[ \t]*(?:>[ \t]?)*(?:[-*+]|\d{1,9}[.)])[ \t]")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_ROW_START = re.compile(r"[ \t]*\|[ \t]*")
_ROW_END = re.compile(r"(?<!\\)\|[ \t]*$")
_BRACKETED = r"\[(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*\]"
_DESTINATION = r"\((?:[^()\s\\]|\\.|\([^()\s]*\))*(?:[ \t]+(?:\"[^\"]*\"|'[^']*'))?[ \t]*\)"
_INLINE = re.compile(
    r"(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<code>(?P<ticks>`+)(?!`).*?(?<!`)(?P=ticks)(?!`))"
    rf"|(?P<image>!{_BRACKETED}(?:{_DESTINATION}|\[[^\]]*\]))"
    r"|(?P<footnote>\[\^[^\]\s]+\])"
    rf"|(?P<link>{_BRACKETED}(?:{_DESTINATION}|\[[^\]]*\]))"
    r"|(?P<autolink><(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s]+)>)"
    r"|(?P<html></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->)"
    r"|(?P<attr>\{:?[ \t]*[#.:][^{}]*\}|\{:[^{}]*\})"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<emphasis>\*+|_+|~~+)"
    r"|(?P<pipe>\|)"
)
_KIND_OF_GROUP: dict[str, AtomKind] = {
    "escape": "atomic",
    "code": "atomic",
    "image": "atomic",
    "footnote": "atomic",
    "autolink": "atomic",
    "entity": "atomic",
    "link": "link",
    "html": "struct",
    "attr": "struct",
}
_LINK_PARTS = re.compile(rf"^(?P<text>{_BRACKETED})(?P<target>.*)$", re.DOTALL)
_ESCAPE_IN_DELETED = re.compile(r"([\\`*_\[\]{}])")


# --- the redline -----------------------------------------------------------------------------------


def redline_markdown(ops: WordOps) -> str:
    """Markdown of the new text's structure with changed words in ``<ins>``/``<del>`` (see module doc)."""
    if all(op == "equal" for op, _ in ops):
        return "".join(text for _, text in ops)
    ops = snap_to_atoms(ops)
    old_kinds = _line_kinds(old_text(ops))
    new_kinds = _line_kinds(new_text(ops))
    plan = _plan(_merged_lines(ops), old_kinds, new_kinds)
    sides = _Sides.of(old_text(ops), new_text(ops), old_kinds)
    out: list[str] = []
    previous: tuple[Side, str] | None = None
    for i, item in enumerate(plan):
        text = _render_line(item, sides)
        if text is None:
            continue
        family = _family(item.kind, text)
        if family == "blank" and item.side == "old" and _inside_new_table(plan, i, previous):
            continue  # an old line break between two rows of a new table would cut the table in two
        if family == "blank":
            previous = None
        else:
            starts_table = item.kind == "table" and any(
                later.kind == "delimiter" for later in plan[i + 1 : i + 2] if later.side == item.side
            )
            if previous and previous[0] != item.side and (previous[1] != family or starts_table):
                # An old block must not run into a new one (a paragraph after a deleted table would
                # become a row of it; a list after a deleted paragraph would become its text).
                out.append("")
            previous = (item.side, family)
        out.append(text)
    return "\n".join(out)


def _inside_new_table(plan: list[_Planned], index: int, previous: tuple[Side, str] | None) -> bool:
    """The lines around ``plan[index]`` are rows of the same new table."""
    if previous != ("new", "table"):
        return False
    for later in plan[index + 1 :]:
        if later.kind == "blank":
            continue
        return later.side == "new" and later.kind in ("table", "delimiter")
    return False


@dataclass
class _Planned:
    """A merged line with the side whose structure it follows and how it is to be written."""

    line: _Line
    side: Side
    kind: str
    """Its kind on that side (see ``_line_kinds``), or after fitting into its neighbours:
    ``loose-row`` (an old table row whose table is gone: cells as plain text), ``cell`` (an old line
    inside a new table: written as a one-cell row) or ``skip`` (an old delimiter row without its table)."""


def _plan(lines: list[_Line], old_kinds: list[str], new_kinds: list[str]) -> list[_Planned]:
    plan: list[_Planned] = []
    for line in lines:
        side = _side(line)
        if not line.side_text(side).strip():
            # A blank line that only the old text has (its line break deleted) is an old line.
            old_only = line.ended_by == "delete" and not line.has("equal", "insert")
            plan.append(_Planned(line, "old" if old_only else side, "blank"))
        elif side == "new":
            kind = _kind_at(new_kinds, line.new_no)
            if kind in ("raw", "delimiter") and line.has("delete", visible=True):
                # A line that cannot hold markup still must not swallow the old words it replaced:
                # they follow it as an old line of their own.
                new_part: list[tuple[Op, str]] = [(op, text) for op, text in line.segments if op != "delete"]
                kept = _Line(line.old_no, line.new_no, line.old_start, line.new_start, new_part)
                plan.append(_Planned(kept, side, kind))
                for orphan in _deleted_lines(line):
                    plan.append(_Planned(orphan, "old", _kind_at(old_kinds, orphan.old_no)))
            else:
                plan.append(_Planned(line, side, kind))
        else:
            plan.append(_Planned(line, side, _kind_at(old_kinds, line.old_no)))
    # A new table's delimiter row must follow its header: old lines deleted in between go after it.
    for i, item in enumerate(plan):
        if item.side == "new" and item.kind == "delimiter":
            j = i
            while j > 0 and plan[j - 1].side == "old":
                j -= 1
            if j < i and j > 0 and plan[j - 1].kind == "table":
                plan.insert(j, plan.pop(i))
    emitted: _Planned | None = None  # the last line written (not blank, not skipped)
    last_new: _Planned | None = None  # the last new-side line written, reset by a new blank line
    for i, item in enumerate(plan):
        if item.side == "old":
            following = next((later for later in plan[i + 1 :] if later.side == "new"), None)
            inside_new_block = (
                last_new is not None
                and following is not None
                and following.kind != "blank"
                and following.line.new_no == last_new.line.new_no + 1
            )
            inside_new_table = inside_new_block and following is not None and following.kind in ("table", "delimiter")
            if item.kind == "blank" and (
                inside_new_table or (inside_new_block and emitted is not None and emitted.side == "new")
            ):
                item.kind = "skip"  # it would split a new block (a table, a list) in two
            elif inside_new_table and item.kind == "delimiter":
                item.kind = "skip"
            elif inside_new_table and item.kind not in ("blank", "table"):
                item.kind = "cell"  # an old line inside a new table: a row of its own
            elif item.kind == "delimiter" and not (
                emitted is not None
                and emitted.side == "old"
                and emitted.kind == "table"
                and emitted.line.old_no == item.line.old_no - 1
            ):
                item.kind = "skip"  # kept only right under its own (old) header row
            elif (
                item.kind == "table"
                and not inside_new_table
                and not (emitted is not None and emitted.kind in ("table", "delimiter", "cell"))
            ):
                after = plan[i + 1] if i + 1 < len(plan) else None
                starts_table = after is not None and after.side == "old" and after.kind == "delimiter"
                item.kind = "table" if starts_table else "loose-row"
        elif item.kind == "blank":
            last_new = None
        else:
            last_new = item
        if item.kind == "blank":
            emitted = None
        elif item.kind != "skip":
            emitted = item
    return plan


def snap_to_atoms(ops: WordOps) -> WordOps:
    """The same change with no op boundary inside a Markdown atom (link, code span, image, tag, …).

    A word diff may match the ``)`` of an old link with the ``)`` of a new one on another line; the
    redline then could not show either link whole. Every atom touched by a change becomes part of
    one replacement (old text deleted, new text inserted); equal text is cut at atom edges first so
    that nothing outside the atom is pulled in. Both sides are still rebuilt exactly."""
    old_inside, old_edges = _atom_spans(old_text(ops))
    new_inside, new_edges = _atom_spans(new_text(ops))
    pieces: list[tuple[Op, str]] = []
    old_pos = new_pos = 0
    for op, text in ops:
        if op == "equal":
            cuts = sorted(
                {k - old_pos for k in old_edges if old_pos < k < old_pos + len(text)}
                | {k - new_pos for k in new_edges if new_pos < k < new_pos + len(text)}
            )
            pieces += [("equal", text[i:j]) for i, j in zip([0, *cuts], [*cuts, len(text)], strict=True)]
        else:
            pieces.append((op, text))
        old_pos += len(text) if op != "insert" else 0
        new_pos += len(text) if op != "delete" else 0
    regions: list[list[tuple[Op, str]]] = []
    old_pos = new_pos = 0
    for op, text in pieces:
        if regions and (old_inside[old_pos] or new_inside[new_pos]):
            regions[-1].append((op, text))  # the boundary before this piece is inside an atom
        else:
            regions.append([(op, text)])
        old_pos += len(text) if op != "insert" else 0
        new_pos += len(text) if op != "delete" else 0
    out: list[tuple[Op, str]] = []
    for region in regions:
        if len({op for op, _ in region}) == 1:
            out.extend(region)
        else:
            out.append(("delete", "".join(text for op, text in region if op != "insert")))
            out.append(("insert", "".join(text for op, text in region if op != "delete")))
    merged: list[tuple[Op, str]] = []
    for op, text in out:
        if text and merged and merged[-1][0] == op:
            merged[-1] = (op, merged[-1][1] + text)
        elif text:
            merged.append((op, text))
    return tuple(merged)


def _atom_spans(text: str) -> tuple[bytearray, set[int]]:
    """For each offset 0..len(text), whether it lies strictly inside an atom; and the atoms' edges."""
    inside = bytearray(len(text) + 1)
    edges: set[int] = set()
    offset = 0
    for line in text.split("\n"):
        if "[" in line or "`" in line or "<" in line or "&" in line or "\\" in line or "{" in line:
            for match in _INLINE.finditer(line):
                if match.lastgroup in ("emphasis", "pipe"):
                    continue
                start, end = offset + match.start(), offset + match.end()
                edges.update((start, end))
                inside[start + 1 : end] = b"\x01" * (end - start - 1)
        offset += len(line) + 1
    return inside, edges


def _deleted_lines(line: _Line) -> list[_Line]:
    """The deleted text of a line as old-only lines, each with its own old line number and offset."""
    lines: list[_Line] = []
    old_no, old_pos = line.old_no, line.old_start
    current: _Line | None = None
    for op, text in line.segments:
        if op == "insert":
            continue
        if op == "equal" or text == "\n":
            current = None
            old_no += text == "\n"
            old_pos += len(text)
            continue
        if current is None:
            current = _Line(old_no, line.new_no, old_pos, line.new_start, [], "delete")
            lines.append(current)
        current.segments.append((op, text))
        old_pos += len(text)
    return lines


def _kind_at(kinds: list[str], number: int) -> str:
    return kinds[number] if number < len(kinds) else "text"


def _side(line: _Line) -> Side:
    """Whose block structure a line follows: the new text's, unless the line exists only in the old."""
    return "new" if line.has("equal", "insert", visible=True) or not line.has("delete", visible=True) else "old"


def _family(kind: str, text: str) -> str:
    if kind == "blank" or not text.strip():
        return "blank"
    if kind in ("table", "delimiter", "cell", "code"):
        return "code" if kind == "code" else "table"
    if kind == "loose-row":
        return "text"
    if _LIST_ITEM.match(text) or text[0] in " \t":
        return "list"
    return "heading" if text.startswith("#") else "text"


@dataclass
class _Line:
    """One line of the redline: segments without newlines, and where they come from on each side."""

    old_no: int
    new_no: int
    old_start: int = 0
    """Offset of the line's old text in the whole old text (to see the characters around it)."""
    new_start: int = 0
    segments: list[tuple[Op, str]] = field(default_factory=list)
    ended_by: Op | None = None
    """The op of the line break that ends the line (None for the last line)."""

    def has(self, *ops: Op, visible: bool = False) -> bool:
        return any(op in ops and (not visible or text.strip()) for op, text in self.segments)

    def side_text(self, side: Side) -> str:
        skip = "insert" if side == "old" else "delete"
        return "".join(text for op, text in self.segments if op != skip)


def _merged_lines(ops: WordOps) -> list[_Line]:
    lines: list[_Line] = []
    old_no = new_no = old_pos = new_pos = 0
    current = _Line(0, 0)
    for op, text in ops:
        for k, part in enumerate(text.split("\n")):
            if k:
                old_pos += op != "insert"
                new_pos += op != "delete"
                if op == "delete" and current.has("equal", "insert"):
                    # The old text broke the line here, the new one does not: stay on the new line.
                    current.segments.append(("delete", "\n"))
                    old_no += 1
                else:
                    current.ended_by = op
                    lines.append(current)
                    old_no += op != "insert"
                    new_no += op != "delete"
                    current = _Line(old_no, new_no, old_pos, new_pos)
            if part:
                current.segments.append((op, part))
                old_pos += len(part) if op != "insert" else 0
                new_pos += len(part) if op != "delete" else 0
    lines.append(current)
    return [piece for line in lines for piece in _split_trailing_deleted_lines(line)]


def _split_trailing_deleted_lines(line: _Line) -> list[_Line]:
    """``P1`` + deleted ``\\n\\nP2``: show P2 as its own (deleted) paragraph, not glued to P1."""
    try:
        first = line.segments.index(("delete", "\n"))
    except ValueError:
        return [line]
    if any(op != "delete" for op, _ in line.segments[first:]):
        return [line]
    head = _Line(line.old_no, line.new_no, line.old_start, line.new_start, line.segments[:first])
    pieces = [head, _Line(line.old_no + 1, line.new_no, line.old_start + len(head.side_text("old")) + 1)]
    for op, text in line.segments[first + 1 :]:
        last = pieces[-1]
        if text == "\n":
            pieces.append(_Line(last.old_no + 1, line.new_no, last.old_start + len(last.side_text("old")) + 1))
        else:
            last.segments.append((op, text))
    for piece in pieces[1:]:
        piece.new_start = line.new_start + len(head.side_text("new"))
    for piece in pieces[:-1]:
        piece.ended_by = "delete"
    pieces[-1].ended_by = line.ended_by
    if not pieces[-1].segments:
        # Nothing after the last deleted line break: where the new line ends, the old text has an
        # empty line (ended by an equal line break) or nothing at all (an inserted one).
        if line.ended_by == "insert":
            pieces.pop()
        else:
            pieces[-1].ended_by = "delete"
    return pieces


def _line_kinds(text: str) -> list[str]:
    """Per line: ``text``, ``table`` (a row), ``delimiter`` (of a table), ``raw`` (no markup possible),
    ``code`` (in a fence) or ``blank``."""
    lines = text.split("\n")
    kinds = ["text"] * len(lines)
    fence: str | None = None
    for i, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is not None:
            kinds[i] = "code"
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
        elif match:
            fence, kinds[i] = match.group(1), "code"
        elif not line.strip():
            kinds[i] = "blank"
        elif _RAW_LINE.match(line):
            kinds[i] = "raw"
    for i in range(1, len(lines)):
        if kinds[i] == kinds[i - 1] == "text" and "|" in lines[i] and "|" in lines[i - 1]:
            if not _TABLE_DELIMITER.match(lines[i]) or "-" not in lines[i]:
                continue
            kinds[i - 1], kinds[i] = "table", "delimiter"
            j = i + 1
            while j < len(lines) and kinds[j] == "text":
                kinds[j] = "table"
                j += 1
    return kinds


@dataclass
class _Sides:
    old: str
    new: str
    old_kinds: list[str]
    old_prefixes: list[tuple[int, int]] = field(default_factory=list)
    """(start, end) offsets of each old line's block prefix ("### ", "- ", "1. ", "> ")."""

    @functools.cached_property
    def prefix_set(self) -> set[tuple[int, int]]:
        return set(self.old_prefixes)

    @classmethod
    def of(cls, old: str, new: str, old_kinds: list[str]) -> _Sides:
        prefixes, offset = [], 0
        for line in old.split("\n"):
            prefixes.append((offset, offset + len(_split_line(line, False)[0])))
            offset += len(line) + 1
        return cls(old, new, old_kinds, prefixes)

    def old_without_prefixes(self, start: int, end: int) -> tuple[str, int]:
        """The old text between the offsets with every block prefix in it cut out (the new text gives
        the line its structure), and the offset of its first remaining character."""
        parts: list[str] = []
        first: int | None = None
        position = start
        index = bisect.bisect_right(self.old_prefixes, (start, len(self.old) + 1)) - 1
        for prefix_start, prefix_end in self.old_prefixes[max(index, 0) :]:
            if prefix_start >= end:
                break
            if prefix_start > position:
                parts.append(self.old[position:prefix_start])
                first = position if first is None else first
            position = max(position, min(prefix_end, end))
        if position < end:
            parts.append(self.old[position:end])
            first = position if first is None else first
        return "".join(parts), start if first is None else first

    def old_around(self, start: int, end: int) -> tuple[str, str]:
        return _around(self.old, start, end)

    def new_around(self, start: int, end: int) -> tuple[str, str]:
        return _around(self.new, start, end)


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    return (text[start - 1] if start > 0 else "\n", text[end] if end < len(text) else "\n")


def _render_line(item: _Planned, sides: _Sides) -> str | None:
    """The line's Markdown, or None when it is left out (a deleted line of code would read as current)."""
    line, side, kind, old_kinds = item.line, item.side, item.kind, sides.old_kinds
    if kind == "skip" or (kind == "code" and side == "old"):
        return None
    if side == "old" and kind != "blank" and not _UNESCAPED_PIPE.sub("", line.side_text("old")).strip():
        return None  # a stray cell border of an old row
    if not line.has("insert", "delete"):
        return line.side_text("new")
    new, old = line.side_text("new"), line.side_text("old")
    if kind in ("raw", "delimiter", "code", "blank"):
        return new if side == "new" else old  # nothing can be marked up here
    old_end = line.old_start + len(old)
    old_before, old_after = sides.old_around(line.old_start, old_end)
    whole = old_before == "\n" and old_after == "\n"
    if kind == "loose-row":
        loose = _UNESCAPED_PIPE.sub(" ", old)
        atoms = _atomize_old(loose, line.old_no, old_kinds, before=old_before, after=old_after)
        return _redline_inline(_whole(atoms, whole), [], side).strip()
    if kind == "cell":
        content = sides.old_without_prefixes(line.old_start, old_end)[0]
        if not content.strip():
            return None
        escaped = _UNESCAPED_PIPE.sub(lambda _: "\\|", content)
        atoms = _atomize_old(escaped, line.old_no, old_kinds, before=old_before, after=old_after)
        cell = _redline_inline(_whole(atoms, whole), [], side)
        return f"| {cell} |"
    table = kind == "table"
    new_before, new_after = sides.new_around(line.new_start, line.new_start + len(new))
    new_head, new_body, new_tail = _split_line(new, table)
    if side == "new":
        # The new text gives the line its structure: the old lines' block prefixes ("### ", "- ")
        # are not words, wherever the word diff cut them (a joined line, a fragment of a line).
        head, tail = new_head, new_tail
        old_body, first = sides.old_without_prefixes(line.old_start, old_end)
        old_before = sides.old_around(first, old_end)[0]
        old_head = old_tail = ""
    elif table:
        old_head, old_body, old_tail = _split_line(old, table)
        head, tail = old_head, old_tail
    else:
        # A line only the old text has; the word diff may have cut it anywhere, so its prefix is
        # looked up in the whole old line: written in full when the line starts here, else dropped.
        old_body, first = sides.old_without_prefixes(line.old_start, old_end)
        if not old_body.strip():
            return None  # nothing but (part of) a list marker or heading hashes
        old_head = old[: first - line.old_start] if (line.old_start, first) in sides.prefix_set else ""
        old_tail = ""
        head, tail = old_head, old_tail
    old_atoms = _atomize_old(
        old_body, line.old_no, old_kinds, before=old_head[-1:] or old_before, after=old_tail[:1] or old_after
    )
    if side == "old":
        old_atoms = _whole(old_atoms, whole)
    new_atoms = atomize(new_body, table=table, before=new_head[-1:] or new_before, after=new_tail[:1] or new_after)
    body = _redline_inline(old_atoms, new_atoms, side)
    if head and body and not head[-1].isspace() and not table:
        head += " "  # "-" (an emptied list item) + "<del>we</del>" must stay a list item
    return head + body + tail


def _whole(atoms: list[Atom], whole: bool) -> list[Atom]:
    """Atoms of an old line written on its own: when it is only part of the old line (the word diff
    put the rest elsewhere), its emphasis or tags may open here and close there, so they are left
    out; the words stay."""
    return atoms if whole else [atom for atom in atoms if atom[0] != "struct" or atom[1] == "|"]


def _atomize_old(old: str, old_no: int, old_kinds: list[str], *, before: str = "\n", after: str = "\n") -> list[Atom]:
    """Atoms of the old side of a line that may hold several old lines (their line breaks deleted),
    each cut by its own kind: a joined table row's pipes and delimiter row are structure, not words."""
    atoms: list[Atom] = []
    pieces = old.split("\n")
    for k, piece in enumerate(pieces):
        kind = _kind_at(old_kinds, old_no + k)
        if k:
            atoms.append(("text", "\n"))
        if kind == "delimiter":
            atoms.append(("struct", piece))
            continue
        context = {"before": before if k == 0 else "\n", "after": after if k == len(pieces) - 1 else "\n"}
        atoms.extend(atomize(piece, table=kind == "table", **context))
    return atoms


def _split_line(text: str, table: bool) -> tuple[str, str, str]:
    """(block prefix, content, suffix); a table row's outer pipes are its prefix and suffix, so that
    no text lands outside the cells (an extra cell would stop the row from being a table row)."""
    if table:
        head = _ROW_START.match(text)
        start = head.end() if head else 0
        tail = _ROW_END.search(text, start)
        end = tail.start() if tail else len(text)
        return text[:start], text[start:end], text[end:]
    prefix = _PREFIX.match(text)
    start = prefix.end() if prefix else 0
    return text[:start], text[start:], ""


def atomize(text: str, *, table: bool = False, before: str = "\n", after: str = "\n") -> list[Atom]:
    """Cut one line of Markdown into atoms (see the module docstring).

    ``before`` and ``after`` are the characters around ``text`` when it is a piece of a line (an
    emphasis delimiter is told from a literal ``*`` by its neighbours)."""
    atoms: list[Atom] = []
    position = 0
    for match in _INLINE.finditer(text):
        group = match.lastgroup or ""
        if group == "ticks":
            group = "code"
        if group == "pipe" and not table:
            continue
        if group == "emphasis" and not _is_delimiter(before + text + after, match.start() + 1, match.end() + 1):
            continue
        atoms.extend(("text", token) for token in tokenize(text[position : match.start()]))
        atoms.append((_KIND_OF_GROUP.get(group, "struct"), match.group(0)))
        position = match.end()
    atoms.extend(("text", token) for token in tokenize(text[position:]))
    return atoms


def _is_delimiter(text: str, start: int, end: int) -> bool:
    """Emphasis delimiters touch a word on one side; ``5 * 3`` and ``snake_case`` are plain text."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isspace() and after.isspace():
        return False
    return not (text[start] == "_" and before.isalnum() and after.isalnum())


def _redline_inline(old: list[Atom], new: list[Atom], side: Side) -> str:
    """Redline of one line's content (block prefix removed) given as atoms."""
    ops = diff_tokens(old, new, text=_atom_text)
    out: list[str] = []
    i = 0
    while i < len(ops):
        op, atoms = ops[i]
        if op == "equal":
            out.append("".join(text for _, text in atoms))
        elif op == "delete" and i + 1 < len(ops) and ops[i + 1][0] == "insert":
            out.append(_replacement(atoms, ops[i + 1][1], side))
            i += 1
        else:
            out.append(_edit(op, atoms, side))
        i += 1
    return "".join(out)


def _atom_text(atom: Atom) -> str:
    return atom[1]


def _replacement(deleted: list[Atom], inserted: list[Atom], side: Side) -> str:
    """A deletion followed by an insertion; a link on both sides is shown as one redlined link."""
    old_links = [i for i, atom in enumerate(deleted) if atom[0] == "link"]
    new_links = [i for i, atom in enumerate(inserted) if atom[0] == "link"]
    if len(old_links) == 1 and len(new_links) == 1:
        a, b = old_links[0], new_links[0]
        return (
            _edit("delete", deleted[:a], side)
            + _edit("insert", inserted[:b], side)
            + _changed_link(deleted[a][1], inserted[b][1], side)
            + _edit("delete", deleted[a + 1 :], side)
            + _edit("insert", inserted[b + 1 :], side)
        )
    return _edit("delete", deleted, side) + _edit("insert", inserted, side)


def _changed_link(old: str, new: str, side: Side) -> str:
    old_parts, new_parts = _LINK_PARTS.match(old), _LINK_PARTS.match(new)
    assert old_parts and new_parts, "link atoms always match _LINK_PARTS"
    text = _redline_inline(atomize(old_parts["text"][1:-1]), atomize(new_parts["text"][1:-1]), side)
    old_target, new_target = old_parts["target"], new_parts["target"]
    link = f"[{text}]{new_target if side == 'new' else old_target}"
    if old_target == new_target:
        return link
    return (
        f'{link} <span class="{LINK_NOTE_CLASS}">(link changed: '
        f"{DEL[0]}{_code(_target(old_target))}{DEL[1]} → {INS[0]}{_code(_target(new_target))}{INS[1]})</span>"
    )


def _target(target: str) -> str:
    """``(url "title")`` -> ``url "title"``; ``[ref]`` -> ``ref``."""
    return target[1:-1].strip()


def _code(text: str) -> str:
    ticks = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _edit(op: Op, atoms: list[Atom], side: Side) -> str:
    """Wrap runs of content atoms in ins/del; structural atoms close the run and stand bare (or vanish)."""
    own = (op == "insert") == (side == "new")  # this text belongs to the side whose structure we follow
    open_tag, close_tag = INS if op == "insert" else DEL
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        text = "".join(run)
        run.clear()
        if not text.strip():
            if own:
                out.append(text)  # new whitespace is shown as it is; old whitespace is dropped
            return
        if own:  # keep the marker on the words: "EU <ins>and US</ins> |", not "EU <ins>and US </ins>|"
            body = text.strip()
            start = text.index(body[0])
            out.append(f"{text[:start]}{open_tag}{body}{close_tag}{text[start + len(body) :]}")
        else:  # old whitespace stays inside: outside, it could break the new text's emphasis
            out.append(f"{open_tag}{text}{close_tag}")

    for kind, text in atoms:
        if kind == "struct":
            if own:
                flush()
                out.append(text)
        elif kind == "text" and not own:
            # Old words inside a new line: inert (no emphasis, cell or tag of their own) and on one line.
            run.append(_ESCAPE_IN_DELETED.sub(r"\\\1", text).replace("<", "&lt;").replace("\n", " "))
        elif not own:
            run.append(text.replace("\n", " "))
        else:
            run.append(text)
    flush()
    return "".join(out)


# --- the pull-request comment ----------------------------------------------------------------------


def render_markdown_diff(
    diff: NoticeDiff,
    *,
    old_label: str | None = None,
    new_label: str | None = None,
    version_url: str = "",
    full: bool = False,
) -> str:
    """A pull-request comment: a summary table, then each changed section as a redline.

    Modified sections show only the changed blocks (paragraphs, list, table) under their nearest
    heading, unless ``full``; added and removed sections are shown whole.
    """
    old_label, new_label = old_label or diff.old_id, new_label or diff.new_id
    stats = diff.stats
    out = [f"### Notice changes: {_md_escape(old_label)} → {_md_escape(new_label)}", ""]
    counts = stats.section_counts()
    if not diff.changed and not diff.date_changes:
        return "\n".join([*out, "No changes.", ""])
    if counts:
        words = f" ({stats.words_inserted} words inserted, {stats.words_deleted} deleted)" if stats.modified else ""
        out += [f"Sections: {', '.join(counts)}{words}.", ""]
    if diff.title_change:
        out += [f"Title: {_inline_redline(diff.title_ops)}", ""]
    for change in diff.date_changes:
        out += [f"- {_DATE_LABELS.get(change.field, change.field)}: {change.old or '—'} → {change.new or '—'}"]
    if diff.date_changes:
        out.append("")

    changed = [s for s in diff.sections if s.changed]
    if changed:
        out += ["| Section | Change | Words + / − |", "|---|---|---|"]
        for s in changed:
            title = _md_escape(s.new_title or s.old_title or s.id).replace("|", "\\|")
            if version_url and s.status != "removed":
                title = f"[{title}]({version_url}#{s.id})"
            words = f"+{s.words_inserted} / −{s.words_deleted}" if s.status == "modified" else ""
            out.append(f"| {title} | {', '.join(s.labels)} | {words} |")
        out.append("")

    if diff.intro_ops:
        out += ["#### Introduction", "", _excerpt(redline_markdown(diff.intro_ops), full), ""]
    for s in changed:
        out += _section_markdown(s, full)
    return "\n".join(out).rstrip("\n") + "\n"


_DATE_LABELS = {"last_updated": "Last updated", "effective": "Effective", "announced": "Announced"}


def _section_markdown(s: SectionDiff, full: bool) -> list[str]:
    title = _inline_redline(s.title_ops) if s.retitled else _md_escape(s.new_title or s.old_title or s.id)
    out = [f"#### {title} ({', '.join(s.labels)})", ""]
    if s.summary_changed:
        out += [f"> **Summary:** {_inline_redline(s.summary_ops)}", ""]
    if s.status == "modified":
        out += [_excerpt(redline_markdown(s.ops), full), ""]
    elif s.status in ("added", "removed"):
        out += [redline_markdown(s.ops).strip("\n"), ""]
    return out


def _inline_redline(ops: WordOps) -> str:
    """Redline of a one-line text (a title or a summary), on one line."""
    return redline_markdown(tuple((op, text.replace("\n", " ")) for op, text in ops)).strip()


def _md_escape(text: str) -> str:
    return _ESCAPE_IN_DELETED.sub(r"\\\1", text.replace("\n", " ")).replace("<", "&lt;")


def _excerpt(markdown: str, full: bool) -> str:
    """The blocks that carry a marker, each under its nearest heading; ``…`` where blocks were left out."""
    if full:
        return markdown
    blocks = _blocks(markdown)
    keep: list[str] = []
    heading: str | None = None
    skipped = False
    for block in blocks:
        marked = INS[0] in block or DEL[0] in block
        if block.lstrip().startswith("#") and not marked:
            heading = block
            continue
        if not marked:
            skipped = True
            continue
        if heading is not None:
            keep.append(heading)
            heading = None
            skipped = False
        elif skipped and keep:
            keep.append("…")
        skipped = False
        keep.append(block)
    return "\n\n".join(keep) if keep else "_Only whitespace or formatting changed._"


def _blocks(markdown: str) -> list[str]:
    """Split at blank lines, never inside a fenced code block."""
    blocks: list[list[str]] = [[]]
    fence: str | None = None
    for line in markdown.split("\n"):
        match = _FENCE.match(line)
        if match and (fence is None or match.group(1)[0] == fence[0]):
            fence = match.group(1) if fence is None else None
        if not line.strip() and fence is None:
            if blocks[-1]:
                blocks.append([])
            continue
        blocks[-1].append(line)
    return ["\n".join(b) for b in blocks if b]
