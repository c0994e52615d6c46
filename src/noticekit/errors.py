"""The exceptions Noticekit raises. Each class says who raises it.

Every error is meant to be shown to a person: the CLI prints ``error: <message>`` and exits non-zero,
the MkDocs hooks turn it into a build failure. None of them should ever surface as a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable

from noticekit.model import Problem


class NoticeError(Exception):
    """Base class: anything that stops a Noticekit command with a message for the user."""

    hint: str | None = None
    """What to do next, printed after the message when set."""


class ValidationError(NoticeError):
    """Raised by the loader and validators with *every* problem found, never just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ReleaseRefused(NoticeError):
    """Raised by ``versions.archive.release`` when a release would be wrong; nothing was written."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class IntegrityError(NoticeError):
    """Raised when a released version no longer matches its manifest (or its manifest is unreadable)."""


class VersionNotFound(NoticeError):
    """Raised when a version id (or ``current``/``working``) names nothing that exists."""


class GitError(NoticeError):
    """Raised by ``versions.git`` when a git operation fails; carries git's own message."""


class ConfigError(NoticeError):
    """Raised when ``noticekit.yml`` is invalid."""


class ImportFailed(NoticeError):
    """Raised by the importers when a source document cannot be turned into a notice."""
