"""Read a published HTML notice page into a ``Draft``: title, dates, introduction and sections.

The page is taken apart in this order, each step a small function:

1. drop what is never text (scripts, styles, forms, icons);
2. find the title (the ``h1``) and the section headings (every ``h2``, or the highest level below the
   title when the page has none), ignoring headings in site navigation, headers and footers;
3. collect each section heading's anchors: its id, an ``<a name/id>`` inside or just before it, the id
   of a ``<section>`` wrapping it;
4. read the page's own contents table or list (links to those anchors) for the section summaries,
   then drop it, and drop "back to top" and skip links (the build generates its own);
5. drop site chrome (navigation, header, footer, asides, cookie banners), never anything holding the
   notice's headings;
6. flatten the main content into a sequence of headings and blocks, and split it at the section headings;
7. take the "Last updated …"/"Effective …" statements out as dates;
8. convert each part to Markdown, rewriting links to anchors that will no longer exist.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, PageElement, Tag

from noticekit.errors import ImportFailed
from noticekit.importers.contents import SKIP_LINK_TEXT, clean_summary, is_back_link, is_contents_heading
from noticekit.importers.dates import DateStatement, find_statements, is_only_dates, remove_statements
from noticekit.importers.draft import Draft, DraftSection
from noticekit.importers.html_markdown import BLOCK_TAGS, MarkdownConverter
from noticekit.importers.ids import IdAllocator

JUNK_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "audio",
             "video", "link", "meta", "input", "select", "textarea", "button", "dialog")
CHROME_TAGS = frozenset({"nav", "footer", "aside"})
CHROME_ROLES = frozenset({"navigation", "contentinfo", "complementary", "search", "dialog", "alertdialog", "banner"})
CHROME_NAME = re.compile(
    r"^(?:breadcrumbs?|footer|header|top-?bar|masthead|site-(?:header|footer|nav(?:igation)?|menu)|global-(?:header|footer|nav)|page-footer|"
    r"navbar|nav-?bar|main-?menu|menu|mega-?menu|sidebar|side-?nav|social(?:-(?:links|share|icons))?|"
    r"share(?:-buttons|-links)?|skip-?links?|skip-to-content|pagination|print-(?:button|link)|"
    r"newsletter-(?:signup|form)|feedback-widget|back-to-top|to-top|scroll-?top)$",
    re.IGNORECASE,
)
COOKIE_NAME = re.compile(
    r"(?:cookie|consent|gdpr|ccpa|cmp)[-_]?(?:banner|bar|notice|popup|pop-up|modal|dialog|wall|box|overlay|"
    r"prompt|container|message|law|consent)|^(?:onetrust|cookiebot|cybot|cc-(?:window|banner)|truste|"
    r"usercentrics|osano)",
    re.IGNORECASE,
)
SCREEN_READER_ONLY = frozenset({"sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
                                "screenreader", "a11y-hidden", "hidden-visually", "u-hidden-visually",
                                "element-invisible", "offscreen"})
PERMALINK_TEXT = frozenset({"", "¶", "#", "§", "🔗", "link", "permalink", "anchor"})
UNSAFE_HREF = re.compile(r"^\s*(?:javascript|vbscript|data)\s*:", re.IGNORECASE)
LEVELS = {f"h{n}": n for n in range(1, 7)}
CONTENTS_SECTION_MAX_WORDS = 25


@dataclass
class _Heading:
    tag: Tag
    title: str
    anchors: list[str] = field(default_factory=list)
    summary: str | None = None
    toc_anchor: str | None = None
    """The anchor the page's contents table linked to, preferred as the section id."""
    items: list[PageElement | list[PageElement]] = field(default_factory=list)
    dropped: bool = False


@dataclass
class _Page:
    """Working state while one page is read."""

    soup: BeautifulSoup
    body: Tag
    url: str | None
    title: Tag | None = None
    headings: list[_Heading] = field(default_factory=list)
    section_level: int = 2
    warnings: list[str] = field(default_factory=list)
    contents_anchors: set[str] = field(default_factory=set)


def convert_html(data: bytes | str, source: str = "the page") -> Draft:
    """Convert a published notice page; raise ``ImportFailed`` when it has no sections."""
    soup = BeautifulSoup(data, "lxml")
    page = _Page(soup, soup.body or soup, _page_url(soup))
    _drop_junk(page.body)
    page.title = _find_title(page.body)
    _find_sections(page, source)
    _read_contents(page)
    _drop_back_links(page)
    fallback_dates = _standalone_dates(page)
    _drop_chrome(page)
    intro_items = _split(page)
    statements = _take_dates(page, intro_items)
    if not any(s.kind == "last_updated" for s in statements) and not any(s.kind == "effective" for s in statements):
        statements = fallback_dates
    _drop_contents_sections(page)
    return _draft(page, intro_items, statements, source)


# 1. Junk ----------------------------------------------------------------------------------------


def _page_url(soup: BeautifulSoup) -> str | None:
    canonical = soup.find("link", rel="canonical")
    if isinstance(canonical, Tag) and canonical.get("href"):
        return str(canonical["href"])
    og = soup.find("meta", attrs={"property": "og:url"})
    if isinstance(og, Tag) and og.get("content"):
        return str(og["content"])
    return None


def _drop_junk(body: Tag) -> None:
    for comment in body.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in body.find_all(JUNK_TAGS):
        if not tag.decomposed and not tag.find(["h1", "h2", "p"]):
            tag.decompose()
    for tag in body.find_all(True):
        if tag.decomposed:
            continue
        classes = {c.lower() for c in tag.get("class") or ()}
        hidden_icon = tag.get("aria-hidden") == "true" and len(tag.get_text(" ", strip=True).split()) <= 3
        if classes & SCREEN_READER_ONLY or hidden_icon:
            tag.decompose()


def _text(node: PageElement) -> str:
    if isinstance(node, Tag):
        return " ".join(node.get_text(" ").split())
    return " ".join(str(node).split())


def _names(tag: Tag) -> list[str]:
    names = [str(tag.get("id") or "")] + [str(c) for c in tag.get("class") or ()]
    return [n for n in names if n]


# 2. Title and sections -------------------------------------------------------------------------


def _find_title(body: Tag) -> Tag | None:
    for box in body.find_all(["main", "article"]) + body.select('[role="main"]'):
        h1 = box.find("h1")
        if h1 is not None and _text(h1):
            return h1
    for h1 in body.find_all("h1"):
        if _text(h1) and not any(p.name in ("nav", "footer") for p in h1.parents) and not _is_logo(h1):
            return h1
    return None


def _is_logo(h1: Tag) -> bool:
    link = h1.find("a")
    return bool(h1.find("img")) or (link is not None and str(link.get("href", "")) in ("/", "./", "index.html"))


def _is_chrome(tag: Tag, title: Tag | None) -> bool:
    role = str(tag.get("role") or "").lower()
    if tag.name == "header" or role == "banner":
        return title is None or title not in tag.descendants
    if tag.name in CHROME_TAGS or role in CHROME_ROLES:
        return True
    return any(CHROME_NAME.match(n) or COOKIE_NAME.search(n) for n in _names(tag))


def _in_chrome(tag: Tag, title: Tag | None) -> bool:
    return any(_is_chrome(p, title) for p in [tag, *tag.parents] if isinstance(p, Tag) and p.name != "[document]")


def _find_sections(page: _Page, source: str) -> None:
    title = page.title
    headings = [
        h for h in page.body.find_all(list(LEVELS)) if h is not title and _text(h) and not _in_chrome(h, title)
    ]
    if title is not None:
        headings = [h for h in headings if _after(h, title)]
    levels = [LEVELS[h.name] for h in headings if LEVELS[h.name] >= 2]
    if not levels:
        raise ImportFailed(
            f"found no section headings in {source}: Noticekit splits a notice into sections at its "
            "'h2' headings (or the highest heading level below the title)"
        )
    page.section_level = min(levels)
    page.headings = [
        _Heading(h, _heading_text(h), _anchors(h, page.section_level))
        for h in headings
        if LEVELS[h.name] == page.section_level
    ]
    if title is None:
        page.warnings.append("the page has no 'h1' heading; the title was taken from its <title>")


def _after(node: Tag, reference: Tag) -> bool:
    return reference in node.find_all_previous(reference.name)


def _heading_text(heading: Tag) -> str:
    for link in heading.find_all("a"):
        if link.get_text(strip=True) in PERMALINK_TEXT and str(link.get("href") or "").startswith("#"):
            link.decompose()
    return _text(heading).rstrip("#¶§ ").strip()


def _anchors(heading: Tag, level: int) -> list[str]:
    """The heading's own id, then ids/names inside it, just before it, then of wrappers it heads."""
    found = [str(heading.get("id") or "")]
    found += [str(t.get("id") or t.get("name") or "") for t in heading.find_all(True)]
    sibling = heading.previous_sibling
    while sibling is not None:
        if isinstance(sibling, NavigableString):
            if sibling.strip():
                break
        elif isinstance(sibling, Tag):
            if _text(sibling):
                break
            found += [str(t.get("id") or t.get("name") or "") for t in [sibling, *sibling.find_all(True)]]
        sibling = sibling.previous_sibling
    parent = heading.parent
    while isinstance(parent, Tag) and parent.name not in ("body", "main", "[document]"):
        first = parent.find(list(LEVELS))
        same_level = [h for h in parent.find_all(list(LEVELS)) if LEVELS[h.name] <= level]
        if first is not heading or len(same_level) != 1:
            break
        found.append(str(parent.get("id") or ""))
        parent = parent.parent
    unique: list[str] = []
    for anchor in found:
        if anchor and anchor not in unique:
            unique.append(anchor)
    return unique


# 4. The page's own contents table and back links --------------------------------------------------


def _fragment(href: str, page_url: str | None) -> str | None:
    """The anchor a link points to on this page, or None when it leads elsewhere."""
    href = href.strip()
    if href.startswith("#"):
        return unquote(href[1:])
    if page_url and "#" in href:
        target, _, anchor = urljoin(page_url, href).partition("#")
        here = urlsplit(page_url)
        there = urlsplit(target)
        if (there.netloc, there.path.rstrip("/")) == (here.netloc, here.path.rstrip("/")):
            return unquote(anchor)
    return None


def _entries(box: Tag) -> list[Tag]:
    if box.name == "table":
        return [tr for tr in box.find_all("tr") if tr.find_parent("table") is box]
    return [li for li in box.find_all("li", recursive=False)]


def _entry_summary(entry: Tag, link: Tag) -> str | None:
    skip = {link, *(entry.find_all(["ul", "ol"]))}
    if entry.name == "tr":
        cells = [c for c in entry.find_all(["td", "th"]) if c.find_parent("tr") is entry]
        parts = []
        for cell in cells:
            text = _text_without(cell, skip)
            if text and not re.fullmatch(r"[\d.\s)]+", text):
                parts.append(text)
        return clean_summary(" ".join(parts))
    return clean_summary(_text_without(entry, skip))


def _text_without(node: Tag, skip: set[Tag]) -> str:
    parts = []
    for string in node.find_all(string=True):
        if not any(parent in skip for parent in string.parents):
            parts.append(str(string))
    return " ".join(" ".join(parts).split())


def _read_contents(page: _Page) -> None:
    by_anchor = {a: h for h in page.headings for a in h.anchors}
    tables: list[tuple[int, int, Tag, dict[int, tuple[str, str | None]]]] = []
    for box in page.body.find_all(["ul", "ol", "table"]):
        found: dict[int, tuple[str, str | None]] = {}
        for entry in _entries(box):
            for link in entry.find_all("a", href=True):
                if link.find_parent(["ul", "ol"]) not in (box, None) and box.name != "table":
                    continue  # a nested list's link belongs to a sub-entry
                anchor = _fragment(str(link["href"]), page.url)
                heading = by_anchor.get(anchor or "")
                if heading is not None and anchor is not None:
                    found.setdefault(id(heading), (anchor, _entry_summary(entry, link)))
                    break
        if len(found) >= min(2, len(page.headings)) and len(found) >= 0.3 * len(page.headings):
            summaries = sum(1 for _, summary in found.values() if summary)
            tables.append((summaries, len(found), box, found))
    if not tables:
        return
    best = max(tables, key=lambda t: (t[0], t[1]))[3]
    for heading in page.headings:
        if id(heading) in best:
            heading.toc_anchor, heading.summary = best[id(heading)]
    for _, _, box, _ in tables:
        if not box.decomposed:
            _drop_contents_box(page, box)


def _drop_contents_box(page: _Page, box: Tag) -> None:
    """Drop a contents table/list with its own heading ("Contents", "In this notice:")."""
    label = box.find_previous_sibling(True)
    section_headings = {id(h.tag) for h in page.headings}
    if (
        label is not None
        and id(label) not in section_headings
        and len(_text(label).split()) <= 8
        and (label.name in LEVELS or is_contents_heading(_text(label)) or _text(label).endswith(":"))
    ):
        label.decompose()
    box.decompose()


def _drop_back_links(page: _Page) -> None:
    for link in page.body.find_all("a", href=True):
        if link.decomposed:
            continue
        anchor = _fragment(str(link["href"]), page.url)
        if anchor is None:
            continue
        text = _text(link)
        if link.find_parent(list(LEVELS)) is None and (SKIP_LINK_TEXT.match(text) or is_back_link(text, anchor)):
            _drop_with_empty_parents(link)


def _drop_with_empty_parents(tag: Tag) -> None:
    parent = tag.parent
    tag.decompose()
    while isinstance(parent, Tag) and parent.name not in ("body", "main", "article", "section", "[document]"):
        if _text(parent) or parent.find(["img", "table", "hr"]):
            break
        above = parent.parent
        parent.decompose()
        parent = above


# 5. Chrome ---------------------------------------------------------------------------------------


def _markers(page: _Page) -> list[Tag]:
    return ([page.title] if page.title is not None else []) + [h.tag for h in page.headings]


def _drop_chrome(page: _Page) -> None:
    protected = {id(p) for marker in _markers(page) for p in [marker, *marker.parents]}
    for tag in page.body.find_all(True):
        if not tag.decomposed and id(tag) not in protected and _is_chrome(tag, page.title):
            tag.decompose()


# 6. Flatten and split ----------------------------------------------------------------------------


def _is_block(tag: Tag) -> bool:
    return tag.name in BLOCK_TAGS or tag.find(BLOCK_TAGS) is not None


def _flatten(element: Tag, markers: set[int], protected: set[int]) -> Iterator[PageElement | list[PageElement]]:
    """Headings (the markers themselves) and blocks, in order; inline runs come as lists of nodes."""
    run: list[PageElement] = []
    for child in list(element.children):
        if isinstance(child, Tag) and (id(child) in markers or id(child) in protected or _is_block(child)):
            if any(_text(n) for n in run):
                yield run
            run = []
            if id(child) in protected and id(child) not in markers:
                yield from _flatten(child, markers, protected)
            else:
                yield child
        elif isinstance(child, Tag) or type(child) is NavigableString:
            run.append(child)
    if any(_text(n) for n in run):
        yield run


def _box(page: _Page) -> Tag:
    """The element holding the notice: a <main>/<article> with every section, else their common ancestor."""
    sections = [h.tag for h in page.headings]
    wanted = {id(t) for t in sections}
    boxes = page.body.find_all(["main", "article"]) + page.body.select('[role="main"]')
    holding = [b for b in boxes if wanted <= {id(t) for t in b.find_all(list(LEVELS))}]
    if holding:
        return min(holding, key=lambda b: len(list(b.descendants)))
    common = _common_ancestor(sections)
    return common if common.name not in LEVELS else common.parent  # type: ignore[return-value]


def _common_ancestor(tags: list[Tag]) -> Tag:
    chains = [[t, *t.parents] for t in tags]
    first = chains[0]
    others = [{id(p) for p in chain} for chain in chains[1:]]
    return next(p for p in first if all(id(p) in ids for ids in others))  # type: ignore[return-value]


def _split(page: _Page) -> list[PageElement | list[PageElement]]:
    """Fill each heading's items and return the introduction's items."""
    box = _box(page)
    root = box
    if page.title is not None and page.title not in box.descendants:
        root = _common_ancestor([page.title, box])
    marker_tags = _markers(page)
    markers = {id(m) for m in marker_tags}
    protected = {id(p) for m in marker_tags for p in m.parents} | {id(p) for p in [box, *box.parents]}
    order = {id(node): i for i, node in enumerate(root.descendants)}
    box_end = max((order[id(n)] for n in box.descendants), default=order.get(id(box), 0))
    start = order.get(id(page.title), -1) if page.title is not None else -1
    by_tag = {id(h.tag): h for h in page.headings}
    intro: list[PageElement | list[PageElement]] = []
    current: _Heading | None = None
    seen_title = page.title is None
    for item in _flatten(root, markers, protected):
        first = item[0] if isinstance(item, list) else item
        position = order.get(id(first), -1)
        if position < start or position > box_end:
            continue
        if page.title is not None and first is page.title:
            seen_title = True
            continue
        if id(first) in by_tag:
            current = by_tag[id(first)]
            continue
        if current is not None:
            current.items.append(item)
        elif seen_title:
            intro.append(item)
    return intro


# 7. Dates ----------------------------------------------------------------------------------------


def _standalone_dates(page: _Page) -> list[DateStatement]:
    """Date lines anywhere on the page (also in its header), used only when the notice itself has none."""
    found: list[DateStatement] = []
    for tag in page.body.find_all(True):
        text = " ".join(_date_text(tag).split())
        if len(text) > 200 or tag.find(list(LEVELS)):
            continue
        only, statements = is_only_dates(text)
        if only and not any(_is_only_dates_tag(c) for c in tag.find_all(True)):
            found.extend(_with_time_element(tag, statements))
    return found


def _is_only_dates_tag(tag: Tag) -> bool:
    return is_only_dates(" ".join(_date_text(tag).split()))[0]


def _with_time_element(tag: Tag, statements: list[DateStatement]) -> list[DateStatement]:
    """Prefer a ``<time datetime>``'s machine-readable date when the statement holds exactly one."""
    times = [t for t in tag.find_all("time") if re.match(r"^\d{4}-\d{2}-\d{2}", str(t.get("datetime") or ""))]
    if len(statements) == 1 and len(times) == 1:
        day = date.fromisoformat(str(times[0]["datetime"])[:10])
        s = statements[0]
        return [DateStatement(s.kind, day, s.start, s.end, True)]
    return statements


def _date_text(node: PageElement) -> str:
    """The text of ``node`` with each ``<time datetime>`` read as its machine-readable date."""
    if isinstance(node, NavigableString):
        return str(node) if type(node) is NavigableString else ""
    if not isinstance(node, Tag):
        return ""
    stamp = str(node.get("datetime") or "") if node.name == "time" else ""
    if re.match(r"^\d{4}-\d{2}-\d{2}", stamp):
        return f" {stamp[:10]} "
    return " ".join(_date_text(child) for child in node.children)


def _take_dates(page: _Page, intro: list[PageElement | list[PageElement]]) -> list[DateStatement]:
    """Remove date statements: date lines and sentences in the introduction, date lines ending the notice.

    Inside the sections only the notice's last lines are looked at, so that a sentence such as "Our
    previous version, effective from 1 May 2020, …" in a section's text is never taken for a date line.
    """
    found: list[DateStatement] = []
    left_in_text: list[str] = []
    kept: list[PageElement | list[PageElement]] = []
    for item in intro:
        statements = _date_item(item)
        if statements:
            found.extend(statements)
            continue
        kept.append(item)
        for node in item if isinstance(item, list) else [item]:
            found.extend(_dates_inside(node, True, left_in_text))
    intro[:] = kept
    if page.headings:
        last = page.headings[-1].items
        while last and (statements := _date_item(last[-1])):
            found.extend(statements)
            last.pop()
        if last:
            for node in last[-1] if isinstance(last[-1], list) else [last[-1]]:
                found.extend(_dates_inside(node, False, left_in_text))
    if left_in_text:
        page.warnings.append(
            "the introduction still states the date in a sentence the importer could not cut out "
            f"(\"{left_in_text[0]}\"); the page shows the date itself, so remove that sentence"
        )
    return found


def _date_item(item: PageElement | list[PageElement]) -> list[DateStatement]:
    """The statements of an item that says nothing but dates (the item is removed), else []."""
    nodes = item if isinstance(item, list) else [item]
    only, statements = is_only_dates(" ".join(" ".join(_date_text(n).split()) for n in nodes))
    if not only:
        return []
    if len(nodes) == 1 and isinstance(nodes[0], Tag):
        statements = _with_time_element(nodes[0], statements)
    for node in nodes:
        node.extract()
    return statements


def _dates_inside(node: PageElement, is_intro: bool, left: list[str]) -> list[DateStatement]:
    if isinstance(node, NavigableString):
        if not is_intro or type(node) is not NavigableString:
            return []
        statements = find_statements(str(node))
        if statements:
            node.replace_with(NavigableString(" " + remove_statements(str(node), statements) + " "))
        return statements
    if not isinstance(node, Tag) or node.name in ("table", "pre", "code", "ul", "ol", "dl", "blockquote"):
        return []
    text = " ".join(_date_text(node).split())
    only, statements = is_only_dates(text)
    if only and not node.find(list(LEVELS)):
        statements = _with_time_element(node, statements)
        node.decompose()
        return statements
    if not statements:
        return []
    found: list[DateStatement] = []
    for child in list(node.children):
        found.extend(_dates_inside(child, is_intro, left))
    if is_intro and not found:
        left.append(text[statements[0].start : statements[0].end].strip())
        found.extend(statements)
    return found


# 8. Markdown -------------------------------------------------------------------------------------


def _drop_contents_sections(page: _Page) -> None:
    """A section that only held the page's contents table ("Summary", "Contents") is generated now."""
    for heading in page.headings:
        nodes = [n for item in heading.items for n in (item if isinstance(item, list) else [item])]
        words = sum(len(_text(n).split()) for n in nodes)
        if is_contents_heading(heading.title) and words <= CONTENTS_SECTION_MAX_WORDS:
            heading.dropped = True
            page.contents_anchors.update(heading.anchors)
            page.warnings.append(
                f"dropped the page's own '{heading.title}' section: the build generates the contents table"
            )
    page.headings = [h for h in page.headings if not h.dropped]
    if not page.headings:
        raise ImportFailed("the page has no sections besides its contents table")


def _draft(
    page: _Page, intro: list[PageElement | list[PageElement]], statements: list[DateStatement], source: str
) -> Draft:
    allocator = IdAllocator()
    ids = [allocator.allocate(([h.toc_anchor] if h.toc_anchor else []) + h.anchors, h.title) for h in page.headings]
    for wish, chosen in allocator.renamed:
        page.warnings.append(f"section id '{wish}' is taken or reserved; used '{chosen}'")
    targets: dict[str, str] = {anchor: "contents" for anchor in page.contents_anchors}
    targets.update({"top": "top", "contents": "contents"})
    if page.title is not None:
        targets.update({a: "top" for a in _ids_in([page.title])})
    targets.update({a: "top" for a in _ids_in(intro)})
    for heading, section_id in zip(page.headings, ids, strict=True):
        targets.update({a: section_id for a in _ids_in(heading.items)})
        targets.update({a: section_id for a in heading.anchors})
        targets[section_id] = section_id
    missing: list[str] = []
    relative: list[str] = []

    def resolve(href: str) -> str | None:
        if UNSAFE_HREF.match(href):
            return None
        anchor = _fragment(href, page.url)
        if anchor is not None:
            if not anchor:
                return None
            target = targets.get(anchor)
            if target is None:
                missing.append(anchor)
                return None
            return f"#{target}"
        parts = urlsplit(href)
        if not parts.scheme and not href.startswith("//"):
            if page.url:
                return urljoin(page.url, href)
            relative.append(href)
        return href

    section_level = page.section_level
    converter = MarkdownConverter(lambda level: min(max(level - section_level + 2, 3), 4), resolve)
    intro_md = _convert(converter, intro)
    sections = tuple(
        DraftSection(section_id, heading.title, heading.summary, _convert(converter, heading.items))
        for heading, section_id in zip(page.headings, ids, strict=True)
    )
    warnings = page.warnings
    if missing:
        unique = sorted(set(missing))
        warnings.append(
            f"{len(missing)} link(s) pointed to anchors that are not on the page "
            f"({', '.join('#' + m for m in unique)}); they were turned into plain text"
        )
    if relative:
        warnings.append(
            f"{len(relative)} link(s) are relative to the old site (e.g. {relative[0]}) and may not work on the "
            "notice site: make them absolute"
        )
    if converter.dropped_images:
        warnings.append(f"{converter.dropped_images} image(s) were left out: add them to the notice folder by hand")
    dates = _dates(statements, warnings)
    return Draft(
        title=_title_text(page),
        intro=intro_md,
        sections=sections,
        last_updated=dates.get("last_updated"),
        effective=dates.get("effective"),
        warnings=tuple(warnings),
    )


def _ids_in(items: Iterable[PageElement | list[PageElement]]) -> set[str]:
    found: set[str] = set()
    for item in items:
        for node in item if isinstance(item, list) else [item]:
            if isinstance(node, Tag):
                for tag in [node, *node.find_all(True)]:
                    for key in ("id", "name"):
                        if tag.get(key) and (key == "id" or tag.name == "a"):
                            found.add(str(tag[key]))
    return found


def _convert(converter: MarkdownConverter, items: list[PageElement | list[PageElement]]) -> str:
    blocks: list[str] = []
    for item in items:
        if isinstance(item, list):
            blocks.extend(converter.blocks(item))
        elif not (isinstance(item, Tag) and item.decomposed):
            blocks.extend(converter.blocks([item]))
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def _dates(statements: list[DateStatement], warnings: list[str]) -> dict[str, date]:
    chosen: dict[str, date] = {}
    for kind in ("last_updated", "effective"):
        of_kind = [s for s in statements if s.kind == kind]
        if not of_kind:
            continue
        chosen[kind] = of_kind[0].date
        others = sorted({s.date for s in of_kind} - {of_kind[0].date})
        label = "'Last updated'" if kind == "last_updated" else "'Effective'"
        if others:
            listed = ", ".join(d.isoformat() for d in [of_kind[0].date, *others])
            warnings.append(
                f"the page states more than one {label} date ({listed}); used the first, {of_kind[0].date.isoformat()}"
            )
        if not of_kind[0].precise:
            warnings.append(f"the {label} date gives only a month; used the 1st ({of_kind[0].date.isoformat()})")
    return chosen


def _title_text(page: _Page) -> str:
    if page.title is not None:
        return _heading_text(page.title)
    title = page.soup.find("title")
    text = _text(title) if isinstance(title, Tag) else ""
    parts = [p.strip() for p in re.split(r"\s+[|–—-]\s+", text) if p.strip()]
    notice_like = [p for p in parts if re.search(r"privacy|notice|policy|statement|data", p, re.IGNORECASE)]
    return (notice_like or parts or ["Privacy notice"])[0]
