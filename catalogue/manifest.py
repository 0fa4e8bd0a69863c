"""What the previous build wrote into the output folder, so that this one can keep what has not changed.

Entries live in the build cache, in a namespace of their own per output
folder: for each page, and for each group of files made together (the search
index, the data files), the fingerprint of its inputs, the size and time of
every file written, and the links found in them. A file is kept only if it is
still there with that size and time, so hand edits and other builds into the
same folder are noticed. This build's entries replace the previous ones only
once its output has been swapped in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from catalogue.cache import BuildCache, digest
from catalogue.linkcheck import PageLinks
from catalogue.output import Staging

_BATCH = 2000  # entries read or written at a time


class OutputFile(NamedTuple):
    """One file as written: `digest` of its bytes where the fingerprint alone does not decide (groups)."""

    path: str
    size: int
    mtime_ns: int
    digest: str
    links: PageLinks | None


@dataclass(frozen=True)
class Entry:
    """Files made from one fingerprint."""

    fingerprint: str
    files: tuple[OutputFile, ...]


class Manifest:
    def __init__(self, cache: BuildCache | None, staging: Staging) -> None:
        self.cache = cache
        self.staging = staging
        self.namespace = "out:" + digest(str(staging.out.resolve()))
        self._new: dict[str, Entry] = {}
        if cache is not None:
            cache.drop(self.namespace + ":new")  # what a failed build left

    def unchanged(self, keys: Sequence[str], fingerprints: Sequence[str]) -> dict[int, Entry]:
        """The entries among `keys` made from the same fingerprint and still intact in the output, by index."""
        found: dict[int, Entry] = {}
        if self.cache is None:
            return found
        for start in range(0, len(keys), _BATCH):
            entries = self.cache.get_many(self.namespace, keys[start : start + _BATCH])
            for index in range(start, min(start + _BATCH, len(keys))):
                entry = entries.get(keys[index])
                if entry is not None and entry.fingerprint == fingerprints[index] and self.intact(*entry.files):
                    found[index] = entry
        return found

    def previous(self, key: str) -> Entry | None:
        """The previous build's entry, whatever its fingerprint."""
        return self.cache.get_many(self.namespace, [key]).get(key) if self.cache is not None else None

    def keep(self, key: str, entry: Entry) -> None:
        """Take the entry's files over from the previous output (their paths already claimed)."""
        for file in entry.files:
            self.staging.keep(file.path)
        self.record(key, entry)

    def record(self, key: str, entry: Entry) -> None:
        if self.cache is None:
            return
        self._new[key] = entry
        if len(self._new) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        if self.cache is not None:
            self.cache.put_many(self.namespace + ":new", self._new)
        self._new = {}

    def commit(self) -> None:
        """After the output was swapped in: this build's entries replace the previous build's."""
        if self.cache is not None:
            self.flush()
            self.cache.rename(self.namespace + ":new", self.namespace)

    def intact(self, *files: OutputFile) -> bool:
        """Whether the files are still in the output as they were written."""
        for file in files:
            try:
                stat = (self.staging.out / file.path).stat()
            except OSError:
                return False
            if stat.st_size != file.size or stat.st_mtime_ns != file.mtime_ns:
                return False
        return True


def write_group(
    manifest: Manifest,
    key: str,
    fingerprint: str,
    make: Callable[[], Iterable[tuple[str, str | bytes]]],
    scan: Callable[[str, str | bytes], PageLinks | None] = lambda path, data: None,
) -> list[tuple[str, PageLinks]]:
    """Files made together: all kept from the previous output if `fingerprint` is unchanged; else made,
    and each written only if its bytes changed (one edited challenge changes few files of the search index).

    Returns the links `scan` found in them.
    """
    staging = manifest.staging
    unchanged = manifest.unchanged([key], [fingerprint])
    if unchanged:
        entry = unchanged[0]
        for file in entry.files:
            staging.claim(file.path)
        manifest.keep(key, entry)
    else:
        previous = manifest.previous(key)
        before = {file.path: file for file in previous.files} if previous else {}
        files = []
        for path, data in make():
            staging.claim(path)
            raw = data.encode("utf-8") if isinstance(data, str) else data
            hashed = digest(raw) if manifest.cache is not None else ""
            old = before.get(path)
            if old is not None and old.digest == hashed and manifest.intact(old):
                staging.keep(path)
                files.append(old)
            else:
                stat = staging.put(path, raw)
                files.append(OutputFile(path, stat.st_size, stat.st_mtime_ns, hashed, scan(path, data)))
        entry = Entry(fingerprint, tuple(files))
        manifest.record(key, entry)
    return [(file.path, file.links) for file in entry.files if file.links is not None]
