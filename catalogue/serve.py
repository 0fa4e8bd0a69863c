"""`serve`: a live preview that rebuilds on every save and shows build errors in the browser.

The site is built into a private folder for http://HOST:PORT/<base path of
site.yaml base_url>, so links behave as they will when published. Built on
the livereload package: its Watcher notices changes, its WebSocket handler
speaks the livereload protocol to the page. Only responses of this server
carry the overlay script (from catalogue/devserver/); the built files never do.

Everything runs on one event loop, so a rebuild and a request never overlap:
a page is served either from the previous build or from the new one.
"""

from __future__ import annotations

import asyncio
import dataclasses
import html
import json
import mimetypes
import os
import socket
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from livereload.handlers import LiveReloadHandler
from livereload.watcher import get_watcher_class
from tornado import httpserver, ioloop, web

from catalogue.console import Progress, print_diagnostics, shown
from catalogue.diagnostics import Report
from catalogue.messages import ui_text
from catalogue.model import Catalogue
from catalogue.pipeline import Options, Session, build_site
from catalogue.project import choose_language, site_hints

DEV_PATH = "/__catalogue__/"
ASSETS = Path(__file__).resolve().parent / "devserver"
POLL_MS = 400
SETTLE = 0.2  # seconds the files must stay unchanged before a rebuild: one save or checkout, one rebuild
CATCH_UP_DELAY = 0.5  # seconds after a rebuild: the browser fetches the changed page first
MAX_SOURCE = 300  # characters of the offending line shown in the overlay

Rebuild = Callable[[Options, Report, Sequence[str], Progress], tuple[Catalogue | None, int | None]]


class PreviewBuilds:
    """The preview's rebuilds, after `changed` files changed.

    Each is incremental through the build cache (`options.cache`): only changed
    files are read and only pages whose inputs changed are rendered. What the
    previous build learnt (each document's search terms) is kept in memory.
    The search index and the data files (feeds, open data, sitemap), the slowest
    parts to change and never what the editor looks at, are left for `catch_up`, which
    the preview runs once the browser has the changed pages; after it, the
    output holds the same files as a full build.
    """

    def __init__(self) -> None:
        self.session = Session(search_later=True)

    def __call__(
        self, options: Options, report: Report, changed: Sequence[str], progress: Progress
    ) -> tuple[Catalogue | None, int | None]:
        self.session.search_later = True
        return build_site(options, report, progress, session=self.session)

    @property
    def pending(self) -> bool:
        return self.session.search_pending

    def catch_up(self, options: Options, report: Report) -> int | None:
        """Build what the last rebuild left for later; the number of files, or None if it failed."""
        self.session.search_later = False
        return build_site(options, report, session=self.session)[1]


class Unavailable(Exception):
    """The server cannot listen on the host and port asked for."""

    def __init__(self, host: str, port: int, problem: str) -> None:
        super().__init__(problem)
        self.host, self.port, self.problem = host, port, problem


@dataclasses.dataclass(frozen=True)
class State:
    """What the browser learns after each rebuild: its number, and the problems if it failed."""

    build: int = 0
    lang: str = "ja"
    problems: tuple[dict[str, Any], ...] = ()

    def as_json(self) -> str:
        count = len(self.problems)
        texts = {
            "title": ui_text("overlay.title", self.lang, count=count),
            "intro": ui_text("overlay.intro", self.lang),
            "close": ui_text("overlay.close", self.lang),
            "reopen": ui_text("overlay.reopen", self.lang, count=count),
        }
        return json.dumps({"build": self.build, "problems": self.problems, "texts": texts}, ensure_ascii=False)


class Preview:
    """The preview of one project: rebuilds, the current State, and the HTTP side."""

    def __init__(
        self, options: Options, host: str, port: int, lang: str | None, rebuild: Rebuild | None = None
    ) -> None:
        self.options = options
        self.host = host
        self.lang_option = lang
        self.rebuild_site = rebuild or PreviewBuilds()
        self.socket = listen(host, port)
        self.port = self.socket.getsockname()[1]
        self.base_path = "/"
        self.state = State()
        self.watcher = get_watcher_class()()
        self.unbuilt: list[str] = []  # changed paths not built yet, waiting for the files to settle
        self.settling: object | None = None  # the IOLoop timeout that builds them
        for folder in (options.content, options.templates, options.static):
            self.watcher.watch(str(folder))
        LiveReloadHandler.watcher = self.watcher  # its reload message names the watcher's last changed path

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}{self.base_path}"

    def rebuild(self, changed: Sequence[str] = ()) -> None:
        """Build once, print what the command line would, and tell the open pages to reload."""
        started = time.perf_counter()
        hints = site_hints(self.options.content)
        self.base_path = hints.base_path
        options = dataclasses.replace(self.options, base_url=self.url)
        report = Report()
        progress = Progress(choose_language(self.lang_option, os.environ, hints.language))
        crash = None
        try:
            catalogue, written = self.rebuild_site(options, report, changed, progress)
        except Exception as exc:  # a bug in the generator must not end the preview; show it like an error
            traceback.print_exc()
            catalogue, written, crash = None, None, f"{type(exc).__name__}: {exc}"
        finally:
            progress.clear()
        language = catalogue.site.language if catalogue is not None else hints.language
        lang = choose_language(self.lang_option, os.environ, language)
        print_diagnostics(report, lang, strict=False)
        if crash is not None:
            crash = ui_text("serve.crashed", lang, problem=crash)
            print(crash, file=sys.stderr)
        problems = [] if written is not None else self._problems(report, lang, crash)
        self.state = State(self.state.build + 1, lang, tuple(problems))
        seconds = f"{time.perf_counter() - started:.2f}"
        if written is not None:
            counts = {"pages": progress.pages, "files": written, "warnings": len(report.warnings)}
            print(ui_text("serve.rebuilt", lang, seconds=seconds, **counts))
        else:
            print(ui_text("serve.failed", lang, count=len(problems), seconds=seconds))
        sys.stdout.flush()
        LiveReloadHandler.reload_waiters("*")

    def _problems(self, report: Report, lang: str, crash: str | None) -> list[dict[str, Any]]:
        """What the overlay lists: each diagnostic with the offending line, and a crash if there was one."""
        problems = [
            {
                "path": d.path,
                "line": d.line,
                "level": d.level,
                "levelText": ui_text(f"overlay.{d.level}", lang),
                "message": d.message(lang),
                "source": source_line(self.options.project / d.path, d.line),
            }
            for d in shown(report, strict=False)
        ]
        if crash is not None:
            level = ui_text("overlay.error", lang)
            problems.append(
                {"path": "", "line": 0, "level": "error", "levelText": level, "message": crash, "source": None}
            )
        return problems

    def poll(self) -> None:
        """Note what the watcher has seen changing, and build it once the files have settled.

        An editor's save can be several changes (a temporary file renamed into place, a file
        truncated and then written), and so can a checkout or a replace-all: each would
        otherwise be a rebuild of its own, and the open pages would reload mid-way.
        """
        if self._changes():
            self._wait_to_settle()

    def _wait_to_settle(self) -> None:
        loop = ioloop.IOLoop.current()
        if self.settling is not None:
            loop.remove_timeout(self.settling)
        self.settling = loop.call_later(SETTLE, self._settled)

    def _changes(self) -> bool:
        """Add the paths changed since the last look to `unbuilt`; whether there were any."""
        before = len(self.unbuilt)
        while len(self.unbuilt) < before + 1000 and (path := self.watcher.examine()[0]) is not None:
            self.unbuilt.append(path)
        return len(self.unbuilt) > before

    def _settled(self) -> None:
        self.settling = None
        if self._changes():  # still changing: wait again
            self._wait_to_settle()
            return
        changed, self.unbuilt = self.unbuilt, []
        print(ui_text("serve.changed", self.state.lang, path=_shown(Path(changed[0]), self.options.project)))
        self.rebuild(changed)
        self._schedule_catch_up()

    def _schedule_catch_up(self) -> None:
        if getattr(self.rebuild_site, "pending", False):
            ioloop.IOLoop.current().call_later(CATCH_UP_DELAY, self.catch_up)

    def catch_up(self) -> None:
        """Build the search index the last rebuild left for later (a newer rebuild may have left it again)."""
        if not getattr(self.rebuild_site, "pending", False):
            return
        options = dataclasses.replace(self.options, base_url=self.url)
        report = Report()
        try:
            written = self.rebuild_site.catch_up(options, report)  # type: ignore[attr-defined]
        except Exception:  # the pages are built; the search index stays as it was
            traceback.print_exc()
            return
        if written is None:
            print_diagnostics(report, self.state.lang, strict=False)

    def serve(self) -> None:
        """Build, print the address, then serve and watch until interrupted (Ctrl+C)."""
        self.watcher.examine()  # the files as they are now; only later changes trigger rebuilds
        self.rebuild()
        print(ui_text("serve.url", self.state.lang, url=self.url), flush=True)
        asyncio.run(self._loop())

    async def _loop(self) -> None:
        app = web.Application(
            [
                (r"/livereload", LiveReloadHandler),
                (DEV_PATH + r"state\.json", StateHandler, {"preview": self}),
                (DEV_PATH + r"(overlay\.(?:js|css))", web.StaticFileHandler, {"path": str(ASSETS)}),
                (r"(/.*)", SiteHandler, {"preview": self}),
            ],
            log_function=lambda handler: None,  # no access log: the terminal shows builds only
        )
        httpserver.HTTPServer(app).add_sockets([self.socket])
        self._schedule_catch_up()  # the first build may have kept a search index from an earlier session
        if not self.watcher.start(self.poll):
            ioloop.PeriodicCallback(self.poll, POLL_MS).start()
        await asyncio.Event().wait()


def listen(host: str, port: int) -> socket.socket:
    """A listening socket; port 0 picks a free one. Unavailable if the address is taken or unknown."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        server = socket.create_server((host, port), family=family)
    except OSError as exc:
        raise Unavailable(host, port, exc.strerror or str(exc)) from None
    server.setblocking(False)
    return server


def source_line(path: Path, line: int) -> str | None:
    """Line `line` of a file, for the overlay; None when there is no such line to show."""
    try:
        lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError:
        return None
    if not 1 <= line <= len(lines):
        return None
    text = lines[line - 1]
    return text if len(text) <= MAX_SOURCE else text[:MAX_SOURCE] + "…"


def _shown(path: Path, project: Path) -> str:
    try:
        return path.relative_to(project).as_posix()
    except ValueError:
        return path.as_posix()


class StateHandler(web.RequestHandler):
    def initialize(self, preview: Preview) -> None:
        self.preview = preview

    def get(self) -> None:
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.write(self.preview.state.as_json())


class SiteHandler(web.RequestHandler):
    """The built site under its base path, as a static host serves it, plus the overlay tags in HTML."""

    def initialize(self, preview: Preview) -> None:
        self.preview = preview

    def get(self, path: str) -> None:
        base = self.preview.base_path
        if path in ("/", base.rstrip("/")) and path != base:  # the root, and the base path without its slash
            self.redirect(base)
            return
        out = Path(os.path.realpath(self.preview.options.out))
        if not out.is_dir():  # no build has succeeded yet
            self._page(503, _placeholder(self.preview.state.lang).encode("utf-8"), "text/html")
            return
        if not path.startswith(base):
            self._not_found(out)
            return
        relative = path[len(base) :]
        target = Path(os.path.realpath(out / relative))
        if not target.is_relative_to(out):
            self._not_found(out)
        elif target.is_dir() and relative and not relative.endswith("/"):
            self.redirect(path + "/")
        elif target.is_dir() and (target / "index.html").is_file():
            self._file(200, target / "index.html")
        elif target.is_file():
            self._file(200, target)
        else:
            self._not_found(out)

    def head(self, path: str) -> None:
        self.get(path)

    def _not_found(self, out: Path) -> None:
        page = out / "404.html"
        if page.is_file():
            self._file(404, page)
        else:
            self._page(404, b"404", "text/plain")

    def _file(self, status: int, file: Path) -> None:
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        self._page(status, file.read_bytes(), kind)

    def _page(self, status: int, body: bytes, kind: str) -> None:
        if kind == "text/html":
            body = inject(body, self.preview.state.build)
        if kind.startswith("text/") or kind in ("application/json", "application/xml", "image/svg+xml"):
            kind += "; charset=utf-8"
        self.set_status(status)
        self.set_header("Content-Type", kind)
        self.set_header("Cache-Control", "no-store")
        if self.request.method != "HEAD":
            self.write(body)


def inject(page: bytes, build: int) -> bytes:
    """The preview's tags before `</head>`: the build the page belongs to, the overlay's CSS and script."""
    tags = (
        f'<meta name="catalogue-build" content="{build}">'
        f'<link rel="stylesheet" href="{DEV_PATH}overlay.css">'
        f'<script type="module" src="{DEV_PATH}overlay.js"></script>'
    ).encode()
    head, found, rest = page.partition(b"</head>")
    return head + tags + found + rest if found else page + tags


def _placeholder(lang: str) -> str:
    """The page shown while no build has succeeded yet; the overlay explains why."""
    title = html.escape(ui_text("serve.no_site.title", lang))
    text = html.escape(ui_text("serve.no_site.text", lang))
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n<p>{text}</p>\n</main>\n</body>\n</html>\n"
    )
