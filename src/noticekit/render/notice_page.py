"""Render one notice (the working copy or a version) as the HTML content of a page.

Produces the title, date line, introduction, the "Contents" table of section summaries, every
section under an ``<h2>`` with its stable id, and a link back to the contents after each section.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from noticekit.config import Wording
from noticekit.model import Notice, Problem
from noticekit.render.environment import environment, human_date
from noticekit.render.markdown import Heading, render_markdown

RESERVED_IDS = frozenset({"top", "contents"})
ID_ATTR = re.compile(r'\sid="([^"]+)"')
FRAGMENT_HREF = re.compile(r'\shref="#([^"]*)"')
PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)


@dataclass(frozen=True)
class Link:
    url: str
    label: str


@dataclass(frozen=True)
class Banner:
    kind: str
    """``draft``, ``archived``, ``upcoming`` or ``change-coming``: also the CSS modifier."""
    label: str
    message: str
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class RenderedNotice:
    html: str
    toc: tuple[Heading, ...]
    """The page's outline for the sidebar: contents, then each section (level 2) and sub-heading."""


@dataclass(frozen=True)
class PageContext:
    """What surrounds a notice on its page: banners and links to other versions."""

    version_id: str = "working"
    banners: tuple[Banner, ...] = ()
    prior_url: str | None = None
    version_links: tuple[Link, ...] = field(default=())


def render_notice(
    notice: Notice, wording: Wording, context: PageContext = PageContext(), templates_dir: str | None = None
) -> RenderedNotice:
    meta = notice.meta
    date_line = wording.last_updated.format(date=human_date(meta.last_updated, wording.date_format))
    effective_line = (
        wording.effective.format(date=human_date(meta.effective, wording.date_format))
        if meta.effective != meta.last_updated
        else ""
    )
    intro = render_markdown(notice.intro, "intro")
    toc: list[Heading] = [Heading(2, "contents", str(escape(wording.contents_heading)))]
    sections = []
    for section in notice.sections:
        body = render_markdown(section.body, section.id)
        summary = render_markdown(section.summary).html.strip()
        match = PARAGRAPH.match(summary)
        sections.append(
            {
                "id": section.id,
                "title": section.title,
                "html": Markup(body.html),
                "summary_html": Markup(match.group(1) if match else summary),
            }
        )
        toc.append(Heading(2, section.id, str(escape(section.title))))
        toc.extend(body.headings)
    html = (
        environment(templates_dir)
        .get_template("notice.html")
        .render(
            title=meta.title,
            version_id=context.version_id,
            date_line=date_line,
            effective_line=effective_line,
            prior_url=context.prior_url,
            version_links=context.version_links,
            banners=context.banners,
            intro_html=Markup(intro.html),
            sections=sections,
            wording=wording,
        )
    )
    return RenderedNotice(html, tuple(toc))


def check_page(notice: Notice, rendered: RenderedNotice, display: str, known: Iterable[str] = ()) -> list[Problem]:
    """Ids that repeat on the page, and links to anchors that exist nowhere on it, by source file and line."""
    problems: list[Problem] = []
    ids = ID_ATTR.findall(rendered.html)
    sources = [("index.md", notice.intro, notice.intro_line)] + [(s.path, s.body, s.body_line) for s in notice.sections]
    for section in notice.sections:
        if section.id in RESERVED_IDS:
            problems.append(
                Problem(
                    f"{display}/{section.path}", 1, f"section id '{section.id}' is reserved by the page; choose another"
                )
            )
    for dup, count in Counter(ids).items():
        if count > 1 and dup not in RESERVED_IDS:
            path, line = _locate(sources, f"{{#{dup}") or _locate(sources, dup) or ("index.md", 1)
            problems.append(
                Problem(
                    f"{display}/{path}",
                    line,
                    f"the anchor '#{dup}' is used {count} times on the page; ids must be unique",
                )
            )
    known = set(ids) | set(known)
    ids_known = [s.id for s in notice.sections]
    for target in sorted(set(FRAGMENT_HREF.findall(rendered.html))):
        if target and target not in known:
            path, line = _locate(sources, f"(#{target}") or _locate(sources, f"#{target}") or ("index.md", 1)
            problems.append(
                Problem(
                    f"{display}/{path}",
                    line,
                    f"link to '#{target}', an anchor that does not exist"
                    + (f"; link to a section id (known: {', '.join(ids_known)})" if ids_known else ""),
                )
            )
    return problems


def _locate(sources: list[tuple[str, str, int]], needle: str) -> tuple[str, int] | None:
    for path, text, first_line in sources:
        index = text.find(needle)
        if index >= 0:
            return path, first_line + text.count("\n", 0, index)
    return None
