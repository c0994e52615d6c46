"""Static assets the site needs (served from the site itself: nothing is loaded from other hosts)."""

from __future__ import annotations

from importlib.resources import files

STYLESHEET = "assets/noticekit.css"


def stylesheet() -> str:
    return files("noticekit").joinpath("render/assets/noticekit.css").read_text(encoding="utf-8")
