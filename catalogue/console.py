"""What the commands print: diagnostics, and a progress line on a terminal."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

from catalogue.diagnostics import Diagnostic, Report
from catalogue.messages import ui_text


def shown(report: Report, *, strict: bool) -> list[Diagnostic]:
    """The run's diagnostics in print order; with `strict`, warnings count as errors."""
    items = report.sorted()
    if strict:
        items = [Diagnostic(d.path, d.line, "error", d.code, d.args) if d.level == "warning" else d for d in items]
    return items


def print_diagnostics(report: Report, lang: str, *, strict: bool, stream: TextIO | None = None) -> None:
    """One `PATH:LINE: level: message` line each; also workflow annotations on GitHub Actions."""
    stream = stream or sys.stderr
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for diagnostic in shown(report, strict=strict):
        print(diagnostic.format(lang), file=stream)
        if annotate:
            print(diagnostic.annotation(lang), file=stream)


class Progress:
    """A single self-updating line on a terminal: `pages written done/total`.

    Silent when the stream is not a terminal or under CI=true, so logs and
    captured output stay exactly the diagnostics. Short builds never show it:
    it appears only after DELAY seconds, and is cleared before anything else
    is printed. `pages` counts the pages written, shown or not, for the summary.
    """

    DELAY = 0.5  # seconds before the line first appears
    EVERY = 0.1  # seconds between redraws

    def __init__(self, lang: str, stream: TextIO | None = None) -> None:
        self.lang = lang
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() and os.environ.get("CI") != "true"
        self.started = time.monotonic()
        self.drawn_at: float | None = None
        self.pages = 0

    def __call__(self, done: int, total: int) -> None:
        self.pages = done
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < self.DELAY:
            return
        if self.drawn_at is not None and now - self.drawn_at < self.EVERY and done != total:
            return
        self.drawn_at = now
        self.stream.write("\r\033[K" + ui_text("progress.pages", self.lang, done=done, total=total))
        self.stream.flush()

    def clear(self) -> None:
        """Erase the line, if one was drawn."""
        if self.drawn_at is not None:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.drawn_at = None
