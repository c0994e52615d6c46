"""Validation of the authoring format: every problem reported at once, with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticekit.errors import ValidationError
from noticekit.load.loader import load_notice, read_notice
from tests.conftest import section


def messages(folder: Path) -> list[str]:
    _, problems = read_notice(folder, display="notice")
    return [str(p) for p in problems if p.severity == "error"]


def test_valid_notice_loads(make_notice):
    notice = load_notice(make_notice())
    assert notice.meta.title == "Privacy Notice of Example Co"
    assert notice.meta.effective == notice.meta.last_updated
    assert [s.id for s in notice.sections] == ["what-we-collect", "sharing", "your-rights"]
    assert notice.sections[0].body_line == 6
    assert set(notice.files) == {
        "index.md",
        "sections/01-what-we-collect.md",
        "sections/02-sharing.md",
        "sections/03-your-rights.md",
    }


def test_no_front_matter(make_notice):
    folder = make_notice({"sections/02-sharing.md": "Just text.\n"})
    assert messages(folder) == [
        "notice/sections/02-sharing.md:1: no front matter: the file must start with a '---' line, "
        "then YAML keys, then '---'"
    ]


def test_yaml_syntax_error_names_line(make_notice):
    folder = make_notice({"sections/02-sharing.md": "---\nid: sharing\ntitle: [unclosed\nsummary: x\n---\nText\n"})
    [message] = messages(folder)
    assert message.startswith("notice/sections/02-sharing.md:4: YAML syntax error in front matter")


@pytest.mark.parametrize("key", ["id", "title", "summary"])
def test_missing_required_section_key(make_notice, key):
    lines = {"id": "id: sharing\n", "title": "title: Sharing\n", "summary": "summary: Who gets data.\n"}
    front = "".join(v for k, v in lines.items() if k != key)
    folder = make_notice({"sections/02-sharing.md": f"---\n{front}---\nText\n"})
    assert f"notice/sections/02-sharing.md:1: missing required key '{key}' in front matter" in messages(folder)


def test_missing_title_in_index(make_notice):
    folder = make_notice({"index.md": "---\nlast_updated: 2022-04-04\n---\nIntro\n"})
    assert messages(folder) == ["notice/index.md:1: missing required key 'title' in front matter"]


def test_unknown_key_with_hint(make_notice):
    folder = make_notice({"index.md": "---\ntitle: T\nlast_updated: 2022-04-04\neffectve: 2022-05-01\n---\nIntro\n"})
    assert messages(folder) == ["notice/index.md:4: unknown key 'effectve'; did you mean 'effective'?"]


def test_impossible_date(make_notice):
    folder = make_notice({"index.md": "---\ntitle: T\nlast_updated: 2022-02-30\n---\nIntro\n"})
    [message] = messages(folder)
    assert message.startswith("notice/index.md:3: 'last_updated' is not a real date: 2022-02-30")


def test_effective_before_last_updated(make_notice):
    folder = make_notice({"index.md": "---\ntitle: T\nlast_updated: 2022-04-04\neffective: 2022-04-01\n---\nIntro\n"})
    assert messages(folder) == [
        "notice/index.md:4: 'effective' (2022-04-01) is before 'last_updated' (2022-04-04); "
        "a text cannot take effect before it was written"
    ]


def test_duplicate_section_ids(make_notice):
    folder = make_notice({"sections/04-sharing.md": section("sharing", "Sharing again", "More text.")})
    assert messages(folder) == [
        "notice/sections/04-sharing.md:1: duplicate section id 'sharing' (also used by notice/sections/02-sharing.md)"
    ]


@pytest.mark.parametrize("heading", ["# Big", "## Medium"])
def test_top_level_heading_in_section_body(make_notice, heading):
    folder = make_notice({"sections/02-sharing.md": section("sharing", "Sharing", f"Intro.\n\n{heading}\n\nText.")})
    level = heading.split()[0]
    assert messages(folder) == [
        f"notice/sections/02-sharing.md:8: '{level}' heading in a section body: the section title is the "
        "level-2 heading, so use '###' or deeper for sub-sections"
    ]


def test_heading_inside_code_fence_is_fine(make_notice):
    folder = make_notice({"sections/02-sharing.md": section("sharing", "Sharing", "```\n## not a heading\n```")})
    assert messages(folder) == []


def test_empty_section(make_notice):
    folder = make_notice({"sections/02-sharing.md": "---\nid: sharing\ntitle: Sharing\nsummary: S.\n---\n\n  \n"})
    assert messages(folder) == [
        "notice/sections/02-sharing.md:6: empty section: write the section's text below the front matter"
    ]


def test_file_not_utf8(make_notice):
    folder = make_notice(
        {"sections/02-sharing.md": "---\nid: sharing\ntitle: Sharing\nsummary: S.\n---\nCaf\xe9\n".encode("latin-1")}
    )
    assert messages(folder) == ["notice/sections/02-sharing.md:6: file is not UTF-8 (byte 0xe9); save it as UTF-8"]


def test_section_id_must_match_file_name(make_notice):
    folder = make_notice({"sections/02-sharing.md": section("recipients", "Sharing", "Text.")})
    assert messages(folder) == [
        "notice/sections/02-sharing.md:2: section id 'recipients' does not match the file name "
        "(expected 'sharing'); rename the file or fix the id"
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<script>alert(1)</script>", "raw HTML <script> is not allowed"),
        ('<iframe src="https://example.com"></iframe>', "raw HTML <iframe> is not allowed"),
        ('<object data="x.swf"></object>', "raw HTML <object> is not allowed"),
        ("<style>p { display: none }</style>", "raw HTML <style> is not allowed"),
        ('<span onclick="steal()">hi</span>', "event-handler attribute 'onclick' in <span> is not allowed"),
        ("Click [here](javascript:alert(1)).", "unsafe link target 'javascript:alert(1)'"),
        ('<a href="data:text/html;base64,xx">x</a>', "unsafe URL 'data:text/html;base64,xx' in <a>"),
        ('Text {: onmouseover="x()" }', "event-handler attribute 'onmouseover' in attribute list"),
        ('<span style="display:none">hidden</span>', "attribute 'style' in <span> is not allowed"),
    ],
)
def test_forbidden_html_names_file_and_line(make_notice, body, expected):
    folder = make_notice({"sections/02-sharing.md": section("sharing", "Sharing", f"First line.\n\n{body}")})
    [message] = messages(folder)
    assert message.startswith("notice/sections/02-sharing.md:8: ")
    assert expected in message


def test_safe_inline_html_is_allowed(make_notice):
    folder = make_notice(
        {
            "sections/02-sharing.md": section(
                "sharing", "Sharing", "Use <abbr title='General'>GDPR</abbr> and <br> here."
            )
        }
    )
    assert messages(folder) == []


def test_every_problem_reported_at_once(make_notice):
    folder = make_notice(
        {
            "index.md": "---\ntitle: T\nlast_updated: 2022-13-01\n---\nIntro\n",
            "sections/01-what-we-collect.md": "No front matter\n",
            "sections/02-sharing.md": section("sharing", "Sharing", "<script>x</script>"),
        }
    )
    with pytest.raises(ValidationError) as info:
        load_notice(folder, display="notice")
    files = [p.file for p in info.value.problems]
    assert files == ["notice/index.md", "notice/sections/01-what-we-collect.md", "notice/sections/02-sharing.md"]
