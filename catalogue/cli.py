"""The command line: parse options, run the pipeline, print diagnostics, set the exit code."""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

from catalogue.diagnostics import Diagnostic, Report
from catalogue.messages import LANGUAGES, ui_text
from catalogue.output import UnsafeOutput, check_output
from catalogue.pipeline import Options, build_site, load_catalogue

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
COMMANDS = ("build", "check")


class UsageError(Exception):
    """Bad command-line input: exit 2 with a message from the catalogue."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {value!r}") from None


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python build.py", description="Build the partnership catalogue site.")
    commands = main.add_subparsers(dest="command", metavar="{build,check}")
    build = commands.add_parser("build", help="build the site into --out (default)")
    check = commands.add_parser("check", help="validate the content, write nothing")
    for sub in (build, check):
        sub.add_argument("--content", type=Path, help="content folder (default: content)")
        sub.add_argument("--strict", action="store_true", help="treat warnings as errors")
        sub.add_argument("--drafts", action="store_true", help="include drafts")
        sub.add_argument(
            "--today", type=_date, help="the date to build for, YYYY-MM-DD (default: today in the site's time zone)"
        )
        sub.add_argument("--lang", choices=LANGUAGES, help="language of messages (default: site.yaml language)")
    build.add_argument("--templates", type=Path, help="templates folder (default: templates)")
    build.add_argument("--out", type=Path, help="output folder (default: site)")
    build.add_argument("--base-url", help="absolute URL the site is published at (overrides site.yaml)")
    return main


def main(argv: list[str] | None = None, project: Path | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in (*COMMANDS, "-h", "--help"):
        argv.insert(0, "build")
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:  # argparse has printed usage or help
        return int(exc.code or 0)
    project = (project or Path.cwd()).resolve()
    lang = args.lang or "ja"
    try:
        options = _options(args, project)
        if args.command == "build":
            check_output(options.out, project, [options.content, options.templates, options.static])
    except UsageError as exc:
        print(f"error: {ui_text(exc.key, lang, **exc.args_)}", file=sys.stderr)
        return EXIT_USAGE
    except UnsafeOutput as exc:
        print(f"error: {ui_text(exc.code, lang, path=exc.path)}", file=sys.stderr)
        return EXIT_USAGE
    started = time.perf_counter()
    report = Report()
    if args.command == "check":
        catalogue, written = load_catalogue(options, report), None
    else:
        catalogue, written = build_site(options, report)
    if catalogue is not None and not args.lang:
        lang = catalogue.site.language
    _print(report, lang, strict=options.strict)
    failed = report.failed(strict=options.strict)
    if not failed:
        elapsed = time.perf_counter() - started
        summary = (
            ui_text("summary.check", lang, warnings=len(report.warnings), seconds=f"{elapsed:.2f}")
            if written is None
            else ui_text(
                "summary.build",
                lang,
                files=written,
                out=_shown(options.out, project),
                warnings=len(report.warnings),
                seconds=f"{elapsed:.2f}",
            )
        )
        print(summary)
    return EXIT_CONTENT if failed else EXIT_OK


def _options(args: argparse.Namespace, project: Path) -> Options:
    content = (args.content or project / "content").resolve()
    if not content.is_dir():
        raise UsageError("usage.content_missing", path=content)
    templates = (getattr(args, "templates", None) or project / "templates").resolve()
    if args.command == "build" and not templates.is_dir():
        raise UsageError("usage.templates_missing", path=templates)
    base_url = getattr(args, "base_url", None)
    if base_url is not None and not base_url.startswith(("http://", "https://")):
        raise UsageError("usage.base_url", value=base_url)
    return Options(
        project=project,
        content=content,
        templates=templates,
        static=project / "static",
        out=(getattr(args, "out", None) or project / "site").absolute(),
        base_url=base_url,
        drafts=args.drafts,
        today=args.today,
        strict=args.strict,
    )


def _shown(path: Path, project: Path) -> str:
    try:
        return path.relative_to(project).as_posix() + "/"
    except ValueError:
        return path.as_posix()


def _print(report: Report, lang: str, *, strict: bool) -> None:
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for diagnostic in report.sorted():
        if strict and diagnostic.level == "warning":
            diagnostic = Diagnostic(diagnostic.path, diagnostic.line, "error", diagnostic.code, diagnostic.args)
        print(diagnostic.format(lang), file=sys.stderr)
        if annotate:
            print(diagnostic.annotation(lang), file=sys.stderr)
