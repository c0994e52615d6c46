import pytest

from noticekit.importers.ids import IdAllocator, slugify, title_slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("your-rights", "your-rights"),
        ("Your_Rights", "your-rights"),
        ("yourRights", "your-rights"),
        ("section-3.2", "section-3-2"),
        ("Données personnelles", "donnees-personnelles"),
        ("¶", ""),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("3. Your rights", "your-rights"),
        ("Section 4: Cookies", "cookies"),
        ("IV. Security", "security"),
        ("10 Contact us", "contact-us"),
        ("2022 changes", "2022-changes"),
    ],
)
def test_title_slug_drops_numbering(title: str, slug: str) -> None:
    assert title_slug(title) == slug


def test_allocator_prefers_anchors_and_keeps_ids_unique_and_unreserved() -> None:
    ids = IdAllocator()
    assert ids.allocate(["", "Who_We_Are"], "1. Who we are") == "who-we-are"
    assert ids.allocate([], "Who we are") == "who-we-are-2"
    assert ids.allocate(["contents"], "Contents of this policy") == "contents-2"
    assert ids.allocate(["top"], "Top") == "top-2"
    assert ids.renamed == [("who-we-are", "who-we-are-2"), ("contents", "contents-2"), ("top", "top-2")]
