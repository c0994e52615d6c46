"""The ``notice`` command. Parses arguments, calls ``commands``, prints; one exit point for errors.

Exit codes: 0 success, 1 problems found or command refused, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from noticekit import commands
from noticekit.errors import NoticeError, ValidationError
from noticekit.model import Problem
from noticekit.project import Project
from noticekit.versions.status import as_of_date, in_effect_on

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="notice", description="Publish a versioned privacy notice.")
    parser.add_argument("-C", "--project", type=Path, default=Path("."), help="project folder (default: .)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser("check", help="validate the notice, the archive and unreleased changes")
    check.add_argument("--strict", action="store_true", help="unreleased changes are errors (for CI)")
    check.add_argument("--json", action="store_true", help="print a JSON report")
    check.add_argument("--as-of", type=_date, help="today's date for the checks (default: NOTICE_AS_OF or today)")

    release = sub.add_parser("release", help="release the working copy as a new version")
    release.add_argument("--as-of", type=_date, help="today's date (default: NOTICE_AS_OF or today)")

    versions = sub.add_parser("versions", help="list the versions with their dates and status")
    versions.add_argument("--json", action="store_true")
    versions.add_argument("--as-of", type=_date)

    at = sub.add_parser("at", help="which version was in effect on a date")
    at.add_argument("date", type=_date)

    diff = sub.add_parser("diff", help="what changed between two versions")
    diff.add_argument("old", help="a version id, 'current', 'latest' or 'working'")
    diff.add_argument("new", help="a version id, 'current', 'latest' or 'working'")
    diff.add_argument("--format", choices=["text", "markdown", "html", "json", "unified"], default="text")
    diff.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    diff.add_argument("--as-of", type=_date)

    notify = sub.add_parser("notify", help="write the customer email for a version")
    notify.add_argument("version")
    notify.add_argument(
        "--out", type=Path, default=None, help="folder for the email files (default: build/notify/VERSION)"
    )
    notify.add_argument("--site-url", default=None, help="absolute URL of the published site")

    imp = sub.add_parser("import", help="create notice/ from a published HTML page or a Markdown document")
    imp.add_argument("file", type=Path)
    imp.add_argument("--force", action="store_true", help="replace a non-empty notice/")

    imp_git = sub.add_parser(
        "import-git", help="create one version per commit that changed a notice in a git repository"
    )
    imp_git.add_argument("repo", type=Path)
    imp_git.add_argument("path", help="the notice's path inside the repository (a file or a notice/ folder)")
    imp_git.add_argument("--since", type=_date, default=None)
    imp_git.add_argument("--force", action="store_true", help="replace a non-empty notice/")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except ValidationError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"error: {len(exc.problems)} problem(s) found; nothing was changed", file=sys.stderr)
        return EXIT_PROBLEMS
    except NoticeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        if exc.hint:
            print(f"hint: {exc.hint}", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return EXIT_PROBLEMS


def _today(args: argparse.Namespace) -> date:
    return getattr(args, "as_of", None) or as_of_date()


def _run(args: argparse.Namespace) -> int:
    root: Path = args.project
    if args.command == "import":
        from noticekit.importers import import_document

        result = import_document(args.file, root, force=args.force)
        for warning in result.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print(f"imported {result.sections} sections into {result.folder}")
        return EXIT_OK
    if args.command == "import-git":
        from noticekit.importers import import_git

        created = import_git(args.repo, args.path, root, since=args.since, force=args.force)
        for warning in created.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        for skipped in created.skipped:
            print(f"skipped {skipped.sha[:10]} ({skipped.day}): {skipped.reason}", file=sys.stderr)
        for version in created:
            print(f"released {version.id} (commit {version.commit[:10] if version.commit else '-'})")
        print(f"imported {len(created)} version(s)")
        return EXIT_OK

    project = Project.load(root)
    if args.command == "check":
        report = commands.check(project, _today(args), strict=args.strict)
        if args.json:
            print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
        else:
            _print_check(report)
        return EXIT_OK if report.ok else EXIT_PROBLEMS
    if args.command == "release":
        version = commands.release(project, _today(args))
        material = " (material change)" if version.material else ""
        print(f"released version {version.id}{material}: {project.settings.versions_dir}/{version.id}/")
        return EXIT_OK
    if args.command == "versions":
        tl = commands.versions_timeline(project, _today(args))
        if args.json:
            from noticekit.render.site import versions_data

            print(json.dumps(versions_data(tl), indent=2, ensure_ascii=False))
        else:
            print(f"{'version':<12} {'effective':<12} {'until':<12} {'status':<9} material")
            for v in reversed(tl.versions):
                until = _iso(tl.until[v.id]) or "-"
                print(
                    f"{v.id:<12} {v.effective.isoformat():<12} {until:<12} {tl.status[v.id]:<9} "
                    f"{'yes' if v.material else 'no'}"
                )
        return EXIT_OK
    if args.command == "at":
        in_effect = in_effect_on(project.archive.versions(), args.date)
        if in_effect is None:
            print(f"error: no version was in effect on {args.date}", file=sys.stderr)
            return EXIT_PROBLEMS
        print(in_effect.id)
        return EXIT_OK
    if args.command == "diff":
        return _diff(project, args)
    if args.command == "notify":
        from noticekit.notify import write_notification

        out = args.out or root / "build" / "notify" / args.version
        written = write_notification(project, args.version, out, site_url=args.site_url, today=_today(args))
        for path in written:
            print(path)
        return EXIT_OK
    raise AssertionError(args.command)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _print_check(report: commands.CheckReport) -> None:
    for problem in report.errors:
        print(problem)
    for problem in report.warnings:
        print(Problem(problem.file, problem.line, f"warning: {problem.message}"))
    a = report.assessment
    if a and a.changed and a.baseline:
        kind = "material" if a.material else "not material"
        print(f"changes since {a.baseline.id}: {kind}, {len(a.findings)} finding(s)")
        for finding in a.findings:
            print(f"  [{finding.category}] {finding.section}: {finding.message}")
    summary = f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)"
    print(("ok: " if report.ok else "error: ") + summary, file=sys.stderr)


def _diff(project: Project, args: argparse.Namespace) -> int:
    from noticekit.render import diff_html, diff_json, diff_markdown, diff_text, diff_unified

    result = commands.diff(project, args.old, args.new, _today(args))
    if args.format == "text":
        color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
        sys.stdout.write(diff_text.render_text(result, color=color))
    elif args.format == "markdown":
        sys.stdout.write(diff_markdown.render_markdown_diff(result))
    elif args.format == "json":
        print(json.dumps(diff_json.diff_to_json(result), indent=2, ensure_ascii=False))
    elif args.format == "unified":
        sys.stdout.write(diff_unified.render_unified(result))
    else:
        sys.stdout.write(diff_html.render_changes_html(result, old_label=result.old_id, new_label=result.new_id))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
