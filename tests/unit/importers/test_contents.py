import pytest

from noticekit.importers.contents import clean_summary, is_back_link, is_contents_heading


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Back to top", "top"),
        ("↑ Top", "page"),
        ("Jump back up to the summary", "contents"),  # Noticekit's own wording
        ("Return to contents", "toc"),
        ("↩", "fnref-1"),
        ("top", "x"),
    ],
)
def test_back_links(text: str, target: str) -> None:
    assert is_back_link(text, target)


@pytest.mark.parametrize(("text", "target"), [("Your rights", "rights"), ("the summary of fees", "fees")])
def test_ordinary_links_are_not_back_links(text: str, target: str) -> None:
    assert not is_back_link(text, target)


def test_contents_headings_and_summaries() -> None:
    assert is_contents_heading("Table of contents")
    assert is_contents_heading("In this notice:")
    assert not is_contents_heading("Your choices")
    assert clean_summary(" – who we are. ") == "Who we are."
    assert clean_summary(" | 3 | ") is None
