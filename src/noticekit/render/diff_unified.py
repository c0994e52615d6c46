"""Unified diff of the Markdown sources, file by file (what a reviewer of the raw files expects).

Files are paired by section id, so a renumbered file (``03-sharing.md`` -> ``04-sharing.md``) is
one diff with both names, like git's rename. Labels carry the version id:
``a/2024-01-01/sections/03-sharing.md`` and ``b/2024-06-01/sections/04-sharing.md``; an added file
is diffed against ``/dev/null``. The texts are the sources as written (front matter included) when
the notices were loaded from disk.
"""

from __future__ import annotations

import difflib
import re

from noticekit.diff.model import FileDiff, NoticeDiff


def render_unified(diff: NoticeDiff, *, context: int = 3) -> str:
    """All changed files as one unified diff (empty string when nothing changed)."""
    return "".join(_file(diff, f, context) for f in diff.files)


def _file(diff: NoticeDiff, f: FileDiff, context: int) -> str:
    old_label = f"a/{diff.old_id}/{f.old_path}" if f.old_path else "/dev/null"
    new_label = f"b/{diff.new_id}/{f.new_path}" if f.new_path else "/dev/null"
    lines = list(
        difflib.unified_diff(_lines(f.old_text), _lines(f.new_text), fromfile=old_label, tofile=new_label, n=context)
    )
    return "".join(lines)


def _lines(text: str) -> list[str]:
    # Only "\n" ends a line in a Markdown source; str.splitlines would also cut at U+2028 and friends.
    lines = re.findall(r"[^\n]*\n|[^\n]+$", text)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n\\ No newline at end of file\n"
    return lines
