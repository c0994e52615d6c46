"""The customer email for a released version: plain data in; subject, text, HTML and an RFC 5322 message out.

Computing what to say (``change_items``, ``EmailContext``) is separate from saying it: every sentence
lives in the overridable templates ``email_subject.txt``, ``email.txt`` and ``email.html``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, parseaddr
from typing import Any, Literal

from noticekit.config import Wording
from noticekit.diff.model import NoticeDiff
from noticekit.render.environment import environment
from noticekit.versions.version import Version

ChangeKind = Literal["added", "changed", "removed", "renamed", "intro", "title"]

PLACEHOLDER_SENDER = "privacy-notice@sender.invalid"
"""Used when ``organisation`` carries no address: ``.invalid`` (RFC 2606) can never be delivered to,
so a mail tool importing the ``.eml`` makes the sender obvious to fix instead of guessing one."""


@dataclass(frozen=True)
class ChangeItem:
    """One line of the "what changed" list, by title (the template turns it into words)."""

    kind: ChangeKind
    """``added``/``changed``/``removed`` section, ``renamed`` section (title only), ``intro``, notice ``title``."""
    title: str
    """The section's title (the new one unless removed); the notice's new title for ``title``."""
    old_title: str | None = None
    """The previous title, when it differs."""


def change_items(diff: NoticeDiff) -> tuple[ChangeItem, ...]:
    """What changed in plain terms, in the new notice's order. Moves alone are not listed: the order of
    sections does not change what the notice says."""
    items: list[ChangeItem] = []
    if diff.title_change is not None:
        items.append(ChangeItem("title", diff.title_change[1], diff.title_change[0]))
    if diff.intro_ops:
        items.append(ChangeItem("intro", ""))
    for section in diff.sections:
        old = section.old_title if section.retitled else None
        if section.status == "added":
            items.append(ChangeItem("added", section.new_title or section.id))
        elif section.status == "removed":
            items.append(ChangeItem("removed", section.old_title or section.id))
        elif section.status == "modified" or section.summary_changed:
            items.append(ChangeItem("changed", section.new_title or section.id, old))
        elif section.retitled:
            items.append(ChangeItem("renamed", section.new_title or section.id, old))
    return tuple(items)


@dataclass(frozen=True)
class Finding:
    """A material-change finding as the email shows it."""

    category: str
    section: str
    """The section's title when known, else its id."""
    message: str


def findings_of(version: Version, section_titles: Mapping[str, str]) -> tuple[Finding, ...]:
    """The version's findings when it is a material change; none otherwise (an overruled finding is not
    news for customers, and listing it would contradict "not material")."""
    if not version.material:
        return ()
    return tuple(
        Finding(
            category=str(f.get("category", "")),
            section=section_titles.get(str(f.get("section", "")), str(f.get("section", ""))),
            message=str(f.get("message", "")),
        )
        for f in version.findings
    )


@dataclass(frozen=True)
class EmailContext:
    """Everything the email templates may use."""

    version: Version
    organisation: str
    """The sender's name as shown in the text (without any address)."""
    wording: Wording
    version_url: str
    """Absolute (or, without a site URL, site-relative) URL of the version's page."""
    changes_url: str | None
    """URL of the version's changes page; None for the first version."""
    changes: tuple[ChangeItem, ...]
    findings: tuple[Finding, ...]
    today: date
    lang: str = "en"

    @property
    def first(self) -> bool:
        return self.changes_url is None

    @property
    def notice_days(self) -> int | None:
        """Days between announcement and effect, for a material change announced in advance."""
        if not self.version.material or self.version.announced is None:
            return None
        days = (self.version.effective - self.version.announced).days
        return days if days > 0 else None

    @property
    def upcoming(self) -> bool:
        """Whether the version has yet to take effect on ``today`` (sentences say "take effect")."""
        return self.version.effective >= self.today

    def variables(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "organisation": self.organisation,
            "wording": self.wording,
            "version_url": self.version_url,
            "changes_url": self.changes_url,
            "changes": self.changes,
            "findings": self.findings,
            "first": self.first,
            "material": bool(self.version.material),
            "notice_days": self.notice_days,
            "upcoming": self.upcoming,
            "lang": self.lang,
        }


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    """One line (whitespace from the template is collapsed, so it is a safe header value)."""
    text: str
    html: str


def render_email(context: EmailContext, templates_dir: str | None = None) -> RenderedEmail:
    env = environment(templates_dir)
    variables = context.variables()
    subject = " ".join(env.get_template("email_subject.txt").render(variables).split())
    variables["subject"] = subject
    text = env.get_template("email.txt").render(variables)
    html = env.get_template("email.html").render(variables)
    return RenderedEmail(subject, text, html)


def sender(organisation: str) -> tuple[str, str | None]:
    """Split ``Example Co <privacy@example.com>`` into name and address; a bare name has no address."""
    name, address = parseaddr(organisation)
    if "@" not in address:
        return organisation.strip(), None
    return (name or address), address


def build_message(email: RenderedEmail, *, organisation: str, day: date, version: Version) -> EmailMessage:
    """A complete multipart/alternative message (text first, HTML preferred), without recipients.

    ``Date`` is ``day`` at midnight UTC and ``Message-ID`` and the MIME boundary derive from the content,
    so the same version always gives the same bytes.
    """
    name, address = sender(organisation)
    username, domain = (address or PLACEHOLDER_SENDER).rsplit("@", 1)
    message = EmailMessage(policy=SMTP)
    message["From"] = Address(display_name=name, username=username, domain=domain)
    message["Subject"] = email.subject
    message["Date"] = format_datetime(datetime(day.year, day.month, day.day, tzinfo=UTC))
    digest = hashlib.sha256("\0".join((version.sha256, email.subject, email.text, email.html)).encode()).hexdigest()
    message["Message-ID"] = f"<notice-{version.id}.{digest[:16]}@{domain}>"
    message.set_content(_crlf_safe(email.text), subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_alternative(_crlf_safe(email.html), subtype="html", charset="utf-8", cte="quoted-printable")
    message.set_boundary(f"==noticekit-{digest[16:48]}")
    for part in message.iter_parts():
        del part["MIME-Version"]  # add_alternative copies it into the part; it belongs on the message only
    return message


def message_bytes(message: EmailMessage) -> bytes:
    """The message as RFC 5322 bytes (CRLF line ends)."""
    return message.as_bytes(policy=SMTP)


def _crlf_safe(text: str) -> str:
    """Normalise line ends; the SMTP policy writes every one as CRLF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
