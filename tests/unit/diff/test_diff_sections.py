"""Section alignment by stable id: statuses, moves, retitles, summaries, dates, title and intro."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from noticekit.diff import compare_notices, new_text, old_text
from noticekit.load.loader import load_notice
from noticekit.model import Notice, NoticeMeta, Section

META = NoticeMeta(title="Privacy notice", last_updated=date(2024, 1, 1), effective=date(2024, 1, 1))


def section(id: str, body: str = "", title: str = "", summary: str = "", n: int = 1) -> Section:
    return Section(
        id=id,
        title=title or id.replace("-", " ").capitalize(),
        summary=summary or f"About {id}.",
        body=body or f"We explain {id} here.\n",
        path=f"sections/{n:02d}-{id}.md",
    )


def notice(*sections: Section, meta: NoticeMeta = META, intro: str = "Hello.\n") -> Notice:
    numbered = tuple(replace(s, path=f"sections/{i:02d}-{s.id}.md") for i, s in enumerate(sections, start=1))
    return Notice(meta=meta, intro=intro, sections=numbered)


def statuses(old: Notice, new: Notice) -> list[tuple[str, str, bool]]:
    return [(s.id, s.status, s.moved) for s in compare_notices(old, new, "a", "b").sections]


# --- statuses --------------------------------------------------------------------------------------


def test_added_removed_modified_and_unchanged_sections() -> None:
    old = notice(section("who-we-are"), section("sharing"), section("cookies"))
    new = notice(section("who-we-are"), section("sharing", "We share nothing.\n"), section("your-rights"))
    assert statuses(old, new) == [
        ("who-we-are", "unchanged", False),
        ("sharing", "modified", False),
        ("cookies", "removed", False),
        ("your-rights", "added", False),
    ]


def test_modified_section_carries_word_ops_and_both_bodies() -> None:
    old = notice(section("sharing", "We do not sell data.\n"))
    new = notice(section("sharing", "We sell data.\n"))
    (diff,) = compare_notices(old, new, "a", "b").sections
    assert diff.ops == (("equal", "We "), ("delete", "do not "), ("equal", "sell data.\n"))
    assert (diff.old_body, diff.new_body) == ("We do not sell data.\n", "We sell data.\n")
    assert (diff.words_inserted, diff.words_deleted) == (0, 2)


def test_added_and_removed_sections_have_whole_body_ops() -> None:
    diff = compare_notices(notice(section("a")), notice(section("b")), "x", "y")
    removed, added = diff.sections
    assert (removed.status, removed.ops) == ("removed", (("delete", "We explain a here.\n"),))
    assert (added.status, added.ops) == ("added", (("insert", "We explain b here.\n"),))
    assert (removed.old_index, removed.new_index, added.old_index, added.new_index) == (0, None, None, 0)


def test_removed_section_is_placed_where_it_stood() -> None:
    old = notice(section("a"), section("b"), section("c"), section("d"))
    new = notice(section("x"), section("a"), section("d"))
    assert [s.id for s in compare_notices(old, new, "1", "2").sections] == ["x", "a", "b", "c", "d"]
    old = notice(section("a"), section("b"))
    assert [s.id for s in compare_notices(old, notice(section("b")), "1", "2").sections] == ["a", "b"]


def test_sensitivity_comes_from_the_new_side() -> None:
    old = notice(section("children", "Old.\n"))
    new = notice(replace(section("children", "New.\n"), sensitivity="high"))
    assert compare_notices(old, new, "a", "b").sections[0].sensitivity == "high"


# --- moves and retitles ----------------------------------------------------------------------------


def test_one_section_moved_to_the_top_is_the_only_one_moved() -> None:
    ids = ["a", "b", "c", "d", "e"]
    old = notice(*(section(i) for i in ids))
    new = notice(*(section(i) for i in ["e", "a", "b", "c", "d"]))
    assert [(i, moved) for i, _, moved in statuses(old, new)] == [
        ("e", True), ("a", False), ("b", False), ("c", False), ("d", False),
    ]  # fmt: skip


def test_swapping_two_sections_marks_one_as_moved() -> None:
    old = notice(section("a"), section("b"), section("c"))
    new = notice(section("b"), section("a"), section("c"))
    assert sum(moved for _, _, moved in statuses(old, new)) == 1


def test_additions_and_removals_do_not_make_others_moved() -> None:
    old = notice(section("a"), section("b"), section("c"))
    new = notice(section("new"), section("a"), section("c"))
    assert not any(moved for _, _, moved in statuses(old, new))


def test_retitled_section_is_not_removed_and_added() -> None:
    old = notice(section("sharing", title="Sharing"))
    new = notice(section("sharing", title="Who we share information with"))
    (diff,) = compare_notices(old, new, "a", "b").sections
    assert (diff.status, diff.retitled, diff.old_title, diff.new_title) == (
        "unchanged", True, "Sharing", "Who we share information with",
    )  # fmt: skip
    assert compare_notices(old, new, "a", "b").changed


def test_summary_change_is_reported_apart_from_the_body() -> None:
    old = notice(section("sharing", summary="We share a little."))
    new = notice(section("sharing", summary="We share a lot."))
    (diff,) = compare_notices(old, new, "a", "b").sections
    assert (diff.status, diff.summary_changed, diff.ops) == ("unchanged", True, ())
    assert compare_notices(old, new, "a", "b").stats.summaries_changed == 1


@settings(max_examples=100)
@given(st.permutations(list("abcdefgh")))
def test_moved_sections_are_the_fewest_that_explain_the_new_order(order: list[str]) -> None:
    old = notice(*(section(i) for i in "abcdefgh"))
    new = notice(*(section(i) for i in order))
    result = statuses(old, new)
    kept = [i for i, _, moved in result if not moved]
    assert kept == sorted(kept), "sections not marked moved keep their old relative order"
    longest = max(n for n in range(1, 9) if any(list(c) == sorted(c) for c in itertools.combinations(order, n)))
    assert len(kept) == longest


# --- notice-level changes --------------------------------------------------------------------------


def test_dates_title_and_intro_changes() -> None:
    new_meta = replace(
        META,
        title="Fernleaf privacy notice",
        last_updated=date(2024, 3, 1),
        effective=date(2024, 4, 1),
        announced=date(2024, 3, 1),
    )
    diff = compare_notices(notice(section("a")), notice(section("a"), meta=new_meta, intro="Hi.\n"), "a", "b")
    assert diff.title_change == ("Privacy notice", "Fernleaf privacy notice")
    assert [(d.field, d.old, d.new) for d in diff.date_changes] == [
        ("last_updated", "2024-01-01", "2024-03-01"),
        ("effective", "2024-01-01", "2024-04-01"),
        ("announced", None, "2024-03-01"),
    ]
    assert diff.intro_ops == (("delete", "Hello"), ("insert", "Hi"), ("equal", ".\n"))
    assert diff.sections[0].status == "unchanged"


def test_files_are_paired_by_section_id_even_when_renumbered() -> None:
    old = notice(section("a"), section("b", "Old text.\n"))
    new = notice(section("new"), section("a"), section("b", "New text.\n"))
    files = {(f.old_path, f.new_path) for f in compare_notices(old, new, "1", "2").files}
    assert files == {("sections/02-b.md", "sections/03-b.md"), (None, "sections/01-new.md")}


def test_files_of_loaded_notices_are_the_sources_as_written(tmp_path: Path) -> None:
    for name, body in (("old", "We keep data for 30 days.\n"), ("new", "We keep data for 90 days.\n")):
        folder = tmp_path / name
        (folder / "sections").mkdir(parents=True)
        (folder / "index.md").write_text("---\ntitle: Notice\nlast_updated: 2024-01-01\n---\nIntro.\n")
        (folder / "sections" / "01-retention.md").write_text(
            f"---\nid: retention\ntitle: Retention\nsummary: How long.\n---\n{body}"
        )
    diff = compare_notices(load_notice(tmp_path / "old"), load_notice(tmp_path / "new"), "old", "new")
    (file,) = diff.files
    assert file.old_text.startswith("---\nid: retention\n") and file.new_text.endswith("90 days.\n")
    assert diff.sections[0].ops == (("equal", "We keep data for "), ("delete", "30"), ("insert", "90"),
                                    ("equal", " days.\n"))  # fmt: skip


# --- properties over whole notices -----------------------------------------------------------------

BODY = st.lists(
    st.sampled_from(["We ", "share ", "data ", "with ", "partners", ". ", "\n\n", "- item\n", "### Heading\n"]),
    min_size=1,
    max_size=30,
).map("".join)


@st.composite
def notices(draw: st.DrawFn) -> Notice:
    ids = draw(st.lists(st.sampled_from(list("abcdefghij")), min_size=1, max_size=8, unique=True))
    return notice(*(section(i, draw(BODY), title=draw(st.sampled_from(["T1", "T2"]))) for i in ids))


@settings(max_examples=60)
@given(notices())
def test_a_notice_diffed_with_itself_has_no_changes(n: Notice) -> None:
    diff = compare_notices(n, n, "v1", "v1")
    assert not diff.changed
    assert all(s.status == "unchanged" and not s.moved and not s.ops for s in diff.sections)
    assert not diff.files and not diff.date_changes and diff.title_change is None


@settings(max_examples=60)
@given(notices(), st.data())
def test_editing_one_section_leaves_the_others_unchanged(n: Notice, data: st.DataObject) -> None:
    index = data.draw(st.integers(min_value=0, max_value=len(n.sections) - 1))
    target = n.sections[index]
    body = data.draw(BODY.filter(lambda b: b != target.body))
    edited = replace(n, sections=tuple(replace(s, body=body) if s is target else s for s in n.sections))
    diff = compare_notices(n, edited, "v1", "v2")
    for s in diff.sections:
        if s.id == target.id:
            assert s.status == "modified"
            assert (old_text(s.ops), new_text(s.ops)) == (target.body, body)
        else:
            assert (s.status, s.moved, s.ops, s.retitled, s.summary_changed) == ("unchanged", False, (), False, False)
