"""Findings: why the classifier considers an update material, one reason per finding.

A finding is stored in the version manifest (``to_json``/``from_json``) and shown to the editor, so
it names the rule, the category of material change, the section, a plain-English reason and the
before/after excerpts it was based on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

CATEGORIES: tuple[str, ...] = (
    "new_purpose",
    "new_data_category",
    "new_recipients",
    "longer_retention",
    "rights_reduced",
    "transfer_mechanism",
    "controller_identity",
    "children",
    "negation_removed",
    "section_removed",
    "sensitive_section",
)
"""Kinds of material change, after the Colorado rule 6.04 list, LGPD and the EU WP260 guidelines."""

CATEGORY_LABELS: dict[str, str] = {
    "new_purpose": "new purpose of processing",
    "new_data_category": "new category of personal data",
    "new_recipients": "new recipients, sharing or sale",
    "longer_retention": "longer retention or slower deletion",
    "rights_reduced": "rights or choices removed or made harder",
    "transfer_mechanism": "international transfer destination or mechanism changed",
    "controller_identity": "change of controller identity",
    "children": "weaker protection of children",
    "negation_removed": "a promise not to do something was removed or weakened",
    "section_removed": "a section with substantive text was removed",
    "sensitive_section": "substantive change in a high-sensitivity section",
}

EXCERPT_CHARS = 200
"""Excerpts are trimmed to about this many characters around the change."""

_FIELDS = ("rule", "category", "section", "message", "before", "after")


@dataclass(frozen=True)
class Finding:
    """One detected material change."""

    rule: str
    """Rule id, e.g. ``retention-longer``."""
    category: str
    """One of ``CATEGORIES``."""
    section: str
    """Id of the section the change is in (``intro`` for the notice's introduction)."""
    message: str
    """Plain-English reason, e.g. "Retention for support tickets goes from 2 years to 3 years"."""
    before: str = ""
    """The old sentence(s) around the change, Markdown stripped, trimmed to about 200 characters."""
    after: str = ""
    """The new sentence(s) around the change."""

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown finding category '{self.category}'; known: {', '.join(CATEGORIES)}")
        if not self.rule or not self.message:
            raise ValueError("a finding needs a rule id and a message")

    def __str__(self) -> str:
        return f"[{self.rule}] {self.section}: {self.message}"

    def to_json(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in _FIELDS}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Finding:
        """Rebuild a finding stored in a version manifest; raises ``ValueError`` if malformed."""
        if not isinstance(data, dict):
            raise ValueError(f"a finding must be a mapping, not {type(data).__name__}")
        missing = [name for name in ("rule", "category", "section", "message") if name not in data]
        if missing:
            raise ValueError(f"finding is missing {', '.join(missing)}")
        unknown = sorted(set(data) - set(_FIELDS))
        if unknown:
            raise ValueError(f"finding has unknown key(s) {', '.join(unknown)}")
        values = {name: data.get(name, "") for name in _FIELDS}
        for name, value in values.items():
            if not isinstance(value, str):
                raise ValueError(f"finding field '{name}' must be a string")
        return cls(**values)


def excerpt(text: str, other: str, limit: int = EXCERPT_CHARS) -> str:
    """Trim ``text`` to about ``limit`` characters, keeping where it starts to differ from ``other``."""
    if len(text) <= limit:
        return text
    prefix = 0
    for a, b in zip(text, other, strict=False):
        if a != b:
            break
        prefix += 1
    start = max(0, min(prefix - limit // 3, len(text) - limit))
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = start + limit
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + limit // 2 else end
    head = "…" if start else ""
    tail = "…" if end < len(text) else ""
    return f"{head}{text[start:end].strip()}{tail}"
