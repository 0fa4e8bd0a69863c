"""Find the content files: data files and the Markdown of each collection."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from catalogue.diagnostics import Report
from catalogue.schema import SLUG_PATTERN

COLLECTIONS = ("challenges", "cases", "pages")
DATA_FILES = ("site.yaml", "departments.yaml", "categories.yaml")
_SLUG = re.compile(SLUG_PATTERN)


@dataclass(frozen=True)
class Source:
    """One content file: `path` on disk, `name` relative to the project for messages."""

    kind: str
    slug: str
    path: Path
    name: str


@dataclass(frozen=True)
class Sources:
    data: dict[str, Source]
    documents: list[Source]


def display_name(path: Path, project: Path) -> str:
    """A path as shown in diagnostics: relative to the project when inside it."""
    try:
        return path.relative_to(project).as_posix()
    except ValueError:
        return path.as_posix()


def inside(path: Path, folder: Path) -> bool:
    """True when `path`, symlinks resolved, lies within `folder`."""
    return Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder))


def discover(content: Path, project: Path, report: Report) -> Sources:
    """List data files and Markdown documents, refusing links that leave `content`."""
    data = {}
    for filename in DATA_FILES:
        path = content / filename
        name = display_name(path, project)
        if not path.is_file():
            report.error(name, 1, "data_file_missing", file=filename)
        elif _safe(path, content, name, report):
            data[filename] = Source("data", filename, path, name)
    documents = []
    for kind in COLLECTIONS:
        folder = content / kind
        if not folder.is_dir():
            continue
        for entry in sorted(folder.iterdir()):
            if entry.suffix != ".md" or not entry.is_file():
                continue
            name = display_name(entry, project)
            if not _safe(entry, content, name, report):
                continue
            if not _SLUG.fullmatch(entry.stem):
                report.error(name, 1, "slug_invalid", slug=entry.stem, pattern=SLUG_PATTERN)
                continue
            documents.append(Source(kind, entry.stem, entry, name))
    return Sources(data, documents)


def _safe(path: Path, content: Path, name: str, report: Report) -> bool:
    if path.is_symlink() and not inside(path, content):
        report.error(name, 1, "symlink_outside", target=os.readlink(path))
        return False
    return True
