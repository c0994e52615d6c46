"""The email as data and text: the change list, the templates, and the RFC 5322 message."""

from __future__ import annotations

from datetime import date
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default

import pytest
from bs4 import BeautifulSoup

from noticekit.config import Wording
from noticekit.diff.model import NoticeDiff, SectionDiff
from noticekit.render.email import (
    PLACEHOLDER_SENDER,
    ChangeItem,
    EmailContext,
    Finding,
    build_message,
    change_items,
    findings_of,
    message_bytes,
    render_email,
    sender,
)
from noticekit.versions.version import Version

DIFF = NoticeDiff(
    old_id="2026-05-01",
    new_id="2026-11-16",
    sections=(
        SectionDiff("who-we-are", "unchanged", "Who we are", "Who we are", moved=True),
        SectionDiff("collect", "modified", "What we collect", "What we collect", ops=(("insert", "voice"),)),
        SectionDiff("rights", "modified", "Rights", "Your rights", ops=(("delete", "x"),)),
        SectionDiff("contact", "unchanged", "Contact", "Contact us"),
        SectionDiff("cookies", "unchanged", "Cookies", "Cookies", old_summary="a", new_summary="b"),
        SectionDiff("ai-training", "added", None, "AI training"),
        SectionDiff("sharing", "removed", "Sharing", None),
    ),
    title_change=("Privacy notice", "Privacy Notice of Example Co"),
    intro_ops=(("equal", "Hello"), ("insert", " there")),
)

ITEMS = (
    ChangeItem("title", "Privacy Notice of Example Co", "Privacy notice"),
    ChangeItem("intro", ""),
    ChangeItem("changed", "What we collect"),
    ChangeItem("changed", "Your rights", "Rights"),
    ChangeItem("renamed", "Contact us", "Contact"),
    ChangeItem("changed", "Cookies"),
    ChangeItem("added", "AI training"),
    ChangeItem("removed", "Sharing"),
)


def version(**extra: object) -> Version:
    values: dict[str, object] = {
        "id": "2026-11-16",
        "title": "Privacy Notice of Example Co",
        "last_updated": date(2026, 11, 16),
        "effective": date(2026, 12, 21),
        "announced": date(2026, 11, 16),
        "files": {"index.md": "0" * 64},
        "change_summary": "We will use your messages to train our AI models.",
        "material": True,
        "findings": ({"category": "new_purpose", "section": "ai-training", "message": "A new purpose"},),
    }
    values.update(extra)
    return Version(**values)  # type: ignore[arg-type]


def context(v: Version | None = None, **extra: object) -> EmailContext:
    v = v or version()
    values: dict[str, object] = {
        "version": v,
        "organisation": "Example Co",
        "wording": Wording(date_format="{day} {month} {year}"),
        "version_url": "https://example.com/versions/2026-11-16/",
        "changes_url": "https://example.com/versions/2026-11-16/changes/",
        "changes": ITEMS,
        "findings": findings_of(v, {"ai-training": "AI training"}),
        "today": date(2026, 11, 16),
    }
    values.update(extra)
    return EmailContext(**values)  # type: ignore[arg-type]


def test_change_items_name_sections_by_title_in_new_order_and_skip_moves():
    assert change_items(DIFF) == ITEMS


def test_no_change_items_for_an_identical_notice():
    same = NoticeDiff("a", "b", (SectionDiff("x", "unchanged", "X", "X"),))
    assert change_items(same) == ()


def test_findings_only_for_a_material_change_with_section_titles():
    assert findings_of(version(), {"ai-training": "AI training"}) == (
        Finding("new_purpose", "AI training", "A new purpose"),
    )
    assert findings_of(version(), {}) == (Finding("new_purpose", "ai-training", "A new purpose"),)
    assert findings_of(version(material=False, material_reason="a typo"), {}) == ()


def test_text_lists_changes_findings_effective_date_notice_period_and_links():
    text = render_email(context()).text
    assert "We will use your messages to train our AI models." in text
    expected_list = "\n".join(
        [
            "What changed:",
            '- New title: "Privacy Notice of Example Co" (was "Privacy notice")',
            "- Changed: the introduction",
            "- Changed: What we collect",
            '- Changed: Your rights (previously "Rights")',
            '- Renamed: "Contact" is now "Contact us"',
            "- Changed: Cookies",
            "- New section: AI training",
            "- Removed: Sharing",
            "",
            "Why these changes are important:",
            "- New purpose (AI training): A new purpose",
            "",
            "These changes take effect on 21 December 2026.",
        ]
    )
    assert expected_list in text
    assert "We are telling you at least 35 days before they take effect" in " ".join(text.split())
    assert "https://example.com/versions/2026-11-16/\n" in text
    assert "What changed in this version:\nhttps://example.com/versions/2026-11-16/changes/\n" in text
    assert "\n\n\n" not in text


def test_html_is_self_contained_and_accessible():
    html = render_email(context()).html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html is not None and soup.html["lang"] == "en"
    assert soup.title is not None and soup.title.string == render_email(context()).subject
    assert soup.h1 is not None and soup.h1.get_text(strip=True) == "We are updating our privacy notice"
    assert [a["href"] for a in soup.find_all("a")] == [
        "https://example.com/versions/2026-11-16/",
        "https://example.com/versions/2026-11-16/changes/",
    ]
    assert [a.get_text() for a in soup.find_all("a")] == ["Read the updated notice", "What changed in this version"]
    assert not soup.find_all(["img", "script", "link", "style", "iframe", "object"])
    assert not [tag for tag in soup.find_all(True) if tag.has_attr("src")]
    assert "<li>New section: AI training</li>" in html
    assert "<strong>New purpose</strong> (AI training): A new purpose" in html
    assert "take effect on <strong>21 December 2026</strong>" in html
    assert "at least 35 days before" in html


def test_html_escapes_the_editors_text_and_the_text_does_not():
    v = version(change_summary="Fish & <chips>")
    rendered = render_email(context(v, changes=(ChangeItem("added", "<script>"),)))
    assert "Fish &amp; &lt;chips&gt;" in rendered.html
    assert "New section: &lt;script&gt;" in rendered.html
    assert "Fish & <chips>" in rendered.text


def test_subject_for_material_non_material_and_first_versions():
    assert render_email(context()).subject == (
        "Example Co: important changes to our privacy notice, effective 21 December 2026"
    )
    plain = version(material=False, findings=())
    assert render_email(context(plain)).subject == "Example Co: we have updated our privacy notice"
    assert render_email(context(plain, changes_url=None, changes=())).subject == "Example Co: our privacy notice"


def test_no_notice_period_sentence_unless_material_and_announced_in_advance():
    assert context(version(material=False, findings=())).notice_days is None
    assert context(version(announced=None)).notice_days is None
    assert context(version(announced=date(2026, 12, 21), last_updated=date(2026, 11, 16))).notice_days is None
    one = version(effective=date(2026, 11, 17))
    assert "at least 1 day before" in render_email(context(one)).html
    assert "telling you" not in render_email(context(version(material=False, findings=()))).text


def test_past_tense_once_the_change_took_effect():
    rendered = render_email(context(today=date(2027, 1, 1)))
    assert "These changes took effect on 21 December 2026." in rendered.text
    assert "We have updated our privacy notice" in rendered.text


def test_first_version_has_no_changes_link():
    first = version(material=None, findings=(), change_summary=None, announced=None, effective=date(2026, 11, 16))
    rendered = render_email(context(first, changes_url=None, changes=(), findings=()))
    assert "Example Co has published its privacy notice." in rendered.text
    assert "This notice takes effect on 16 November 2026." in rendered.text
    assert "changes/" not in rendered.text + rendered.html
    assert "What changed" not in rendered.text + rendered.html


@pytest.mark.parametrize(
    ("organisation", "expected"),
    [
        ("Example Co <privacy@example.com>", ("Example Co", "privacy@example.com")),
        ("privacy@example.com", ("privacy@example.com", "privacy@example.com")),
        ("Example Co", ("Example Co", None)),
    ],
)
def test_sender(organisation, expected):
    assert sender(organisation) == expected


def parse(data: bytes) -> EmailMessage:
    message = message_from_bytes(data, policy=default)
    assert isinstance(message, EmailMessage)
    return message


def test_message_is_multipart_alternative_with_both_parts_and_no_recipient():
    rendered = render_email(context())
    data = message_bytes(build_message(rendered, organisation="Example Co <privacy@example.com>",
                                       day=date(2026, 11, 16), version=version()))
    assert b"\r\n" in data and data.count(b"\n") == data.count(b"\r\n")
    message = parse(data)
    assert message.get_content_type() == "multipart/alternative"
    assert message["From"] == "Example Co <privacy@example.com>"
    assert message["To"] is None
    assert message["Subject"] == rendered.subject
    assert message["Date"] == "Mon, 16 Nov 2026 00:00:00 +0000"
    assert message["Message-ID"].startswith("<notice-2026-11-16.")
    parts = list(message.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
    assert parts[0].get_content().replace("\r\n", "\n") == rendered.text
    assert parts[1].get_content().replace("\r\n", "\n") == rendered.html
    assert [p["MIME-Version"] for p in parts] == [None, None]


def test_message_bytes_are_reproducible():
    def build() -> bytes:
        rendered = render_email(context())
        return message_bytes(build_message(rendered, organisation="Example Co", day=date(2026, 11, 16),
                                           version=version()))

    assert build() == build()


def test_message_without_an_address_uses_an_undeliverable_placeholder():
    message = parse(message_bytes(build_message(render_email(context()), organisation="Example Co",
                                                day=date(2026, 11, 16), version=version())))
    assert message["From"] == f"Example Co <{PLACEHOLDER_SENDER}>"


def test_subject_with_line_breaks_from_a_template_stays_one_header_line(tmp_path):
    (tmp_path / "email_subject.txt").write_text("Line one\nline two\r\n", encoding="utf-8")
    rendered = render_email(context(), str(tmp_path))
    assert rendered.subject == "Line one line two"
    message = parse(message_bytes(build_message(rendered, organisation="Example Co", day=date(2026, 11, 16),
                                                version=version())))
    assert message["Subject"] == "Line one line two"
