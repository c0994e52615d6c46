"""From word ops to changes: grouping, dropping moved sentences, and the kind of each change."""

from __future__ import annotations

from noticekit.classify.changes import ensure_ops
from noticekit.classify.detect import section_changes
from noticekit.diff.model import new_text, old_text
from tests.unit.classify.helpers import body, word_ops


def kinds(old: str, new: str) -> list[str]:
    old, new = body(old), body(new)
    return [c.kind for c in section_changes(old, new, word_ops(old, new))]


def test_one_change_per_edited_sentence_with_both_sides():
    old = body("We keep logs for 14 days. We keep invoices for six years.")
    new = body("We keep logs for 30 days. We keep invoices for six years.")
    (change,) = section_changes(old, new, word_ops(old, new))
    assert [u.plain for u in change.old] == ["We keep logs for 14 days."]
    assert [u.plain for u in change.new] == ["We keep logs for 30 days."]
    assert change.kind == "substantive"


def test_inserted_list_item_is_a_pure_insertion():
    old = body("We share with:\n\n- auditors;\n- lawyers.")
    new = body("We share with:\n\n- auditors;\n- data brokers;\n- lawyers.")
    (change,) = section_changes(old, new, word_ops(old, new))
    assert change.old == ()
    assert [u.plain for u in change.new] == ["data brokers;"]


def test_cosmetic_kinds():
    assert kinds("We share data.", "We Share data!") == []  # nothing left once normalised
    assert kinds("We recieve your data.", "We receive your data.") == ["typo"]
    assert kinds("### Access\n\nText here.", "### Getting access\n\nText here.") == ["heading"]
    assert kinds("Write to 1 Main Street, Dublin.", "Write to 9 Quay Road, Cork.") == ["contact"]


def test_meaningful_one_letter_edits_are_not_typos():
    assert kinds("We do not sell data.", "We do now sell data.") == ["substantive"]
    assert kinds("We keep logs for 14 days.", "We keep logs for 15 days.") == ["substantive"]


def test_reordered_items_and_reflowed_lines_leave_no_change():
    assert (
        kinds(
            "- alpha is used.\n- beta is kept.\n- gamma is shared.",
            "- gamma is shared.\n- alpha is used.\n- beta is kept.",
        )
        == []
    )
    assert (
        kinds("We keep logs for 14 days and\nthen delete them.", "We keep logs\nfor 14 days and then delete them.")
        == []
    )


def test_missing_or_stale_ops_are_recomputed():
    old, new = "We keep logs.\n", "We keep logs and files.\n"
    ops = ensure_ops((), old, new)
    assert old_text(ops) == old and new_text(ops) == new
    assert ensure_ops((("equal", "stale"),), old, new) == ops
