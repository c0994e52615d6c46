"""English month names, for writing dates ("April 4, 2022") and reading them from prose."""

from __future__ import annotations

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

_ABBREVIATIONS = {"september": ("sep", "sept"), "may": ()}

MONTH_NUMBERS: dict[str, int] = {
    name: number
    for number, full in enumerate(MONTH_NAMES, start=1)
    for name in (full.lower(), *_ABBREVIATIONS.get(full.lower(), (full.lower()[:3],)))
}
"""Lower-case full names and common abbreviations ("jan", "sept") to month numbers."""
