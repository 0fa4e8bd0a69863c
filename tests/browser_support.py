"""Browser-test support: build the sample site, serve it under a sub-path, and drive Debian's Chromium."""

from __future__ import annotations

import contextlib
import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response, sync_playwright

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SUB_PATH = "/sub/"
TODAY = "2026-11-29"
DESKTOP = {"width": 1280, "height": 900}


class SubPathHandler(SimpleHTTPRequestHandler):
    """Serves the site folder under SUB_PATH only, and 404.html for anything missing, as static hosts do."""

    def send_head(self):
        if not self.path.startswith(SUB_PATH):
            self.send_error(404)
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path.removeprefix(SUB_PATH))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory, "404.html")
        if code != 404 or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve `folder` on a free local port; yields the site's base URL (ending in SUB_PATH)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SubPathHandler, directory=str(folder)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{SUB_PATH}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def build_sample_site(out: Path, base_url: str) -> None:
    """Build the repository's sample content into `out` for `base_url`, as CI would."""
    command = [sys.executable, "build.py", "build", "--base-url", base_url, "--today", TODAY, "--out", str(out)]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.fail(f"building the sample site failed (exit {result.returncode}):\n{result.stderr}")


def require_chromium() -> None:
    """Skip without Chromium on a workstation; on CI a missing browser is a failure."""
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} not found: install Debian's chromium package to run the browser tests"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@dataclass
class WatchedPage:
    """A page that records console errors, script errors and failed requests while it is used."""

    page: Page
    base_url: str
    problems: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        self.page.on("requestfailed", self._request_failed)
        self.page.on("response", self._response)

    def reset(self) -> None:
        """Leave the last page (its late requests, such as the favicon, end here), forget problems, resize."""
        self.page.goto("about:blank")
        self.problems.clear()
        self.page.set_viewport_size(DESKTOP)

    def open(self, path: str) -> Response | None:
        """Go to a path under the site's base URL and wait for it to load.

        The page being left is allowed to finish its requests first (the search
        client fetches index files after load); leaving mid-request would abort
        them and read as a failed request.
        """
        if self.page.url.startswith(self.base_url):
            self.page.wait_for_load_state("networkidle")
        return self.page.goto(self.base_url + path, wait_until="load")

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def _request_failed(self, request: Request) -> None:
        if request.resource_type == "document" and request.failure == "net::ERR_ABORTED":
            return  # a navigation overtaken by a newer one (the preview reloading twice in a row), not a failure
        self.problems.append(f"request failed: {request.url} ({request.failure})")

    def _response(self, response: Response) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            self.problems.append(f"HTTP {response.status}: {response.url}")


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site, built for and served at http://127.0.0.1:PORT/sub/."""
    folder = tmp_path_factory.mktemp("browser") / "site"
    with serve(folder) as url:
        build_sample_site(folder, url)
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session."""
    require_chromium()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def session_page(browser: Browser, site_url: str) -> Iterator[WatchedPage]:
    """One page for the session: every test navigates afresh, so sharing it only saves start-up time."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        yield WatchedPage(context.new_page(), site_url)
    finally:
        context.close()


@pytest.fixture
def watched(session_page: WatchedPage) -> WatchedPage:
    """The session's page, at desktop size, with no problems recorded yet."""
    session_page.reset()
    return session_page
