from datetime import date

import pytest

from noticekit.errors import ImportFailed
from noticekit.importers.markdown_doc import convert_markdown


def test_front_matter_known_keys_kept_aliases_read_unknown_reported() -> None:
    draft = convert_markdown(
        "---\ntitle: Acme notice\ndate: 4 April 2022\neffective_date: 2022-05-01\nlayout: legal\n"
        "change_summary: We added a section.\n---\n# Ignored heading\n\nIntro.\n\n## One\n\nText.\n"
    )
    assert (draft.title, draft.last_updated, draft.effective) == ("Acme notice", date(2022, 4, 4), date(2022, 5, 1))
    assert draft.change_summary == "We added a section."
    assert draft.intro == "Intro.\n"
    assert any("layout" in w for w in draft.warnings)
    assert any("Ignored heading" in w for w in draft.warnings)


def test_sections_split_at_level_two_with_custom_ids() -> None:
    draft = convert_markdown(
        "# Acme\n\nIntro.\n\n## Who we are {#about}\n\nWe are Acme.\n\n### Our offices\n\nIn Leeds.\n\n"
        "## <a name=\"rights\"></a>Your rights ##\n\nAsk us, see [offices](#our-offices) and [about](#about).\n"
    )
    assert [(s.id, s.title) for s in draft.sections] == [("about", "Who we are"), ("rights", "Your rights")]
    assert draft.sections[0].body == "We are Acme.\n\n### Our offices\n\nIn Leeds.\n"
    assert draft.sections[1].body == "Ask us, see [offices](#about) and [about](#about).\n"


def test_setext_headings() -> None:
    draft = convert_markdown("Acme notice\n===========\n\nIntro.\n\nData\n----\n\nText.\n\n## Rights\n\nMore.\n")
    assert draft.title == "Acme notice"
    assert [s.title for s in draft.sections] == ["Data", "Rights"]
    assert draft.sections[0].body == "Text.\n"


def test_documents_whose_sections_are_level_one() -> None:
    draft = convert_markdown("---\ntitle: T\n---\n# A\n\na\n\n## A1\n\nx\n\n# B\n\nb\n")
    assert [s.title for s in draft.sections] == ["A", "B"]
    assert draft.sections[0].body == "a\n\n### A1\n\nx\n"


def test_contents_list_and_table_give_summaries() -> None:
    listed = convert_markdown(
        "# T\n\nIntro.\n\nIn this notice:\n\n"
        "- [Alpha](#alpha) — about alpha.\n    - [Sub](#sub)\n- [Beta](#beta): about beta\n\n"
        "## Alpha\n\n### Sub\n\na\n\n## Beta\n\nb\n"
    )
    assert listed.intro == "Intro.\n"
    assert [s.summary for s in listed.sections] == ["About alpha.", "About beta"]
    table = convert_markdown(
        "# T\n\n| Section | Summary |\n| --- | --- |\n| [1. Alpha](#1-alpha) | Alpha things. |\n"
        "| [2. Beta](#2-beta) | Beta things. |\n\n## 1. Alpha\n\na\n\n## 2. Beta\n\nb\n"
    )
    assert table.intro == ""
    assert [(s.id, s.summary) for s in table.sections] == [("alpha", "Alpha things."), ("beta", "Beta things.")]


def test_back_links_dropped_and_dates_taken_out() -> None:
    draft = convert_markdown(
        "# T\n\n*Last updated: April 4, 2022*\n\nIntro.\n\n"
        "## A\n\nText. [Back to top](#top)\n\n[↑ Contents](#contents)\n\n"
        "## B\n\nb\n\n**Effective:** 2022-05-01\n"
    )
    assert (draft.last_updated, draft.effective) == (date(2022, 4, 4), date(2022, 5, 1))
    assert draft.intro == "Intro.\n"
    assert [s.body for s in draft.sections] == ["Text.\n", "b\n"]


def test_links_to_unknown_anchors_become_text() -> None:
    draft = convert_markdown("# T\n\n## A\n\nSee [there](#nowhere) and `[code](#x)`.\n\n```\n[kept](#nope)\n```\n")
    assert draft.sections[0].body.startswith("See there and")
    assert "[kept](#nope)" in draft.sections[0].body
    assert any("#nowhere" in w for w in draft.warnings)


def test_a_document_without_sections_is_refused() -> None:
    with pytest.raises(ImportFailed, match=r"found no section headings in notes\.md"):
        convert_markdown("# Only a title\n\nAnd text.\n", "notes.md")
