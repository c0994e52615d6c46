"""Project settings from ``noticekit.yml``: folders, generated wording, and material-change rules.

Everything an organisation may want to adjust lives in this one validated file, with English defaults
that work without it. Unknown keys are errors with a "did you mean" hint, as in front matter.
"""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from noticekit.errors import ValidationError
from noticekit.model import Problem

CONFIG_FILE = "noticekit.yml"


@dataclass(frozen=True)
class Wording:
    """Every sentence the build generates around the editor's text. ``{…}`` are placeholders."""

    contents_heading: str = "Contents of this notice"
    contents_section_column: str = "Section"
    contents_summary_column: str = "What you will find there"
    back_to_contents: str = "Jump back up to the summary"
    last_updated: str = "Last updated on {date}"
    effective: str = "Effective {date}"
    prior_version: str = "view the prior version"
    draft_banner: str = "DRAFT: this preview shows unreleased changes to the notice. It is not the published notice."
    archived_banner: str = "This is an archived version of this notice, in effect from {start} to {end}."
    archived_never_banner: str = "This version was superseded before it took effect."
    read_current: str = "Read the current notice"
    upcoming_banner: str = "This version of the notice takes effect on {date}."
    upcoming_on_current: str = "An updated version of this notice takes effect on {date}."
    read_upcoming: str = "Read the new version"
    see_changes: str = "See what changes"
    versions_heading: str = "All versions of this notice"
    changes_heading: str = "Changes in the version of {date}"
    material_label: str = "Material change"
    draft_label: str = "Draft"
    archived_label: str = "Archived version"
    upcoming_label: str = "Upcoming version"
    change_coming_label: str = "Upcoming change"
    previous_version: str = "Previous version"
    next_version: str = "Next version"
    all_versions: str = "All versions"
    changes_link: str = "What changed in this version"
    date_format: str = "{month} {day}, {year}"
    """How dates read in prose; ``{month}`` is the English month name."""


@dataclass(frozen=True)
class Settings:
    notice_dir: str = "notice"
    versions_dir: str = "versions"
    organisation: str = ""
    """Who publishes the notice; used in feeds and emails (defaults to the notice title)."""
    site_url: str = ""
    """Absolute URL of the published site, for feeds and emails (the MkDocs ``site_url`` wins)."""
    wording: Wording = field(default_factory=Wording)
    templates_dir: str = "templates"
    """Project templates that override Noticekit's own by file name (e.g. ``email.txt``)."""
    material: dict[str, Any] = field(default_factory=dict)
    """Raw ``material:`` mapping, validated by ``noticekit.classify.MaterialConfig.from_mapping``."""


def load_settings(root: Path) -> Settings:
    """Read ``noticekit.yml`` in ``root`` (optional); raise ``ValidationError`` naming every bad key."""
    path = root / CONFIG_FILE
    if not path.exists():
        return Settings()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise ValidationError([Problem(CONFIG_FILE, line, f"cannot read settings: {exc}")]) from None
    if not isinstance(data, dict):
        raise ValidationError([Problem(CONFIG_FILE, 1, "settings must be a mapping of 'key: value' lines")])
    lines = _key_lines(path.read_text(encoding="utf-8"))
    problems: list[Problem] = []
    top = {f.name for f in dataclasses.fields(Settings)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in top:
            problems.append(_unknown(key, top, lines.get(key, 1)))
        elif key == "wording":
            values[key] = _read_wording(value, lines, problems)
        elif key == "material":
            if not isinstance(value, dict):
                problems.append(Problem(CONFIG_FILE, lines.get(key, 1), "'material' must be a mapping"))
            else:
                values[key] = value
        elif not isinstance(value, str):
            problems.append(Problem(CONFIG_FILE, lines.get(key, 1), f"'{key}' must be text"))
        else:
            values[key] = value
    if problems:
        raise ValidationError(problems)
    return Settings(**values)


def _read_wording(value: object, lines: dict[str, int], problems: list[Problem]) -> Wording:
    if not isinstance(value, dict):
        problems.append(Problem(CONFIG_FILE, lines.get("wording", 1), "'wording' must be a mapping"))
        return Wording()
    known = {f.name for f in dataclasses.fields(Wording)}
    good: dict[str, str] = {}
    for key, text in value.items():
        if key not in known:
            problems.append(_unknown(key, known, lines.get(key, 1)))
        elif not isinstance(text, str) or not text.strip():
            problems.append(Problem(CONFIG_FILE, lines.get(key, 1), f"wording '{key}' must be non-empty text"))
        else:
            good[key] = text
    return Wording(**good)


def _unknown(key: str, known: set[str], line: int) -> Problem:
    hint = difflib.get_close_matches(str(key), known, n=1)
    suggestion = f"; did you mean '{hint[0]}'?" if hint else ""
    return Problem(CONFIG_FILE, line, f"unknown setting '{key}'{suggestion}")


def _key_lines(text: str) -> dict[str, int]:
    """First line on which each key appears (nested keys included), for messages."""
    found: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if ":" in stripped and not stripped.startswith("#"):
            found.setdefault(stripped.split(":", 1)[0].strip(), number)
    return found
