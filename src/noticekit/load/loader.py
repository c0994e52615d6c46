"""Load a notice folder (the working copy or a released version) into a validated ``Notice``.

Every problem in every file is collected before anything is reported, so an editor fixes them all
in one pass instead of one per build.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from noticekit.errors import ValidationError
from noticekit.load.body_checks import check_body
from noticekit.load.fields import NOTICE_FIELDS, SECTION_FIELDS, read_fields
from noticekit.load.frontmatter import split_front_matter
from noticekit.model import Notice, NoticeMeta, Problem, Section

SECTION_FILE = re.compile(r"^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")


def load_notice(folder: Path, *, display: str | None = None) -> Notice:
    """Load and validate ``folder``; raise ``ValidationError`` with every problem found."""
    notice, problems = read_notice(folder, display=display)
    errors = [p for p in problems if p.severity == "error"]
    if errors or notice is None:
        raise ValidationError(errors or problems)
    return notice


def read_notice(folder: Path, *, display: str | None = None) -> tuple[Notice | None, list[Problem]]:
    """Load ``folder`` and return the notice (None when unusable) with all problems, errors and warnings."""
    shown = display if display is not None else str(folder)
    problems: list[Problem] = []
    if not folder.is_dir():
        return None, [Problem(shown, 0, f"notice folder not found (looked for {folder.resolve()})")]
    files = _read_files(folder)

    index_name = "index.md"
    index_text = _decode(files.get(index_name), f"{shown}/{index_name}", problems)
    meta = None
    intro, intro_line = "", 1
    if index_name not in files:
        problems.append(Problem(f"{shown}/{index_name}", 1, "missing index.md (title, dates and introduction)"))
    elif index_text is not None:
        meta, intro, intro_line = _read_index(index_text, f"{shown}/{index_name}", problems)

    sections: list[Section] = []
    section_paths = sorted(p for p in files if p.startswith("sections/") and p.endswith(".md"))
    if not section_paths:
        problems.append(Problem(f"{shown}/sections", 0, "no sections: add files named sections/NN-<id>.md"))
    seen: dict[str, str] = {}
    for rel in section_paths:
        file = f"{shown}/{rel}"
        text = _decode(files[rel], file, problems)
        if text is None:
            continue
        section = _read_section(rel, text, file, problems)
        if section is None:
            continue
        if section.id in seen:
            problems.append(Problem(file, 1, f"duplicate section id '{section.id}' (also used by {seen[section.id]})"))
            continue
        seen[section.id] = file
        sections.append(section)

    if meta is None:
        return None, problems
    # With errors the notice is partial (sections that failed are left out): good enough for the
    # page-level checks to report their problems too, never for publishing (load_notice refuses it).
    return Notice(meta, intro, tuple(sections), files, folder, intro_line), problems


def _read_files(folder: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and not any(part.startswith(".") for part in rel.split("/")):
            files[rel] = path.read_bytes()
    return files


def _decode(data: bytes | None, file: str, problems: list[Problem]) -> str | None:
    if data is None:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(Problem(file, line, f"file is not UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8"))
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def _read_index(text: str, file: str, problems: list[Problem]) -> tuple[NoticeMeta | None, str, int]:
    front, found = split_front_matter(text, file)
    problems.extend(found)
    if front is None:
        return None, "", 1
    values, lines, found = read_fields(front.values, NOTICE_FIELDS, file)
    problems.extend(found)
    problems.extend(check_body(front.body, file, front.body_line, allow_h2=True))
    if "last_updated" not in values or "title" not in values:
        # Already reported. Carry on with placeholders so the page-level checks (anchors, ids) still
        # run and the editor sees every problem in one pass; such a notice is never published.
        values.setdefault("title", "")
        values.setdefault("last_updated", date.min)
    last_updated = values["last_updated"]
    effective = values.get("effective", last_updated)
    if effective < last_updated:
        problems.append(
            Problem(
                file,
                lines.get("effective", 1),
                f"'effective' ({effective}) is before 'last_updated' ({last_updated}); "
                "a text cannot take effect before it was written",
            )
        )
    announced = values.get("announced")
    if announced is not None and announced > effective:
        problems.append(
            Problem(file, lines["announced"], f"'announced' ({announced}) is after 'effective' ({effective})")
        )
    if values.get("material") is False and "material_reason" not in values:
        pass  # Only required when findings exist; the material-change rules decide that.
    meta = NoticeMeta(
        title=values["title"],
        last_updated=last_updated,
        effective=effective,
        announced=announced,
        material=values.get("material"),
        material_reason=values.get("material_reason"),
        change_summary=values.get("change_summary"),
    )
    return meta, front.body, front.body_line


def _read_section(rel: str, text: str, file: str, problems: list[Problem]) -> Section | None:
    name = rel.removeprefix("sections/")
    match = SECTION_FILE.match(name)
    if "/" in name or not match:
        problems.append(
            Problem(file, 1, "section files must be named sections/NN-<id>.md, e.g. sections/03-your-rights.md")
        )
        return None
    front, found = split_front_matter(text, file)
    problems.extend(found)
    if front is None:
        return None
    values, lines, found = read_fields(front.values, SECTION_FIELDS, file)
    problems.extend(found)
    if "id" in values and values["id"] != match.group(2):
        problems.append(
            Problem(
                file,
                lines["id"],
                f"section id '{values['id']}' does not match the file name (expected '{match.group(2)}'); "
                "rename the file or fix the id",
            )
        )
    if not front.body.strip():
        problems.append(
            Problem(file, front.body_line, "empty section: write the section's text below the front matter")
        )
    problems.extend(check_body(front.body, file, front.body_line))
    if not {"id", "title", "summary"} <= values.keys():
        return None
    return Section(
        id=values["id"],
        title=values["title"],
        summary=values["summary"],
        body=front.body,
        path=rel,
        body_line=front.body_line,
        sensitivity=values.get("sensitivity", "normal"),
    )
