"""Section ids for imported sections: valid slugs, unique on the page, never a reserved anchor.

A section keeps the anchor the published page already used (so links people shared keep working)
when it can be written as a slug; otherwise its id is a slug of its title without the numbering.
"""

from __future__ import annotations

import re
import unicodedata

from noticekit.render.notice_page import RESERVED_IDS

MAX_SLUG = 60
NUMBERING = re.compile(r"^\s*(?:(?:section|part|article|chapter)\s+)?(?:\d+(?:\.\d+)*|[ivxlc]+|[a-z])[.):]\s+", re.I)
NUMBER_ONLY = re.compile(r"^\s*(?:(?:section|part|article|chapter)\s+)?\d{1,2}(?:\.\d+)*\s+", re.I)


def slugify(text: str) -> str:
    """``"Your Rights & Choices"`` -> ``"your-rights-choices"``; empty when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", ascii_text)  # camelCase anchors
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug


def title_slug(title: str) -> str:
    """A slug of a section title without its numbering: ``"3. Your rights"`` -> ``"your-rights"``."""
    stripped = NUMBERING.sub("", title, count=1)
    stripped = NUMBER_ONLY.sub("", stripped, count=1)
    return slugify(stripped) or slugify(title)


class IdAllocator:
    """Hands out unique section ids in page order; remembers why one had to differ from its wish."""

    def __init__(self) -> None:
        self.used: set[str] = set(RESERVED_IDS)
        self.renamed: list[tuple[str, str]] = []

    def allocate(self, anchors: list[str], title: str) -> str:
        """The first of the page's ``anchors`` that slugifies cleanly, else a slug of ``title``."""
        wish = next((s for a in anchors if (s := slugify(a))), "") or title_slug(title) or "section"
        chosen, n = wish, 2
        while chosen in self.used:
            chosen = f"{wish}-{n}"
            n += 1
        if chosen != wish:
            self.renamed.append((wish, chosen))
        self.used.add(chosen)
        return chosen
