"""Static files: CSS and JS get a content hash in their names so they can be cached forever."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

HASHED_SUFFIXES = (".css", ".js", ".mjs")


@dataclass(frozen=True)
class Asset:
    source: Path
    output: str  # path in the output, relative to the site root


def collect_assets(static: Path) -> dict[str, Asset]:
    """Every file under `static/`, keyed by its path there (`css/site.css`)."""
    assets = {}
    if not static.is_dir():
        return assets
    for source in sorted(p for p in static.rglob("*") if p.is_file() and not p.name.startswith(".")):
        name = source.relative_to(static).as_posix()
        output = f"assets/{name}"
        if source.suffix in HASHED_SUFFIXES:
            digest = hashlib.sha256(source.read_bytes()).hexdigest()[:10]
            output = f"assets/{name[: -len(source.suffix)]}.{digest}{source.suffix}"
        assets[name] = Asset(source, output)
    return assets
