"""Read a notice written as one Markdown document into a ``Draft``.

The ``#`` heading is the title, each ``##`` heading starts a section (or the highest level below the
title when there is no ``##``), ``{#custom-id}`` on a section heading is its id. Known front-matter
keys are kept; a contents list or table linking to the sections gives their summaries and is dropped,
like "back to top" links; date lines become the notice's dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import yaml
from markdown.extensions.toc import slugify as toc_slugify

from noticekit.errors import ImportFailed
from noticekit.importers.contents import clean_summary, is_back_link, is_contents_heading
from noticekit.importers.dates import DateStatement, find_statements, is_only_dates, parse_date, remove_statements
from noticekit.importers.draft import Draft, DraftSection
from noticekit.importers.ids import IdAllocator
from noticekit.load.fields import NOTICE_FIELDS

FENCE = re.compile(r"^\s*(```|~~~)")
ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
ATTR_ID = re.compile(r"\s*\{:?\s*#([\w-]+)[^{}]*\}\s*$")
HTML_ANCHOR = re.compile(r"""<a\s+(?:[^>]*?\s)?(?:name|id)\s*=\s*["']([^"']+)["'][^>]*>\s*</a>""", re.IGNORECASE)
ANCHOR_LINE = re.compile(rf"^\s*(?:{HTML_ANCHOR.pattern}\s*)+$", re.IGNORECASE)
SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
LIST_ITEM = re.compile(r"^( {0,3})(?:[-*+]|\d+[.)])\s+(.*)$")
LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?#([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*)#(\S+)(.*)$")
ALIASES = {
    "date": "last_updated",
    "updated": "last_updated",
    "last-updated": "last_updated",
    "lastupdated": "last_updated",
    "last_modified": "last_updated",
    "lastmod": "last_updated",
    "modified": "last_updated",
    "effective_date": "effective",
    "effective-date": "effective",
}
KNOWN = {f.name: f.kind for f in NOTICE_FIELDS}
CONTENTS_SECTION_MAX_WORDS = 25


@dataclass
class _Part:
    """The introduction (``level`` 0) or one section, as source lines."""

    title: str = ""
    level: int = 0
    explicit_id: str | None = None
    anchors: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    summary: str | None = None
    id: str = ""


def convert_markdown(text: str, source: str = "the document") -> Draft:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    warnings: list[str] = []
    meta, body = _front_matter(text, warnings)
    lines = _atx_headings(body.split("\n"))
    title, intro, sections = _split(lines, meta, warnings, source)
    statements = _take_dates(intro, sections, warnings)
    _drop_back_links([intro, *sections])
    _read_contents(intro, sections)
    sections, dropped = _drop_contents_sections(sections, warnings)
    allocator = IdAllocator()
    for section in sections:
        section.id = allocator.allocate([a for a in [section.explicit_id, *section.anchors] if a], section.title)
    for wish, chosen in allocator.renamed:
        warnings.append(f"section id '{wish}' is taken or reserved; used '{chosen}'")
    targets = _targets(title, intro, sections, dropped)
    missing: list[str] = []
    for part in [intro, *sections]:
        part.lines = _rewrite_links(part.lines, targets, missing)
    if missing:
        warnings.append(
            f"{len(missing)} link(s) pointed to anchors that are not in the document "
            f"({', '.join('#' + m for m in sorted(set(missing)))}); they were turned into plain text"
        )
    dates = _dates(meta, statements, warnings)
    return Draft(
        title=title,
        intro=_text_of(intro.lines),
        sections=tuple(
            DraftSection(s.id, s.title, s.summary, _text_of(_shift_headings(s.lines, s.level))) for s in sections
        ),
        last_updated=dates.get("last_updated"),
        effective=dates.get("effective"),
        announced=dates.get("announced"),
        change_summary=_text_value(meta, "change_summary"),
        material=meta["material"] if isinstance(meta.get("material"), bool) else None,  # type: ignore[arg-type]
        material_reason=_text_value(meta, "material_reason"),
        warnings=tuple(warnings),
    )


# Front matter ------------------------------------------------------------------------------------


def _front_matter(text: str, warnings: list[str]) -> tuple[dict[str, object], str]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return {}, text
    try:
        raw = yaml.load("\n".join(lines[1:end]), Loader=yaml.BaseLoader)  # every value as text
    except yaml.YAMLError as exc:
        warnings.append(f"the front matter is not valid YAML and was ignored ({str(exc).splitlines()[0]})")
        return {}, "\n".join(lines[end + 1 :])
    meta: dict[str, object] = {}
    ignored: list[str] = []
    for key, value in (raw or {}).items() if isinstance(raw, dict) else []:
        name = ALIASES.get(str(key).lower(), str(key))
        kind = KNOWN.get(name)
        if kind is None or not isinstance(value, str) or not value.strip():
            ignored.append(str(key))
        elif kind == "date":
            parsed = parse_date(value)
            if parsed is None:
                warnings.append(f"front-matter key '{key}' is not a date ('{value}') and was ignored")
            else:
                meta[name] = parsed[0]
        elif kind == "bool":
            meta[name] = value.strip().lower() in ("true", "yes")
        else:
            meta[name] = " ".join(value.split())
    if ignored:
        warnings.append(f"front-matter key(s) Noticekit does not use were left out: {', '.join(ignored)}")
    return meta, "\n".join(lines[end + 1 :])


def _text_value(meta: dict[str, object], key: str) -> str | None:
    value = meta.get(key)
    return value if isinstance(value, str) else None


# Headings and parts ------------------------------------------------------------------------------


def _outside_fences(lines: list[str]) -> list[bool]:
    flags, fence = [], None
    for line in lines:
        match = FENCE.match(line)
        if match and (fence is None or match.group(1) == fence):
            flags.append(False)
            fence = match.group(1) if fence is None else None
        else:
            flags.append(fence is None)
    return flags


def _atx_headings(lines: list[str]) -> list[str]:
    """Underlined (setext) headings rewritten as ``#``/``##`` headings."""
    out: list[str] = []
    outside = _outside_fences(lines)
    i = 0
    while i < len(lines):
        line = lines[i]
        following = lines[i + 1] if i + 1 < len(lines) else ""
        previous = out[-1] if out else ""
        if (
            outside[i]
            and i + 1 < len(lines)
            and line.strip()
            and SETEXT.match(following)
            and not previous.strip()
            and not LIST_ITEM.match(line)
            and not line.lstrip().startswith(("|", ">", "#"))
        ):
            out.append(("#" if following.strip().startswith("=") else "##") + " " + line.strip())
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def _heading(line: str) -> tuple[int, str, str | None, list[str]] | None:
    match = ATX.match(line)
    if not match:
        return None
    text = match.group(2) or ""
    explicit = None
    attr = ATTR_ID.search(text)
    if attr:
        explicit = attr.group(1)
        text = text[: attr.start()]
    anchors = HTML_ANCHOR.findall(text)
    text = " ".join(HTML_ANCHOR.sub("", text).split())
    return len(match.group(1)), text, explicit, anchors


def _split(
    lines: list[str], meta: dict[str, object], warnings: list[str], source: str
) -> tuple[str, _Part, list[_Part]]:
    outside = _outside_fences(lines)
    headings = {i: h for i, line in enumerate(lines) if outside[i] and (h := _heading(line)) is not None}
    title = str(meta.get("title") or "")
    title_line = next((i for i, h in headings.items() if h[0] == 1), None)
    if title_line is not None and any(h[0] >= 2 for i, h in headings.items() if i < title_line):
        title_line = None  # a '#' after the sections began is a section, not the title
    if title and sum(1 for h in headings.values() if h[0] == 1) > 1:
        title_line = None  # titled by front matter, with '#' for its sections
    if title_line is not None:
        heading_title = headings.pop(title_line)[1]
        if title and heading_title != title:
            warnings.append(f"the front-matter title '{title}' was kept; the '#' heading said '{heading_title}'")
        title = title or heading_title
    if not title:
        title = "Privacy notice"
        warnings.append("the document has no title ('#' heading or 'title' in front matter); set 'title' in index.md")
    levels = [h[0] for h in headings.values()]
    if not levels:
        raise ImportFailed(f"found no section headings in {source}: Noticekit splits a notice into sections at '##'")
    level = min(levels)
    intro = _Part()
    parts: list[_Part] = []
    current = intro
    pending_anchors: list[str] = []
    for i, line in enumerate(lines):
        if i == title_line:
            continue
        heading = headings.get(i)
        if heading is not None and heading[0] <= level:
            current = _Part(heading[1], level, heading[2], pending_anchors + heading[3])
            parts.append(current)
            pending_anchors = []
            continue
        if outside[i] and ANCHOR_LINE.match(line):
            pending_anchors += HTML_ANCHOR.findall(line)
            continue
        current.lines.extend(f'<a id="{a}"></a>' for a in pending_anchors)
        pending_anchors = []
        current.lines.append(line)
    return title, intro, parts


def _shift_headings(lines: list[str], level: int) -> list[str]:
    if level == 2:
        return lines
    outside = _outside_fences(lines)
    out = []
    for i, line in enumerate(lines):
        match = ATX.match(line) if outside[i] else None
        if match:
            hashes = match.group(1)
            line = "#" * min(len(hashes) - level + 2, 6) + line.lstrip()[len(hashes) :]
        out.append(line)
    return out


def _text_of(lines: list[str]) -> str:
    text = "\n".join(lines).strip("\n")
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text + "\n" if text.strip() else ""


def _paragraphs(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) line ranges of blank-line separated blocks outside code fences."""
    outside = _outside_fences(lines)
    blocks, start = [], None
    for i, line in enumerate(lines):
        if line.strip() and outside[i]:
            if start is None:
                start = i
        elif start is not None:
            blocks.append((start, i))
            start = None
    if start is not None:
        blocks.append((start, len(lines)))
    return blocks


def _plain(markdown: str) -> str:
    """Markdown inline text without its markup, for recognising date lines and headings."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"^\s*(?:#{1,6}|>|[-*+]|\d+[.)])\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"[*_`]+", "", text)
    return " ".join(text.split())


# Dates -------------------------------------------------------------------------------------------


def _take_dates(intro: _Part, sections: list[_Part], warnings: list[str]) -> list[DateStatement]:
    found: list[DateStatement] = []
    drop: set[int] = set()
    for start, end in _paragraphs(intro.lines):
        block = "\n".join(intro.lines[start:end])
        only, statements = is_only_dates(_plain(block))
        if only:
            found.extend(statements)
            drop.update(range(start, end))
            continue
        for i in range(start, end):
            raw = find_statements(intro.lines[i])
            if raw:
                intro.lines[i] = remove_statements(intro.lines[i], raw)
                found.extend(raw)
            elif (plain := find_statements(_plain(intro.lines[i]))) and not intro.lines[i].lstrip().startswith("|"):
                found.extend(plain)
                warnings.append(
                    "the introduction still states the date in a sentence the importer could not cut out "
                    f"(line \"{intro.lines[i].strip()}\"); the page shows the date itself, so remove that sentence"
                )
    intro.lines = [line for i, line in enumerate(intro.lines) if i not in drop]
    if sections:
        last = sections[-1]
        while (blocks := _paragraphs(last.lines)) and len(blocks) > 1:
            start, end = blocks[-1]
            only, statements = is_only_dates(_plain("\n".join(last.lines[start:end])))
            if not only:
                break
            found.extend(statements)
            del last.lines[start:end]
    return found


def _dates(meta: dict[str, object], statements: list[DateStatement], warnings: list[str]) -> dict[str, date]:
    chosen: dict[str, date] = {}
    for kind in ("last_updated", "effective", "announced"):
        declared = meta.get(kind)
        stated = next((s for s in statements if s.kind == kind), None)
        if isinstance(declared, date):
            chosen[kind] = declared
            if stated is not None and stated.date != declared:
                warnings.append(
                    f"front matter says {kind} {declared.isoformat()} but the text says {stated.date.isoformat()}; "
                    "kept the front matter's"
                )
        elif stated is not None:
            chosen[kind] = stated.date
            if not stated.precise:
                warnings.append(f"the {kind} date gives only a month; used the 1st ({stated.date.isoformat()})")
    return chosen


# Contents and links ------------------------------------------------------------------------------


def _github_slug(text: str) -> str:
    return re.sub(r"\s", "-", re.sub(r"[^\w\s-]", "", _plain(text).lower()))


def _aliases(part: _Part) -> set[str]:
    found = {a for a in [part.explicit_id, *part.anchors] if a}
    found |= {toc_slugify(_plain(part.title), "-"), _github_slug(part.title)}
    return {a for a in found if a}


def _entries(lines: list[str]) -> list[str]:
    """Top-level list items (continuation lines joined) or table rows of a block."""
    entries: list[str] = []
    for line in lines:
        item = LIST_ITEM.match(line)
        if line.lstrip().startswith("|"):
            if not re.fullmatch(r"\s*\|?[\s:|-]+\|?\s*", line):
                entries.append(line)
        elif item and len(item.group(1)) < 2:
            entries.append(item.group(2))
        elif entries and not LIST_ITEM.match(line.strip()) and not line.startswith("  "):
            entries[-1] += " " + line.strip()  # a lazy continuation of the item's text
    return entries


def _read_contents(intro: _Part, sections: list[_Part]) -> None:
    by_alias = {a: s for s in sections for a in _aliases(s)}
    by_title = {_plain(s.title).lower(): s for s in sections}
    for part in [intro, *sections]:
        if part is not intro and not is_contents_heading(part.title):
            continue
        drop: set[int] = set()
        previous: tuple[int, int] | None = None
        for start, end in _paragraphs(part.lines):
            found: dict[int, tuple[_Part, str | None]] = {}
            for entry in _entries(part.lines[start:end]):
                for match in LINK.finditer(entry):
                    section = by_alias.get(match.group(2)) or by_title.get(_plain(match.group(1)).lower())
                    if section is not None:
                        rest = entry[: match.start()] + " " + entry[match.end() :]
                        cells = [c for c in rest.strip().strip("|").split("|") if not re.fullmatch(r"[\s\d.)]*", c)]
                        found.setdefault(id(section), (section, clean_summary(" ".join(cells))))
                        break
            if len(found) >= min(2, len(sections)):
                for section, summary in found.values():
                    section.summary = section.summary or summary
                drop.update(range(start, end))
                if previous is not None:
                    label = _plain("\n".join(part.lines[previous[0] : previous[1]]))
                    if (previous[1] - previous[0] == 1 and len(label.split()) <= 8
                            and (is_contents_heading(label) or label.endswith(":"))):
                        drop.update(range(*previous))
            previous = (start, end)
        part.lines = [line for i, line in enumerate(part.lines) if i not in drop]


def _drop_contents_sections(sections: list[_Part], warnings: list[str]) -> tuple[list[_Part], list[_Part]]:
    """(kept, dropped): a section that only held the contents list ("Contents", "Summary") goes."""
    kept, dropped = [], []
    for section in sections:
        words = len(_plain("\n".join(section.lines)).split())
        if is_contents_heading(section.title) and words <= CONTENTS_SECTION_MAX_WORDS:
            warnings.append(
                f"dropped the document's own '{section.title}' section: the build generates the contents table"
            )
            dropped.append(section)
        else:
            kept.append(section)
    if not kept:
        raise ImportFailed("the document has no sections besides its contents table")
    return kept, dropped


def _drop_back_links(parts: list[_Part]) -> None:
    for part in parts:
        outside = _outside_fences(part.lines)
        kept = []
        for i, line in enumerate(part.lines):
            if outside[i]:
                stripped = LINK.sub(lambda m: "" if is_back_link(_plain(m.group(1)), m.group(2)) else m.group(0), line)
                if stripped != line:
                    if not re.search(r"[^\W_]", _plain(stripped)):
                        continue
                    line = stripped.rstrip()
            kept.append(line)
        part.lines = kept


def _targets(title: str, intro: _Part, sections: list[_Part], dropped: list[_Part]) -> dict[str, str]:
    """Where each anchor of the source document leads after the import (a section id, top or contents)."""
    targets = {"top": "top", "contents": "contents", toc_slugify(_plain(title), "-"): "top", _github_slug(title): "top"}
    for part in dropped:
        targets.update({a: "contents" for a in _aliases(part)})
    for part, section_id in [(intro, "top"), *((s, s.id) for s in sections)]:
        for line in part.lines:
            heading = _heading(line)
            if heading is not None:
                for alias in {toc_slugify(_plain(heading[1]), "-"), _github_slug(heading[1]), *heading[3]}:
                    targets.setdefault(alias, section_id)
                if heading[2]:
                    targets[heading[2]] = heading[2]  # an explicit id on a sub-heading is kept, so is its anchor
            for anchor in HTML_ANCHOR.findall(line):
                targets.setdefault(anchor, section_id)
        if part is not intro:
            targets.update({a: section_id for a in _aliases(part)})
            targets[section_id] = section_id
    return targets


def _rewrite_links(lines: list[str], targets: dict[str, str], missing: list[str]) -> list[str]:
    outside = _outside_fences(lines)
    out = []
    for i, line in enumerate(lines):
        if outside[i]:
            line = HTML_ANCHOR.sub("", line) if ANCHOR_LINE.match(line) else line

            def replace(match: re.Match[str]) -> str:
                target = targets.get(match.group(2))
                if target is None:
                    missing.append(match.group(2))
                    return match.group(1)
                return f"[{match.group(1)}](#{target})"

            line = LINK.sub(replace, line)
            reference = REFERENCE.match(line)
            if reference and reference.group(2) in targets:
                line = f"{reference.group(1)}#{targets[reference.group(2)]}{reference.group(3)}"
        out.append(line)
    return out
