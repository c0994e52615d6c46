"""Which version is current, upcoming or archived on a given day, and when each was in effect."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal

from noticekit.errors import NoticeError
from noticekit.versions.version import Version

Status = Literal["current", "upcoming", "archived"]


def as_of_date(environ: Mapping[str, str] | None = None) -> date:
    """The build's "today": ``NOTICE_AS_OF``, else ``SOURCE_DATE_EPOCH``, else the real date (UTC)."""
    env = os.environ if environ is None else environ
    if env.get("NOTICE_AS_OF"):
        try:
            return date.fromisoformat(env["NOTICE_AS_OF"])
        except ValueError:
            raise NoticeError(f"NOTICE_AS_OF must be a date written YYYY-MM-DD, not {env['NOTICE_AS_OF']!r}") from None
    if env.get("SOURCE_DATE_EPOCH"):
        try:
            return datetime.fromtimestamp(int(env["SOURCE_DATE_EPOCH"]), UTC).date()
        except (ValueError, OverflowError):
            raise NoticeError(f"SOURCE_DATE_EPOCH must be whole seconds, not {env['SOURCE_DATE_EPOCH']!r}") from None
    return datetime.now(UTC).date()


@dataclass(frozen=True)
class Timeline:
    """Statuses of all versions on one day, and each version's period in effect."""

    as_of: date
    versions: tuple[Version, ...]
    """Oldest first."""
    status: Mapping[str, Status]
    until: Mapping[str, date | None]
    """The day the next version took (or takes) effect; None while nothing replaces it."""
    current: Version | None

    @property
    def upcoming(self) -> list[Version]:
        return [v for v in self.versions if self.status[v.id] == "upcoming"]

    def previous(self, version_id: str) -> Version | None:
        ids = [v.id for v in self.versions]
        index = ids.index(version_id)
        return self.versions[index - 1] if index > 0 else None

    def next(self, version_id: str) -> Version | None:
        ids = [v.id for v in self.versions]
        index = ids.index(version_id)
        return self.versions[index + 1] if index + 1 < len(ids) else None

    def never_in_effect(self, version_id: str) -> bool:
        version = next(v for v in self.versions if v.id == version_id)
        end = self.until[version_id]
        return end is not None and end <= version.effective


def timeline(versions: Sequence[Version], as_of: date) -> Timeline:
    ordered = tuple(sorted(versions, key=lambda v: v.id))
    in_force = [v for v in ordered if v.effective <= as_of]
    current = in_force[-1] if in_force else None
    status: dict[str, Status] = {}
    for v in ordered:
        if v.effective > as_of:
            status[v.id] = "upcoming"
        elif v is current:
            status[v.id] = "current"
        else:
            status[v.id] = "archived"
    until: dict[str, date | None] = {}
    for i, v in enumerate(ordered):
        later = [w.effective for w in ordered[i + 1 :]]
        until[v.id] = min(later) if later else None
    return Timeline(as_of, ordered, status, until, current)


def in_effect_on(versions: Sequence[Version], day: date) -> Version | None:
    """The version in effect on ``day`` (None before the first one took effect)."""
    return timeline(versions, day).current
