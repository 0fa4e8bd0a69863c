"""Wall time per build stage, for `build --timings` and the benchmark."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

STAGES = ("load", "markdown", "model", "plan", "fingerprints", "data", "search", "pages", "links", "files", "commit")


class Timings:
    """Seconds spent in each stage; stages that run in parallel with the pages are timed in this process."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        assert name in STAGES, name
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start

    def move(self, source: str, target: str, seconds: float) -> None:
        """Count `seconds` of stage `source` as `target`'s, for work done together (loading and Markdown)."""
        if seconds:
            self.seconds[source] = self.seconds.get(source, 0.0) - seconds
            self.seconds[target] = self.seconds.get(target, 0.0) + seconds
