"""Notice-level detection: introduction, added/removed/moved sections, text moved between sections."""

from __future__ import annotations

from noticekit.classify import INTRO_ID, MaterialConfig, detect
from noticekit.diff.model import NoticeDiff, SectionDiff
from tests.unit.classify.helpers import body, notice_diff, section_diff, word_ops

RIGHTS = body(
    """
    ### Objection

    You can object to processing based on legitimate interests, and we will stop unless we have compelling grounds.
    """
)


def removed_section(section_id: str, text: str) -> SectionDiff:
    return SectionDiff(section_id, "removed", "Your rights", None, ops=(("delete", text),), old_body=text)


def added_section(section_id: str, title: str, text: str) -> SectionDiff:
    return SectionDiff(section_id, "added", None, title, ops=(("insert", text),), new_body=text)


def test_removed_section_with_substantive_text():
    (finding,) = detect(notice_diff(removed_section("your-rights", RIGHTS)), MaterialConfig())
    assert (finding.rule, finding.category, finding.section) == ("section-removed", "section_removed", "your-rights")
    assert finding.message == "The section 'Your rights' was removed"
    assert finding.before.startswith("You can object to processing")


def test_removed_stub_section_is_not_material():
    assert detect(notice_diff(removed_section("todo", "### Coming soon\n\nTo do.\n"))) == []


def test_section_moved_to_another_id_is_not_removed():
    moved = added_section("rights", "Rights", RIGHTS)
    assert detect(notice_diff(removed_section("your-rights", RIGHTS), moved)) == []


def test_paragraph_moved_between_sections_is_not_new():
    paragraph = "We share order data with advertising partners to measure campaigns.\n"
    a = section_diff("Intro text.\n\n" + paragraph, "Intro text.\n", section_id="a", title="How we use information")
    b = section_diff(
        "We share data with couriers.\n",
        "We share data with couriers.\n\n" + paragraph,
        section_id="b",
        title="Sharing",
    )
    assert detect(notice_diff(a, b)) == []


def test_added_section_is_judged_like_inserted_text():
    added = added_section("ai-features", "AI features", "We use your prompts to train our language models.\n")
    (finding,) = detect(notice_diff(added))
    assert (finding.category, finding.section) == ("new_purpose", "ai-features")


def test_introduction_changes_are_reported_under_intro():
    old, new = "We do not sell personal information.\n", "We may sell personal information.\n"
    (finding,) = detect(notice_diff(intro_ops=word_ops(old, new)))
    assert (finding.rule, finding.section) == ("negation-removed", INTRO_ID)


def test_title_summary_and_order_changes_are_not_material():
    text = "We share data with couriers.\n"
    diff = SectionDiff(
        "sharing",
        "unchanged",
        "Sharing",
        "Who we share with",
        "Old summary.",
        "New summary.",
        0,
        3,
        moved=True,
        ops=(("equal", text),),
        old_body=text,
        new_body=text,
    )
    assert detect(notice_diff(diff)) == []


def test_expired_transitional_note_may_be_removed():
    note = (
        "### Nothing changes before 5 January 2026\n\n"
        "We will not use your content for training before 5 January 2026. If you opt out before that date, "
        "your information will never be included.\n\n"
    )
    rest = "### Training\n\nWe use content to train our scheduling models unless you opt out in settings.\n"
    diff = section_diff(note + rest, rest, title="Scheduling suggestions")
    expired = NoticeDiff("2025-12-01", "2026-11-16", (diff,))
    current = NoticeDiff("2025-12-01", "2025-12-20", (diff,))
    assert detect(expired) == []
    assert {f.category for f in detect(current)} >= {"section_removed"}
