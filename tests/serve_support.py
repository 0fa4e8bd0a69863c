"""Run `python build.py serve` on a throwaway project as a child process, and wait for what it serves.

The child runs the real command (`catalogue.cli.main`) with the project folder as its working
directory, on a free port (`--port 0`): the test reads the address from the line it prints.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from tests.conftest import REPO, TODAY

START_TIMEOUT = 60.0
WAIT_TIMEOUT = 20.0
CHILD = "import sys; from pathlib import Path; from catalogue.cli import main; sys.exit(main(project=Path.cwd()))"

T = TypeVar("T")


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


@dataclass
class Server:
    """A running preview: its address, and everything it printed so far."""

    process: subprocess.Popen[str]
    out: list[str] = field(default_factory=list)
    err: list[str] = field(default_factory=list)
    url: str = ""

    @property
    def origin(self) -> str:
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"

    def get(self, path: str) -> Response:
        """GET a path of the server (not following redirects)."""
        parts = urlsplit(self.url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=WAIT_TIMEOUT)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return Response(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
        finally:
            connection.close()

    def page(self, path: str) -> Response:
        """A path under the site's base path."""
        return self.get(urlsplit(self.url).path + path)

    def state(self) -> dict[str, Any]:
        return json.loads(self.get("/__catalogue__/state.json").body)

    def wait_for_state(self, check: Callable[[dict[str, Any]], bool], after: int) -> dict[str, Any]:
        """The first state of a build later than `after` for which `check` holds."""

        def probe() -> dict[str, Any] | None:
            state = self.state()
            return state if state["build"] > after and check(state) else None

        return wait_for(probe, f"a build after build {after}")


def wait_for(probe: Callable[[], T | bool | None], what: str, timeout: float = WAIT_TIMEOUT) -> T:
    """Poll `probe` until it returns something true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = probe()
        if result:
            return result  # type: ignore[return-value]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.05)


def save(path: Path, text: str) -> None:
    """Write a file as editors do: a temporary file renamed over the old one, so no half file is ever seen."""
    temporary = path.with_name(f".{path.name}.saving")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    save(path, text.replace(old, new, 1))


def _collect(stream: Any, lines: list[str]) -> None:
    for line in stream:
        lines.append(line.rstrip("\n"))


@contextlib.contextmanager
def serving(root: Path, *args: str) -> Iterator[Server]:
    """`python build.py serve --port 0 --today TODAY ARGS` in `root`; stopped (by its pid) on exit."""
    command = [sys.executable, "-c", CHILD, "serve", "--port", "0", "--today", TODAY, *args]
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
    for name in ("LANG", "LC_ALL", "LC_MESSAGES", "CI"):
        env.pop(name, None)
    process = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    server = Server(process)
    readers = [
        threading.Thread(target=_collect, args=(process.stdout, server.out), daemon=True),
        threading.Thread(target=_collect, args=(process.stderr, server.err), daemon=True),
    ]
    for reader in readers:
        reader.start()
    try:
        server.url = wait_for(lambda: _address(server), "the preview's address", START_TIMEOUT)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=10)
        for reader in readers:
            reader.join(timeout=5)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def _address(server: Server) -> str | None:
    if server.process.poll() is not None:
        raise AssertionError(f"serve exited with {server.process.returncode}:\n" + "\n".join(server.err))
    for line in server.out:
        for word in line.split():
            if word.startswith("http://"):
                return word
    return None
