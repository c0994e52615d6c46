"""Plain-text, JSON, Markdown (pull-request comment) and unified-diff renderings of one diff."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date

from noticekit.diff import compare_notices, new_text, old_text
from noticekit.diff.model import NoticeDiff
from noticekit.model import Notice, NoticeMeta, Section
from noticekit.render.diff_json import diff_to_json, render_json
from noticekit.render.diff_markdown import render_markdown_diff
from noticekit.render.diff_text import render_text
from noticekit.render.diff_unified import render_unified

META = NoticeMeta(title="Privacy notice", last_updated=date(2024, 1, 1), effective=date(2024, 1, 1))


def notice(*sections: tuple[str, str, str, str], meta: NoticeMeta = META, intro: str = "Hello.\n") -> Notice:
    """Sections as (id, title, summary, body)."""
    return Notice(
        meta=meta,
        intro=intro,
        sections=tuple(
            Section(id=i, title=t, summary=s, body=b, path=f"sections/{n:02d}-{i}.md")
            for n, (i, t, s, b) in enumerate(sections, start=1)
        ),
    )


def sample() -> NoticeDiff:
    old = notice(
        ("who-we-are", "Who we are", "About us.", "We are Fernleaf.\n"),
        ("sharing", "Sharing", "Who gets data.", "We do not sell data.\n\nWe share it with partners.\n"),
        ("cookies", "Cookies", "Cookies.", "We use cookies.\n"),
        ("contact", "Contact", "How to reach us.", "Write to us.\n"),
    )
    new = notice(
        ("contact", "Contact us", "How to reach us.", "Write to us.\n"),
        ("who-we-are", "Who we are", "About us and our group.", "We are Fernleaf.\n"),
        ("sharing", "Sharing", "Who gets data.", "We sell data.\n\nWe share it with partners.\n"),
        ("children", "Children", "Kids.", "Not for children.\n"),
        meta=replace(META, title="Fernleaf privacy notice", effective=date(2024, 2, 1)),
        intro="Hello there.\n",
    )
    return compare_notices(old, new, "2023-06-01", "2024-01-01")


# --- text ------------------------------------------------------------------------------------------


def test_text_marks_insertions_and_deletions_without_colour() -> None:
    text = render_text(sample())
    assert "Changes from 2023-06-01 to 2024-01-01" in text
    assert "We [-do not -]sell data." in text
    assert "== Children (added) ==" in text and "{+Not for children.+}" in text
    assert "== Cookies (removed) ==" in text and "[-We use cookies.-]" in text
    assert "== Contact us (moved, retitled) ==" in text
    assert "Title: [-Contact-]{+Contact us+}" in text or "Title: Contact{+ us+}" in text
    assert "Summary: About us{+ and our group+}." in text
    assert "Effective: 2024-01-01 -> 2024-02-01" in text
    assert "\x1b[" not in text


def test_text_shows_only_changed_lines_with_context() -> None:
    assert "We share it with partners." not in render_text(sample(), context=0)
    assert "We share it with partners." in render_text(sample(), context=None)


def test_text_colour_uses_ansi_and_no_markers() -> None:
    text = render_text(sample(), color=True)
    assert "\x1b[9;31mdo not \x1b[0m" in text
    assert "\x1b[4;32mNot for children.\x1b[0m" in text
    assert "[-" not in text and "{+" not in text


def test_text_markers_never_span_a_line_break() -> None:
    old = notice(("a", "A", "S.", "One.\n"))
    new = notice(("a", "A", "S.", "One.\n\nTwo new lines\nof text.\n"))
    text = render_text(compare_notices(old, new, "1", "2"), context=None)
    assert "{+Two new lines+}\n{+of text.+}" in text
    assert all(line.count("{+") == line.count("+}") for line in text.splitlines())


def test_text_for_no_changes() -> None:
    n = notice(("a", "A", "S.", "Body.\n"))
    assert render_text(compare_notices(n, n, "1", "1")) == "Changes from 1 to 1\nNo changes.\n"


# --- JSON ------------------------------------------------------------------------------------------


def test_json_shape() -> None:
    data = json.loads(render_json(sample()))
    assert {"old": data["old"], "new": data["new"]} == {"old": "2023-06-01", "new": "2024-01-01"}
    assert data["format"] == 1 and data["changed"] is True
    assert data["title"]["old"] == "Privacy notice" and data["title"]["new"] == "Fernleaf privacy notice"
    assert data["dates"] == [{"field": "effective", "old": "2024-01-01", "new": "2024-02-01"}]
    assert data["intro_ops"] == [["equal", "Hello"], ["insert", " there"], ["equal", ".\n"]]
    assert data["stats"]["added"] == 1 and data["stats"]["words_deleted"] == 2
    by_id = {s["id"]: s for s in data["sections"]}
    assert [s["id"] for s in data["sections"]] == ["contact", "who-we-are", "sharing", "cookies", "children"]
    for section in data["sections"]:
        assert {"id", "status", "moved", "old_title", "new_title", "retitled", "summary_changed"} <= section.keys()
    sharing = by_id["sharing"]
    assert sharing["status"] == "modified" and sharing["moved"] is False
    assert sharing["ops"][:2] == [["equal", "We "], ["delete", "do not "]]
    ops = [tuple(op) for op in sharing["ops"]]
    assert old_text(ops) == "We do not sell data.\n\nWe share it with partners.\n"  # type: ignore[arg-type]
    assert new_text(ops) == "We sell data.\n\nWe share it with partners.\n"  # type: ignore[arg-type]
    assert by_id["contact"]["moved"] is True and by_id["contact"]["retitled"] is True
    assert by_id["contact"]["title_ops"] == [["equal", "Contact"], ["insert", " us"]]
    assert "ops" not in by_id["contact"], "no ops for an unchanged body"
    assert by_id["who-we-are"]["summary_changed"] is True and "summary_ops" in by_id["who-we-are"]
    assert by_id["cookies"] | {"ops": None} == by_id["cookies"] | {"ops": None}
    assert by_id["cookies"]["ops"] == [["delete", "We use cookies.\n"]]
    assert by_id["children"]["ops"] == [["insert", "Not for children.\n"]]
    assert (by_id["children"]["old_index"], by_id["children"]["new_index"]) == (None, 3)


def test_json_keeps_unicode_readable() -> None:
    n1 = notice(("a", "A", "S.", "Données.\n"))
    n2 = notice(("a", "A", "S.", "Données personnelles.\n"))
    assert "Données" in render_json(compare_notices(n1, n2, "1", "2"))
    assert diff_to_json(compare_notices(n1, n1, "1", "1"))["changed"] is False


# --- Markdown (pull-request comment) -------------------------------------------------------------


def test_markdown_comment_has_a_summary_table_and_redlines() -> None:
    md = render_markdown_diff(sample(), version_url="https://example.com/2024-01-01/")
    assert md.startswith("### Notice changes: 2023-06-01 → 2024-01-01")
    assert "| Section | Change | Words + / − |" in md
    assert "| [Sharing](https://example.com/2024-01-01/#sharing) | modified | +0 / −2 |" in md
    assert "| Cookies | removed |  |" in md
    assert "We <del>do not </del>sell data." in md
    assert "<ins>Not for children.</ins>" in md
    assert "#### Contact<ins> us</ins> (moved, retitled)" in md or "#### Contact <ins>us</ins>" in md
    assert "- Effective: 2024-01-01 → 2024-02-01" in md


def test_markdown_comment_shows_only_changed_blocks() -> None:
    old = notice(("a", "A", "S.", "### First\n\nOne.\n\n### Second\n\nTwo.\n\nThree.\n"))
    new = notice(("a", "A", "S.", "### First\n\nOne.\n\n### Second\n\nTwo more.\n\nThree.\n"))
    md = render_markdown_diff(compare_notices(old, new, "1", "2"))
    assert "### Second\n\nTwo <ins>more</ins>." in md
    assert "One." not in md and "Three." not in md and "### First" not in md


def test_markdown_comment_for_no_changes() -> None:
    n = notice(("a", "A", "S.", "Body.\n"))
    assert render_markdown_diff(compare_notices(n, n, "1", "1")).endswith("No changes.\n")


# --- unified diff --------------------------------------------------------------------------------


def test_unified_diff_per_file_with_version_labels() -> None:
    text = render_unified(sample())
    assert "--- a/2023-06-01/sections/02-sharing.md\n+++ b/2024-01-01/sections/03-sharing.md\n" in text
    assert "-We do not sell data.\n+We sell data.\n" in text
    assert "--- a/2023-06-01/sections/03-cookies.md\n+++ /dev/null\n" in text
    assert "--- /dev/null\n+++ b/2024-01-01/sections/04-children.md\n" in text
    assert "--- a/2023-06-01/index.md\n+++ b/2024-01-01/index.md\n" in text
    assert "-title: Privacy notice\n+title: Fernleaf privacy notice\n" in text
    assert "-summary: About us.\n+summary: About us and our group.\n" in text


def test_unified_diff_is_empty_without_changes() -> None:
    n = notice(("a", "A", "S.", "Body.\n"))
    assert render_unified(compare_notices(n, n, "1", "1")) == ""


def test_unified_diff_marks_a_missing_final_newline() -> None:
    old, new = notice(("a", "A", "S.", "Body.")), notice(("a", "A", "S.", "Body!"))
    assert re.search(r"\+Body!\n\\ No newline at end of file\n", render_unified(compare_notices(old, new, "1", "2")))
