"""Typed front-matter fields, validated like configuration: known keys only, typed, dates normalised once.

Each notice-level and section-level key is declared once here; the loader reads them through
``read_fields`` which reports every problem (unknown key with a "did you mean" hint, wrong type,
impossible date, missing required key) with the line it was written on.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml

from noticekit.load.frontmatter import RawValue
from noticekit.model import Problem

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class FieldError(ValueError):
    """A value that does not fit its field; the message is shown to the editor."""


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    """``text``, ``date``, ``bool``, ``slug`` or a choice written ``choice:a|b``."""
    required: bool = False
    doc: str = ""

    def convert(self, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            raise FieldError(f"'{self.name}' must be a single value, not a list or mapping")
        raw = str(node.value).strip()
        if self.kind == "text":
            if not raw:
                raise FieldError(f"'{self.name}' is empty")
            return " ".join(raw.split()) if self.name in ("title", "id") else raw
        if self.kind == "date":
            return parse_date(raw, self.name)
        if self.kind == "bool":
            lowered = raw.lower()
            if lowered in ("true", "yes"):
                return True
            if lowered in ("false", "no"):
                return False
            raise FieldError(f"'{self.name}' must be true or false, not '{raw}'")
        if self.kind == "slug":
            if not SLUG.match(raw):
                raise FieldError(
                    f"'{self.name}' must be a slug of lowercase letters, digits and hyphens "
                    f"(like 'your-rights'), not '{raw}'"
                )
            return raw
        if self.kind.startswith("choice:"):
            choices = self.kind.removeprefix("choice:").split("|")
            if raw not in choices:
                raise FieldError(f"'{self.name}' must be one of {', '.join(choices)}, not '{raw}'")
            return raw
        raise AssertionError(f"unknown field kind {self.kind}")


def parse_date(raw: str, name: str) -> date:
    if not ISO_DATE.match(raw):
        raise FieldError(f"'{name}' must be a date written YYYY-MM-DD, not '{raw}'")
    try:
        return date.fromisoformat(raw)
    except ValueError as exc:
        raise FieldError(f"'{name}' is not a real date: {raw} ({exc})") from None


NOTICE_FIELDS = (
    Field("title", "text", required=True, doc="The notice's title, shown as the page heading."),
    Field("last_updated", "date", required=True, doc="When the text last changed; also the version id."),
    Field("effective", "date", doc="When this text takes force; defaults to last_updated, never earlier."),
    Field("announced", "date", doc="When customers were told; required for a material change."),
    Field("material", "bool", doc="The editor's decision on whether this update is material."),
    Field("material_reason", "text", doc="Why; required to overrule detected material changes."),
    Field("change_summary", "text", doc="A plain-words summary of this update for readers and emails."),
)

SECTION_FIELDS = (
    Field("id", "slug", required=True, doc="Stable anchor of the section, kept when the title changes."),
    Field("title", "text", required=True, doc="The section heading."),
    Field("summary", "text", required=True, doc="One paragraph shown in the contents table."),
    Field("sensitivity", "choice:normal|high", doc="'high' makes any substantive change material."),
)


def read_fields(
    values: dict[str, RawValue], fields: tuple[Field, ...], file: str
) -> tuple[dict[str, Any], dict[str, int], list[Problem]]:
    """Convert raw front-matter values; returns (values, line of each key, problems)."""
    known = {f.name: f for f in fields}
    result: dict[str, Any] = {}
    lines: dict[str, int] = {}
    problems: list[Problem] = []
    for key, raw in values.items():
        field = known.get(key)
        if field is None:
            hint = difflib.get_close_matches(key, known, n=1)
            suggestion = f"; did you mean '{hint[0]}'?" if hint else f"; known keys: {', '.join(known)}"
            problems.append(Problem(file, raw.key_line, f"unknown key '{key}'{suggestion}"))
            continue
        try:
            result[key] = field.convert(raw.node)
            lines[key] = raw.line
        except FieldError as exc:
            problems.append(Problem(file, raw.line, str(exc)))
    for field in fields:
        if field.required and field.name not in values:
            problems.append(Problem(file, 1, f"missing required key '{field.name}' in front matter"))
    return result, lines, problems
