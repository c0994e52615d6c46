"""The HTML redline fragment of the site's changes page.

It opens with a summary (section counts, words inserted and deleted, dates, title, summaries), then
shows each changed section as rendered prose with ``<ins>``/``<del>``: the Markdown-safe redline of
``diff_markdown`` rendered by the notice's own Markdown dialect, so headings, lists, tables and links
still work. Added sections are shown whole as inserted, removed ones whole as deleted; unchanged
sections are listed by title with a link to the version page.

Changes are never shown by colour alone: ``ins``/``del`` are the semantic elements (underline and
strike-through by default), and each carries visually hidden text for screen readers.

CSS classes used (the site stylesheet defines them):

``nk-changes``
    the whole fragment
``nk-changes-summary``, ``nk-changes-dates``, ``nk-changes-unchanged``
    the summary block, its list of date changes, the list of unchanged sections
``nk-change`` plus ``nk-change--added`` / ``--removed`` / ``--modified`` / ``--unchanged``
    one changed section (``--unchanged``: only its title, summary or place changed)
``nk-change-status``, ``nk-change-note``, ``nk-change-summary``
    the status after a section title, notes such as "moved", the redlined summary
``nk-redline``
    the rendered prose of a section
``nk-ins``, ``nk-del``
    on every ``ins``/``del`` (also those written in the notice itself)
``nk-sr``
    screen-reader-only text: must be visually hidden, not ``display: none``
``nk-link-change``
    the "(link changed: old → new)" note after a link whose target changed
"""

from __future__ import annotations

import re
from html import escape

from noticekit.diff.model import NoticeDiff, SectionDiff, WordOps
from noticekit.render.diff_markdown import redline_markdown
from noticekit.render.markdown import render_markdown

SR_TEXT = {
    "ins": ("[start of insertion] ", " [end of insertion]"),
    "del": ("[start of deletion] ", " [end of deletion]"),
}
_TAG = re.compile(r"<(ins|del)>|</(ins|del)>")
DATE_LABELS = {"last_updated": "Last updated", "effective": "Effective", "announced": "Announced"}


def render_changes_html(diff: NoticeDiff, *, version_url: str = "", old_label: str, new_label: str) -> str:
    """The changes fragment (no ``<html>``) from ``old_label`` to ``new_label``.

    ``version_url`` is the new version's page; unchanged, modified and added sections link to
    ``{version_url}#{section id}``.
    """
    parts = ['<div class="nk-changes">', _summary(diff, version_url, old_label, new_label)]
    if diff.intro_ops:
        parts.append(
            '<section class="nk-change nk-change--modified" id="changes--introduction">'
            "<h2>Introduction</h2>" + _prose(diff.intro_ops, "changes--introduction") + "</section>"
        )
    parts.extend(_section(s, version_url) for s in diff.sections if s.changed)
    unchanged = [s for s in diff.sections if not s.changed]
    if unchanged:
        items = "".join(f"<li>{_title_link(s, version_url)}</li>" for s in unchanged)
        parts.append(
            '<section class="nk-changes-unchanged" id="changes--unchanged">'
            f"<h2>Unchanged sections</h2><ul>{items}</ul></section>"
        )
    parts.append("</div>")
    return "\n".join(parts) + "\n"


def _summary(diff: NoticeDiff, version_url: str, old_label: str, new_label: str) -> str:
    stats = diff.stats
    items: list[str] = []
    if diff.title_change:
        items.append(f"Notice title changed: {_redline_text(diff.title_ops)}")
    if stats.modified:
        items.append(
            f"{_count(stats.modified, 'section')} modified "
            f"({_count(stats.words_inserted, 'word')} inserted, {stats.words_deleted} deleted)"
        )
    for status, label in (("added", "added"), ("removed", "removed")):
        found = diff.by_status(status)  # type: ignore[arg-type]
        if found:
            links = ", ".join(_title_link(s, version_url) for s in found)
            items.append(f"{_count(len(found), 'section')} {label}: {links}")
    for flag, label in (("moved", "moved"), ("retitled", "retitled"), ("summary_changed", "with a new summary")):
        found = [s for s in diff.sections if getattr(s, flag)]
        if found:
            links = ", ".join(_title_link(s, version_url) for s in found)
            items.append(f"{_count(len(found), 'section')} {label}: {links}")
    if diff.intro_ops:
        items.append('<a href="#changes--introduction">Introduction</a> modified')
    if stats.unchanged and items:
        items.append(f'{_count(stats.unchanged, "section")} <a href="#changes--unchanged">unchanged</a>')
    dates = "".join(
        f"<li>{DATE_LABELS.get(d.field, escape(d.field))}: {_date(d.old)} → {_date(d.new)}</li>"
        for d in diff.date_changes
    )
    heading = f"Changes from {escape(old_label)} to {escape(new_label)}"
    body = "".join(f"<li>{item}</li>" for item in items) or "<li>No changes to the text.</li>"
    return (
        '<section class="nk-changes-summary" id="changes--summary">'
        f"<h2>{heading}</h2><ul>{body}</ul>"
        + (f'<h3>Dates</h3><ul class="nk-changes-dates">{dates}</ul>' if dates else "")
        + "</section>"
    )


def _section(s: SectionDiff, version_url: str) -> str:
    anchor = f"changes-{s.id}"
    if s.status == "added":
        title = _mark("ins", escape(s.new_title or s.id))
    elif s.status == "removed":
        title = _mark("del", escape(s.old_title or s.id))
    elif s.retitled:
        title = _redline_text(s.title_ops)
    else:
        title = escape(s.new_title or s.id)
    if version_url and s.status != "removed":
        title = f'<a href="{escape(version_url)}#{escape(s.id)}">{title}</a>'
    status = ", ".join(s.labels)
    out = [
        f'<section class="nk-change nk-change--{s.status}" id="{escape(anchor)}">',
        f'<h2>{title} <span class="nk-change-status">({status})</span></h2>',
    ]
    if s.moved and s.old_index is not None and s.new_index is not None:
        out.append(
            f'<p class="nk-change-note">Moved: now section {s.new_index + 1}, was section {s.old_index + 1}.</p>'
        )
    if s.summary_changed:
        summary = _prose(s.summary_ops, f"{anchor}-summary")
        out.append(f'<div class="nk-change-summary"><p><strong>Summary changed:</strong></p>{summary}</div>')
    if s.status != "unchanged":
        out.append(_prose(s.ops, anchor))
    out.append("</section>")
    return "\n".join(out)


def _prose(ops: WordOps, id_prefix: str) -> str:
    """Rendered redline of a Markdown text, with screen-reader text inside every ins/del."""
    markdown = redline_markdown(ops)
    html = _add_sr_text(render_markdown(markdown, id_prefix=id_prefix).html)
    if "<ins" not in html and "<del" not in html:
        html = '<p class="nk-change-note">Only whitespace or line breaks changed.</p>' + html
    return f'<div class="nk-redline">{html}</div>'


def _add_sr_text(html: str) -> str:
    def tag(match: re.Match[str]) -> str:
        if match.group(1):
            name = match.group(1)
            return f'<{name} class="nk-{name}"><span class="nk-sr">{SR_TEXT[name][0]}</span>'
        name = match.group(2)
        return f'<span class="nk-sr">{SR_TEXT[name][1]}</span></{name}>'

    return _TAG.sub(tag, html)


def _mark(name: str, html: str) -> str:
    return _add_sr_text(f"<{name}>{html}</{name}>")


def _redline_text(ops: WordOps) -> str:
    """Redline of plain one-line text (titles): escaped, no Markdown."""
    out = []
    for op, text in ops:
        if op == "equal" or not text.strip():
            out.append(escape(text) if op != "delete" else "")
        else:
            out.append(_mark("ins" if op == "insert" else "del", escape(text)))
    return "".join(out)


def _title_link(s: SectionDiff, version_url: str) -> str:
    title = escape(s.new_title or s.old_title or s.id)
    if s.status == "removed":
        return title
    return f'<a href="{escape(version_url)}#{escape(s.id)}">{title}</a>'


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _date(value: str | None) -> str:
    if value is None:
        return "none"
    return f'<time datetime="{escape(value)}">{escape(value)}</time>'
