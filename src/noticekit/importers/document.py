"""``notice import FILE``: turn one published notice (an HTML page or a Markdown document) into ``notice/``."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from noticekit.errors import ImportFailed
from noticekit.importers.detect import Format, decode, detect_format
from noticekit.importers.draft import Draft, finish
from noticekit.importers.html import convert_html
from noticekit.importers.markdown_doc import convert_markdown
from noticekit.importers.writer import is_empty_folder, notice_files, replace_folder, write_folder
from noticekit.load.loader import read_notice
from noticekit.model import Problem
from noticekit.project import Project
from noticekit.render.notice_page import check_page, render_notice
from noticekit.versions.status import as_of_date


@dataclass(frozen=True)
class ImportResult:
    """What ``import_document`` wrote."""

    folder: Path
    """The working copy written (``notice/``)."""
    sections: int
    warnings: list[str] = field(default_factory=list)
    """Everything the editor should look at: placeholders, dropped links, guessed dates."""
    format: Format = "html"
    title: str = ""
    last_updated: date | None = None


def convert(data: bytes, source: str) -> tuple[Draft, Format]:
    """The draft of a document, whatever its format (told by its content)."""
    kind = detect_format(data)
    if kind == "html":
        return convert_html(data, source), kind
    text, warning = decode(data)
    draft = convert_markdown(text, source)
    if warning:
        draft = replace(draft, warnings=(*draft.warnings, warning))
    return draft, kind


def folder_problems(folder: Path, display: str, project: Project) -> list[Problem]:
    """Every problem ``notice check`` would find in a notice folder: the loader's and the page's anchors."""
    notice, problems = read_notice(folder, display=display)
    if notice is not None:
        problems = problems + check_page(notice, render_notice(notice, project.settings.wording), display)
    return problems


def import_document(file: Path, project_root: Path, *, force: bool = False, today: date | None = None) -> ImportResult:
    """Write ``notice/`` from ``file``; raise ``ImportFailed`` when it cannot, or when the result is invalid."""
    project = Project.load(project_root)
    target = project.notice_dir
    shown = project.settings.notice_dir
    if not force and not is_empty_folder(target):
        refusal = ImportFailed(f"{shown}/ already holds a notice; importing would replace it")
        refusal.hint = "add --force to replace it (released versions in versions/ are never touched)"
        raise refusal
    try:
        data = Path(file).read_bytes()
    except OSError as exc:
        raise ImportFailed(f"cannot read {file}: {exc.strerror or exc}") from None
    if not data.strip():
        raise ImportFailed(f"{file} is empty")
    draft, kind = convert(data, str(file))
    day = today or as_of_date()
    draft, warnings = finish(draft, day, "used today's date")
    files = notice_files(draft)

    staging = target.with_name(f".{target.name}.import-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        write_folder(staging, files)
        problems = folder_problems(staging, shown, project)
        replace_folder(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    warnings += [p.message for p in problems if p.severity == "warning"]
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        invalid = ImportFailed(
            f"{file} was imported into {shown}/, but the result is not a valid notice yet:\n"
            + "\n".join(str(p) for p in errors)
        )
        invalid.hint = f"fix these in {shown}/ and run 'notice check'"
        raise invalid
    return ImportResult(target, len(draft.sections), warnings, kind, draft.title, draft.last_updated)
