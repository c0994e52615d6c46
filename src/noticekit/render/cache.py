"""Memoise renders of immutable inputs.

A released version never changes, so its page and its diff against another version are functions
of the versions' SHA-256 fingerprints and the page context; rendering them once per build (and not
once per page that needs them) keeps builds linear in the number of versions.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")


class RenderCache:
    def __init__(self) -> None:
        self._store: dict[tuple[str, Hashable], object] = {}
        self.hits = 0
        self.misses = 0

    def _get(self, kind: str, key: Hashable, make: Callable[[], T]) -> T:
        full = (kind, key)
        if full in self._store:
            self.hits += 1
            return self._store[full]  # type: ignore[return-value]
        self.misses += 1
        value = make()
        self._store[full] = value
        return value

    def notice(self, key: Hashable, make: Callable[[], T]) -> T:
        return self._get("notice", key, make)

    def changes(self, key: Hashable, make: Callable[[], T]) -> T:
        return self._get("changes", key, make)
