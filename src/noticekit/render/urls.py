"""The site's URL layout, in one place: every page, feed and email links through these.

Pages are addressed by directory URLs relative to the site root (MkDocs' ``use_directory_urls``):
the root is ``""``, a version ``versions/<id>/``, its redline ``versions/<id>/changes/``.
"""

from __future__ import annotations

import posixpath


def version_url(version_id: str) -> str:
    return f"versions/{version_id}/"


def changes_url(version_id: str) -> str:
    return f"versions/{version_id}/changes/"


def url_of(src: str) -> str:
    """``versions/x/index.md`` -> ``versions/x/``; ``index.md`` -> ``""`` (the site root)."""
    folder = posixpath.dirname(src)
    return f"{folder}/" if folder else ""


def relative(from_url: str, to_url: str) -> str:
    """A relative link between two directory URLs (fragment allowed on ``to_url``)."""
    target, _, fragment = to_url.partition("#")
    rel = posixpath.relpath(target or ".", from_url or ".")
    rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{fragment}" if fragment else "")


def absolute_url(site_url: str | None, path: str) -> str:
    """``path`` (relative to the site root) under ``site_url``; the path itself without one."""
    if not site_url:
        return path or "./"
    return site_url.rstrip("/") + "/" + path
