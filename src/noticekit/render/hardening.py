"""Harden a finished HTML page: a Content-Security-Policy that forbids loading anything from other
hosts, and ``rel="noopener noreferrer"`` on links that leave the site.

A privacy notice must not itself leak its readers to third parties, so the policy is ``'self'`` for
everything. The theme (Material) has a few small inline scripts; rather than allowing every inline
script (``'unsafe-inline'``), each page lists the SHA-256 hash of each of its own inline scripts, so
an injected script would not run. Inline *styles* stay allowed: the theme sets ``style`` attributes.

Works on the page's text with patterns rather than a parser so that everything else in the page is
left byte for byte as it was (builds stay reproducible). It never imports MkDocs.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re

CSP_META_NAME = "Content-Security-Policy"

# Directives after default-src and script-src. ``frame-ancestors`` is ignored in a <meta> policy, so it is not listed.
_OTHER_DIRECTIVES = (
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

# <script> types the policy governs (classic and module scripts, import maps, speculation rules);
# a JSON data block such as Material's ``__config`` is never run, so it needs no hash.
_POLICED_TYPES = {
    "",
    "module",
    "text/javascript",
    "application/javascript",
    "application/ecmascript",
    "text/ecmascript",
    "importmap",
    "speculationrules",
}

_ATTRS = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_SCRIPT = re.compile(rf"<script\b(?P<attrs>{_ATTRS})>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_ATTRIBUTE = re.compile(r"""(?P<name>[^\s"'>/=]+)(?:\s*=\s*(?P<value>"[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
# Regions whose text is not markup: an ``<a`` inside them is not a link.
_OPAQUE = r"<!--.*?-->|<script\b.*?</script\s*>|<style\b.*?</style\s*>|<textarea\b.*?</textarea\s*>"
_LINK_OR_OPAQUE = re.compile(rf"(?P<opaque>{_OPAQUE})|(?P<link><a\b{_ATTRS}>)", re.IGNORECASE | re.DOTALL)
_HEAD = re.compile(rf"<head\b{_ATTRS}>", re.IGNORECASE)
_CHARSET = re.compile(rf"<meta\b(?={_ATTRS}\bcharset\s*=){_ATTRS}>", re.IGNORECASE)
_EXTERNAL = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
_EXTERNAL_REL = ("noopener", "noreferrer")


def harden_page(page_html: str, *, with_policy: bool = True) -> str:
    """The page with a CSP ``<meta>`` early in ``<head>`` and safe ``rel`` on external links.

    ``with_policy=False`` only fixes the links: for a live preview whose server adds its own inline
    script to every response (MkDocs' live reload), which no hash computed here could allow.
    A fragment without ``<head>`` gets only the link change. Applying it twice changes nothing more.
    """
    page_html = _LINK_OR_OPAQUE.sub(_harden_link, page_html)
    if not with_policy:
        return page_html
    return _insert_policy(page_html, content_security_policy(page_html))


def content_security_policy(page_html: str) -> str:
    """The policy for a page: ``'self'`` only, plus the hash of each inline script of the page."""
    hashes = sorted({f"'sha256-{_digest(body)}'" for body in inline_scripts(page_html)})
    directives = [("default-src", "'self'"), ("script-src", " ".join(["'self'", *hashes])), *_OTHER_DIRECTIVES]
    return "; ".join(f"{name} {value}" for name, value in directives)


def inline_scripts(page_html: str) -> list[str]:
    """The text of every inline ``<script>`` (no ``src``) the policy governs, exactly as the browser hashes it."""
    found = []
    for match in _SCRIPT.finditer(page_html):
        attributes = _attributes(match["attrs"])
        if "src" in attributes:
            continue
        if attributes.get("type", "").strip().lower() not in _POLICED_TYPES:
            continue
        found.append(match["body"])
    return found


def is_external(href: str) -> bool:
    """Whether a link leaves the site: an absolute ``http(s)`` or protocol-relative URL."""
    return bool(_EXTERNAL.match(html.unescape(href)))


def _digest(script: str) -> str:
    # The HTML parser turns CR LF and lone CR into LF before the browser hashes a script's text.
    text = script.replace("\r\n", "\n").replace("\r", "\n")
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _attributes(text: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        raw = match["value"] or ""
        if raw[:1] in ("'", '"'):
            raw = raw[1:-1]
        values.setdefault(match["name"].lower(), html.unescape(raw))
    return values


def _attribute_value(text: str) -> str:
    """Escaped for a double-quoted attribute (single quotes stay readable: the policy is full of them)."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def _harden_link(match: re.Match[str]) -> str:
    tag = match.group(0)
    if match["opaque"] is not None:
        return tag
    attributes = _attributes(tag[2:-1])
    if not is_external(attributes.get("href", "")):
        return tag
    tokens = attributes.get("rel", "").split()
    missing = [token for token in _EXTERNAL_REL if token not in {t.lower() for t in tokens}]
    if not missing:
        return tag
    rel = _attribute_value(" ".join([*tokens, *missing]))
    if "rel" not in attributes:
        closing = "/>" if tag.endswith("/>") else ">"
        return f'{tag[: -len(closing)].rstrip()} rel="{rel}"{closing}'
    for attribute in _ATTRIBUTE.finditer(tag, 2):
        if attribute["name"].lower() == "rel":
            start, end = attribute.span()
            return f'{tag[:start]}rel="{rel}"{tag[end:]}'
    return tag  # pragma: no cover - "rel" was found above


def _insert_policy(page_html: str, policy: str) -> str:
    meta = f'<meta http-equiv="{CSP_META_NAME}" content="{_attribute_value(policy)}">'
    if meta in page_html:
        return page_html
    # A policy only governs what comes after it: right after <meta charset> (which must stay first),
    # else right after <head>.
    head = _HEAD.search(page_html)
    if head is None:
        return page_html
    charset = _CHARSET.search(page_html, head.end())
    anchor = charset if charset is not None and _before_first_load(page_html, head.end(), charset.start()) else head
    at = anchor.end()
    return f"{page_html[:at]}\n{meta}{page_html[at:]}"


def _before_first_load(page_html: str, start: int, position: int) -> bool:
    """Whether nothing that loads or runs anything comes between ``start`` and ``position``."""
    return re.search(r"<(?:script|link|style|base)\b", page_html[start:position], re.IGNORECASE) is None
