"""Whether the output folder already holds what this build would write: then there is nothing to do.

The inputs' signature covers the generator's version, the build options, the
date the build stands for, SOURCE_DATE_EPOCH, and the name, size and time of
every file under content/, templates/ and static/ (as make and git judge
files unchanged). If it matches the last successful build into the same
folder, and every file that build wrote is still there with the same size and
time, the build only repeats that build's diagnostics and counts.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from catalogue.cache import BuildCache, digest, generator_version
from catalogue.diagnostics import Diagnostic
from catalogue.project import site_hints

KEY = "last build"


@dataclass(frozen=True)
class LastBuild:
    signature: str
    files: tuple[tuple[str, int, int], ...]  # path under the output folder, size, time in ns
    diagnostics: tuple[Diagnostic, ...]
    pages: int


def signature(settings: str, content: Path, folders: Iterable[Path], today: datetime.date | None) -> str:
    """A digest of everything a build reads: `settings` (the options as text), the files in `folders`, the date."""
    day = today or site_hints(content).today()
    parts = [generator_version(), settings, str(day), os.environ.get("SOURCE_DATE_EPOCH", "")]
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(root, name)
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                parts.append(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}")
    return digest(*parts)


def unchanged(cache: BuildCache, namespace: str, out: Path, current: str) -> LastBuild | None:
    """The last build, if it had this signature and its files are all still in `out` as it wrote them."""
    last = cache.get_many(namespace, [KEY]).get(KEY)
    if not isinstance(last, LastBuild) or last.signature != current:
        return None
    folder = os.fspath(out)
    for path, size, mtime_ns in last.files:
        try:
            stat = os.stat(os.path.join(folder, path))
        except OSError:
            return None
        if stat.st_size != size or stat.st_mtime_ns != mtime_ns:
            return None
    return last


def record(
    cache: BuildCache, namespace: str, out: Path, current: str, diagnostics: Iterable[Diagnostic], pages: int
) -> None:
    """Note a successful build: its signature and the size and time of every file now in `out`."""
    files = tuple(sorted(_files(os.fspath(out), "")))
    cache.put_many(namespace, {KEY: LastBuild(current, files, tuple(diagnostics), pages)})


def _files(folder: str, prefix: str) -> Iterator[tuple[str, int, int]]:
    """Every file under `folder` (as os.walk finds them: links to folders are not followed), with its
    path under the output folder (`prefix` + name), size and time."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir():
                if not entry.is_symlink():
                    yield from _files(entry.path, prefix + entry.name + "/")
            else:
                stat = entry.stat()
                yield prefix + entry.name, stat.st_size, stat.st_mtime_ns
