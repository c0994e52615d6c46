"""The one Jinja environment: templates in one folder (overridable by name), autoescape on,
filters registered here."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import jinja2

from noticekit.months import MONTH_NAMES


def human_date(day: date | None, pattern: str = "{month} {day}, {year}") -> str:
    """``April 4, 2022`` by default; the pattern comes from ``Wording.date_format``."""
    if day is None:
        return ""
    return pattern.format(month=MONTH_NAMES[day.month - 1], day=day.day, year=day.year)


def category_label(category: str) -> str:
    """A finding's category as words: ``new_purpose`` -> ``New purpose``."""
    words = category.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


@lru_cache(maxsize=8)
def environment(override_dir: str | None = None) -> jinja2.Environment:
    """Templates from ``override_dir`` (a project's own, by the same file name) win over ours."""
    loaders: list[jinja2.BaseLoader] = []
    if override_dir and Path(override_dir).is_dir():
        loaders.append(jinja2.FileSystemLoader(override_dir))
    loaders.append(jinja2.PackageLoader("noticekit", "render/templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(["html", "xml", "j2"], default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["human_date"] = human_date
    env.filters["isodate"] = lambda d: d.isoformat() if d else ""
    env.filters["category_label"] = category_label
    return env
