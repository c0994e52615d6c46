from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from noticekit.importers.draft import PLACEHOLDER_SUMMARY, Draft, DraftSection, finish
from noticekit.importers.writer import notice_files, write_folder
from noticekit.load.loader import load_notice


def draft(**changes: object) -> Draft:
    base = dict(
        title="Acme: Privacy Notice",
        intro="Intro.\n",
        sections=(DraftSection("who-we-are", "1. Who we are", "Yes", "We are Acme.\n"),
                  DraftSection("rights", "Rights", None, "")),
        last_updated=date(2022, 4, 4),
    )
    base.update(changes)
    return Draft(**base)  # type: ignore[arg-type]


def test_files_and_names_are_deterministic(tmp_path: Path) -> None:
    done, warnings = finish(draft(), date(2030, 1, 1), "used today's date")
    files = notice_files(done)
    assert sorted(files) == ["index.md", "sections/01-who-we-are.md", "sections/02-rights.md"]
    assert files == notice_files(done)
    assert files["index.md"].decode() == "---\ntitle: 'Acme: Privacy Notice'\nlast_updated: 2022-04-04\n---\nIntro.\n"
    assert files["sections/01-who-we-are.md"].decode().startswith(
        "---\nid: who-we-are\ntitle: 1. Who we are\nsummary: 'Yes'\n"
    )
    assert any("rights" in w and "summary" in w for w in warnings)
    assert any("placeholder body" in w for w in warnings)
    write_folder(tmp_path / "notice", files)
    notice = load_notice(tmp_path / "notice")
    assert notice.sections[0].summary == "Yes"
    assert notice.sections[1].summary == PLACEHOLDER_SUMMARY


def test_missing_date_and_early_effective_date_are_settled_with_warnings() -> None:
    done, warnings = finish(draft(last_updated=None), date(2030, 1, 1), "used today's date")
    assert done.last_updated == date(2030, 1, 1)
    assert any("used today's date (2030-01-01)" in w for w in warnings)
    done, warnings = finish(draft(effective=date(2020, 1, 1)), date(2030, 1, 1), "x")
    assert done.effective is None
    assert any("took effect on 2020-01-01" in w for w in warnings)
    done, _ = finish(draft(last_updated=None, effective=date(2021, 6, 1)), date(2030, 1, 1), "x")
    assert (done.last_updated, done.effective) == (date(2021, 6, 1), None)


text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=60)


@settings(max_examples=30, deadline=None)
@given(title=text, summary=text)
def test_any_title_and_summary_survive_the_front_matter(tmp_path_factory, title: str, summary: str) -> None:  # type: ignore[no-untyped-def]
    title, summary = " ".join(title.split()), " ".join(summary.split())
    if not title or not summary:
        return
    folder = tmp_path_factory.mktemp("n") / "notice"
    done, _ = finish(
        draft(title=title, sections=(DraftSection("a", title, summary, "Text.\n"),)), date(2030, 1, 1), "x"
    )
    write_folder(folder, notice_files(done))
    notice = load_notice(folder)
    assert notice.meta.title == title
    assert (notice.sections[0].title, notice.sections[0].summary) == (title, summary)
