"""Benchmark full site builds: Noticekit with N released versions against plain MkDocs + Material.

Run with ``python bench/build_bench.py [--sizes 10,50,100] [--runs 3]``. Prints figures and a Markdown
table; nothing is asserted (targets are reported as met or not).

What is built, for each N:

* **Noticekit**: a project using the repository's ``mkdocs.yml`` and hooks, whose notice is the size
  of a large real one (~60 KB, 12 sections of seeded prose with sub-headings, lists and tables), with
  N released versions, each a small seeded edit (~0.5 % of the words of two sections) of the one
  before. Versions are written with ``Archive.release`` and a proper ``Version`` manifest (what
  ``notice release`` writes, without running the classifier N times). The site then has the root
  page, ``/versions/``, N version pages and N-1 changes pages, plus ``versions.json``.
* **Plain**: the same ``mkdocs.yml`` without the hooks, and N*2+2 plain Markdown pages: the root,
  ``versions/``, and for each version one page with that version's text (the notice flattened to one
  ~60 KB page: ``# title``, introduction, ``## section`` + body) and one "changes" page with the same
  text. So MkDocs and Material do the same per-page work (Markdown, theme, search index, sitemap) for
  as many pages of the same size; the difference is Noticekit's own work: loading and verifying N
  versions, diffing them, rendering them, and hardening each page.

Each build runs in its own process (``python -m mkdocs build``), Noticekit's and the plain one
interleaved; wall time and CPU time (user + system, steadier when the machine is busy) are medians of
``--runs`` builds, peak memory is the largest ``ru_maxrss`` of those processes (``os.wait4``).
Targets: Noticekit/plain <= 1.3x, time(100)/time(50) <= 2.1, peak memory at N=100 <= 300 MB.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import yaml  # noqa: E402

from diff_bench import edit_words, make_notice  # noqa: E402
from noticekit.load.loader import load_notice  # noqa: E402
from noticekit.versions.archive import Archive  # noqa: E402
from noticekit.versions.version import Version, sha256  # noqa: E402

FIRST_DAY = date(2020, 1, 6)
STEP = timedelta(days=7)
AS_OF = "2026-11-29"
TITLE = "Fernleaf Privacy Notice"
LINK = re.compile(r"\]\(#[^)]*\)")


@dataclass
class Figures:
    seconds: float
    """Median wall time."""
    cpu: float
    """Median CPU time (user + system) of the build process: steadier than wall time on a busy machine."""
    peak_mb: float
    pages: int


# -- generating the projects --------------------------------------------------------------------


def notice_versions(count: int, seed: int) -> list[dict[str, str]]:
    """``count`` successive notices (path -> text): each a small seeded edit of the one before."""
    rng = random.Random(seed + 1)
    files = make_notice(seed)
    versions = []
    for n in range(count):
        day = FIRST_DAY + n * STEP
        if n:
            files = dict(files)
            for path in rng.sample([p for p in files if p.startswith("sections/")], 2):
                files[path] = edit_keeping_links(files[path], rng)
        intro = files["index.md"].split("\n---\n", 1)[1]
        files["index.md"] = f"---\ntitle: {TITLE}\nlast_updated: {day.isoformat()}\n---\n{intro}"
        versions.append(dict(files))
    return versions


def edit_keeping_links(text: str, rng: random.Random) -> str:
    """A seeded edit of ~0.5 % of the words that leaves every ``(#anchor)`` link target intact."""
    links = LINK.findall(text)
    while True:
        edited, _ = edit_words(text, rng, 0.005)
        if LINK.findall(edited) == links:
            return edited


def write_folder(folder: Path, files: dict[str, str]) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")


def noticekit_project(root: Path, versions: list[dict[str, str]]) -> Path:
    """The repository's mkdocs.yml and hooks, the versions released, the latest as the working copy."""
    root.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    archive = Archive(root / "versions")
    previous: str | None = None
    for files in versions:
        write_folder(root / "notice", files)
        notice = load_notice(root / "notice")
        day = notice.meta.last_updated
        version = Version(
            id=day.isoformat(), title=notice.meta.title, last_updated=day, effective=day, announced=None,
            files={path: sha256(data) for path, data in notice.files.items()},
            material=None if previous is None else False, baseline=previous,
        )
        archive.release(notice, version)
        previous = version.id
    return root


def flatten(files: dict[str, str]) -> str:
    """A notice as one Markdown page: title, introduction, then each section as ``##`` + body."""
    parts = [f"# {TITLE}", files["index.md"].split("\n---\n", 1)[1]]
    for path in sorted(p for p in files if p.startswith("sections/")):
        front, body = files[path].split("\n---\n", 1)
        fields = dict(line.split(": ", 1) for line in front.splitlines()[1:])
        parts += [f"## {fields['title']}", body]  # the slug of the title is the section id
    return "\n\n".join(parts) + "\n"


def plain_project(root: Path, versions: list[dict[str, str]]) -> Path:
    """The same mkdocs.yml without hooks and N*2+2 pages of the same size (see the module docstring)."""
    root.mkdir(parents=True)
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("hooks", None)
    config["docs_dir"] = "docs"
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    docs = root / "docs"
    pages = {"index.md": flatten(versions[-1])}
    rows = "\n".join(f"| [{n}](v{n}/) | 2020-01-06 | current |" for n in range(len(versions)))
    pages["versions/index.md"] = f"# All versions\n\n| Version | Date | Status |\n|---|---|---|\n{rows}\n"
    for n, files in enumerate(versions):
        text = flatten(files)
        pages[f"versions/v{n}/index.md"] = text
        pages[f"versions/v{n}/changes/index.md"] = text.replace(f"# {TITLE}", "# Changes", 1)
    write_folder(docs, pages)
    return root


# -- measuring ----------------------------------------------------------------------------------


def build_once(project: Path) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak resident MB) of one ``mkdocs build`` in a fresh process."""
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(NOTICE_AS_OF=AS_OF, NO_MKDOCS_2_WARNING="1")
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=errors,
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"build of {project} failed:\n{errors.read().decode(errors='replace')}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def measure(projects: list[Path], runs: int) -> list[Figures]:
    """Build each project ``runs`` times, interleaved so that a busy moment does not favour one of them."""
    results: list[list[tuple[float, float, float]]] = [[] for _ in projects]
    for _ in range(runs):
        for project, found in zip(projects, results, strict=True):
            found.append(build_once(project))
    return [
        Figures(
            statistics.median(r[0] for r in found),
            statistics.median(r[1] for r in found),
            max(r[2] for r in found),
            sum(1 for _ in (project / "site").rglob("index.html")),
        )
        for project, found in zip(projects, results, strict=True)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,50,100", help="numbers of released versions, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="builds per site (median time)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--keep", action="store_true", help="keep the generated projects and print where")
    args = parser.parse_args()
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})

    tmp = Path(tempfile.mkdtemp(prefix="noticekit-build-bench-"))
    try:
        all_versions = notice_versions(max(sizes), args.seed)
        size = sum(len(t.encode()) for t in all_versions[-1].values())
        print(f"notice: {size / 1024:.1f} KiB, 12 sections; as of {AS_OF}; median of {args.runs} build(s)\n")
        rows: dict[int, tuple[Figures, Figures]] = {}
        for n in sizes:
            ours = noticekit_project(tmp / f"noticekit-{n}", all_versions[:n])
            plain = plain_project(tmp / f"plain-{n}", all_versions[:n])
            if n == sizes[0]:
                build_once(plain)  # warm-up: byte-compiled caches, file system
                build_once(ours)
            mine, theirs = measure([ours, plain], args.runs)
            rows[n] = (mine, theirs)
            print(f"N={n}: noticekit {mine.seconds:.2f} s, plain {theirs.seconds:.2f} s", flush=True)
        report(rows)
        if args.keep:
            print(f"\nprojects kept in {tmp}")
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


def report(rows: dict[int, tuple[Figures, Figures]]) -> None:
    print()
    print("| versions | pages (ours / plain) | Noticekit build (wall / CPU) | plain MkDocs + Material (wall / CPU) "
          "| ratio (wall / CPU) | Noticekit peak memory | plain peak memory |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for n, (ours, plain) in rows.items():
        print(f"| {n} | {ours.pages} / {plain.pages} | {ours.seconds:.2f} s / {ours.cpu:.2f} s "
              f"| {plain.seconds:.2f} s / {plain.cpu:.2f} s "
              f"| {ours.seconds / plain.seconds:.2f}× / {ours.cpu / plain.cpu:.2f}× "
              f"| {ours.peak_mb:.0f} MB | {plain.peak_mb:.0f} MB |")
    print()
    for label, of in (("wall", lambda f: f.seconds), ("CPU", lambda f: f.cpu)):
        worst = max(of(ours) / of(plain) for ours, plain in rows.values())
        print(f"- ratio to plain MkDocs, {label} time (target ≤ 1.3×): worst {worst:.2f}× -> "
              f"{'met' if worst <= 1.3 else 'NOT met'}")
        if 50 in rows and 100 in rows:
            growth = of(rows[100][0]) / of(rows[50][0])
            print(f"- growth time(100)/time(50), {label} (target ≤ 2.1): {growth:.2f} -> "
                  f"{'met' if growth <= 2.1 else 'NOT met'}")
    if 100 in rows:
        peak = rows[100][0].peak_mb
        print(f"- peak memory at N=100 (target ≤ 300 MB): {peak:.0f} MB -> {'met' if peak <= 300 else 'NOT met'}")


if __name__ == "__main__":
    main()
