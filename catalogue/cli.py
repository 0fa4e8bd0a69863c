"""The command line: parse options, run a command, print diagnostics, set the exit code."""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from catalogue import scaffold
from catalogue.console import Progress, print_diagnostics, shown
from catalogue.diagnostics import Report
from catalogue.discover import display_name
from catalogue.messages import LANGUAGES, ui_text
from catalogue.output import UnsafeOutput, check_output
from catalogue.pipeline import Options, build_site, load_catalogue
from catalogue.project import choose_language, site_hints
from catalogue.serve import Preview, Unavailable
from catalogue.timings import STAGES, Timings

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped with Ctrl+C
COMMANDS = ("build", "check", "serve", "new")
SERVE_OUT = Path(".cache/serve/site")  # the preview's private output, inside the project


class UsageError(Exception):
    """Bad command-line input: exit 2 with a message from the catalogue."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


def parser(lang: str) -> argparse.ArgumentParser:
    """The options of every command, described in `lang`."""

    def t(key: str) -> str:
        return ui_text(key, lang)

    def date(value: str) -> datetime.date:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise argparse.ArgumentTypeError(ui_text("cli.bad_date", lang, value=value)) from None

    def port(value: str) -> int:
        if not value.isdigit() or int(value) > 65535:
            raise argparse.ArgumentTypeError(ui_text("cli.bad_port", lang, value=value))
        return int(value)

    def jobs(value: str) -> int:
        if not value.isdigit() or not 1 <= int(value) <= 256:
            raise argparse.ArgumentTypeError(ui_text("cli.bad_jobs", lang, value=value))
        return int(value)

    main = argparse.ArgumentParser(prog="python build.py", description=t("cli.description"))
    commands = main.add_subparsers(dest="command", metavar="{" + ",".join(COMMANDS) + "}")
    build, check, serve, new = (commands.add_parser(c, help=t(f"cli.{c}"), description=t(f"cli.{c}")) for c in COMMANDS)
    for sub in (build, check, serve, new):
        sub.add_argument("--content", type=Path, metavar="DIR", help=t("cli.content"))
        sub.add_argument("--lang", choices=LANGUAGES, help=t("cli.lang"))
        sub.add_argument("--today", type=date, metavar="YYYY-MM-DD", help=t("cli.today"))
    for sub in (build, check, serve):
        sub.add_argument("--drafts", action="store_true", help=t("cli.drafts"))
    for sub in (build, check):
        sub.add_argument("--strict", action="store_true", help=t("cli.strict"))
    for sub in (build, serve):
        sub.add_argument("--templates", type=Path, metavar="DIR", help=t("cli.templates"))
        sub.add_argument("--jobs", type=jobs, metavar="N", help=t("cli.jobs"))
        sub.add_argument("--no-cache", action="store_true", help=t("cli.no_cache"))
    build.add_argument("--out", type=Path, metavar="DIR", help=t("cli.out"))
    build.add_argument("--base-url", metavar="URL", help=t("cli.base_url"))
    build.add_argument("--timings", action="store_true", help=t("cli.timings"))
    serve.add_argument("--host", default="127.0.0.1", help=t("cli.host"))
    serve.add_argument("--port", type=port, default=8000, help=t("cli.port"))
    new.add_argument("kind", choices=tuple(scaffold.KINDS), help=t("cli.kind"))
    new.add_argument("slug", metavar="SLUG", help=t("cli.slug"))
    new.add_argument("--title", metavar="TEXT", help=t("cli.title"))
    return main


def main(argv: list[str] | None = None, project: Path | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in (*COMMANDS, "-h", "--help"):
        argv.insert(0, "build")
    project = (project or Path.cwd()).resolve()
    try:
        args = parser(_early_language(argv, project)).parse_args(argv)
    except SystemExit as exc:  # argparse has printed usage or help
        return int(exc.code or 0)
    content = (args.content or project / "content").resolve()
    lang = choose_language(args.lang, os.environ, site_hints(content).language)
    try:
        if not content.is_dir():
            raise UsageError("usage.content_missing", path=content)
        return RUN[args.command](args, project, content, lang)
    except (UsageError, scaffold.Refused) as exc:
        return _usage(ui_text(exc.key, lang, **exc.args_))
    except UnsafeOutput as exc:
        return _usage(ui_text(exc.code, lang, path=exc.path))
    except Unavailable as exc:
        return _usage(ui_text("serve.unavailable", lang, host=exc.host, port=exc.port, problem=exc.problem))
    except KeyboardInterrupt:  # a build stops before it swaps its output in, so nothing is half written
        print(ui_text("cli.interrupted_build" if args.command == "build" else "cli.interrupted", lang), file=sys.stderr)
        return EXIT_INTERRUPTED


def _usage(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _early_language(argv: list[str], project: Path) -> str:
    """The language for help and usage errors, before argparse has read `--lang` and `--content`."""
    option, content = _option(argv, "--lang"), _option(argv, "--content")
    folder = Path(content).resolve() if content else project / "content"
    return choose_language(option, os.environ, site_hints(folder).language)


def _option(argv: list[str], name: str) -> str | None:
    for index, arg in enumerate(argv):
        if arg == name and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def _options(args: argparse.Namespace, project: Path, content: Path, out: Path) -> Options:
    templates = (getattr(args, "templates", None) or project / "templates").resolve()
    if args.command != "check" and not templates.is_dir():
        raise UsageError("usage.templates_missing", path=templates)
    base_url = getattr(args, "base_url", None)
    if base_url is not None and not base_url.startswith(("http://", "https://")):
        raise UsageError("usage.base_url", value=base_url)
    return Options(
        project=project,
        content=content,
        templates=templates,
        static=project / "static",
        out=out.absolute(),
        base_url=base_url,
        drafts=args.drafts,
        today=args.today,
        strict=getattr(args, "strict", False),
        jobs=getattr(args, "jobs", None),
        cache=None if getattr(args, "no_cache", True) else project / ".cache" / "build",
    )


def _build(args: argparse.Namespace, project: Path, content: Path, lang: str) -> int:
    """`build` and `check`: one run, its diagnostics, and a closing summary line."""
    out = (args.out or project / "site") if args.command == "build" else project / "site"
    options = _options(args, project, content, out)
    if args.command == "build":
        check_output(options.out, project, [options.content, options.templates, options.static])
    started = time.perf_counter()
    report = Report()
    progress = Progress(lang)
    timings = Timings()
    if args.command == "check":
        catalogue, written = load_catalogue(options, report), None
    else:
        catalogue, written = build_site(options, report, progress, timings)
    progress.clear()
    if catalogue is not None:
        lang = choose_language(args.lang, os.environ, catalogue.site.language)
    print_diagnostics(report, lang, strict=options.strict)
    failed = report.failed(strict=options.strict)
    counts = {
        "errors": sum(d.level == "error" for d in shown(report, strict=options.strict)),
        "warnings": 0 if options.strict else len(report.warnings),
        "seconds": f"{time.perf_counter() - started:.2f}",
    }
    if args.command == "check":
        print(ui_text("summary.check_failed" if failed else "summary.check", lang, **counts))
    elif failed:
        print(ui_text("summary.build_failed", lang, out=_folder(options.out, project), **counts))
    else:
        out = _folder(options.out, project)
        print(ui_text("summary.build", lang, out=out, pages=progress.pages, files=written, **counts))
    if getattr(args, "timings", False):
        for stage in STAGES:
            seconds = f"{timings.seconds.get(stage, 0.0):.3f}"
            label = ui_text(f"timings.{stage}", lang)
            print(ui_text("timings.line", lang, stage=label, seconds=seconds), file=sys.stderr)
    return EXIT_CONTENT if failed else EXIT_OK


def _serve(args: argparse.Namespace, project: Path, content: Path, lang: str) -> int:
    """`serve`: rebuild on every change until Ctrl+C."""
    options = _options(args, project, content, project / SERVE_OUT)
    check_output(options.out, project, [options.content, options.templates, options.static])
    preview = Preview(options, args.host, args.port, args.lang)
    try:
        preview.serve()
    except KeyboardInterrupt:
        print(ui_text("serve.stopped", preview.state.lang))
    return EXIT_OK


def _new(args: argparse.Namespace, project: Path, content: Path, lang: str) -> int:
    """`new KIND SLUG`: write the file, then say where it is and how to see it."""
    path = scaffold.create(args.kind, args.slug, content, title=args.title, today=args.today, lang=lang)
    print(ui_text("new.created", lang, path=display_name(path, project)))
    print(ui_text("new.preview", lang))
    return EXIT_OK


RUN: dict[str, Callable[[argparse.Namespace, Path, Path, str], int]] = {
    "build": _build,
    "check": _build,
    "serve": _serve,
    "new": _new,
}


def _folder(path: Path, project: Path) -> str:
    shown_path = display_name(path, project)
    return shown_path + "/" if shown_path != path.as_posix() else shown_path
