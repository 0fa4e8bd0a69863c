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

from collections.abc import Callable, Iterable, Mapping, Sequence
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

    def entries(self, keys: Sequence[str]) -> dict[int, Entry]:
        """The previous build's entries among `keys`, whatever their fingerprint, by index."""
        found: dict[int, Entry] = {}
        if self.cache is None:
            return found
        for start in range(0, len(keys), _BATCH):
            entries = self.cache.get_many(self.namespace, keys[start : start + _BATCH])
            batch = range(start, min(start + _BATCH, len(keys)))
            found.update((i, entries[keys[i]]) for i in batch if keys[i] in entries)
        return found

    def unchanged(self, entries: dict[int, Entry], fingerprints: Mapping[int, str]) -> dict[int, Entry]:
        """The entries made from the same fingerprint whose files are still intact in the output."""
        return {i: e for i, e in entries.items() if e.fingerprint == fingerprints[i] and self.intact(*e.files)}

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


@dataclass(frozen=True)
class Group:
    """Files made together from one fingerprint (the search index, the data files).

    `make` yields (path, content); `scan` gives the links of a file worth checking, or None;
    `stage` is the name its time is reported under (`build --timings`).
    """

    key: str
    stage: str
    fingerprint: str
    make: Callable[[], Iterable[tuple[str, str | bytes]]]
    scan: Callable[[str, str | bytes], PageLinks | None] = lambda path, data: None


def make_group(group: Group, previous: Entry | None, manifest: Manifest) -> list[tuple[OutputFile, bool]]:
    """Make a changed group; write each file only if its bytes changed (one edited challenge changes
    few files of the search index). Each file comes back with whether it was kept.

    Changes nothing but new files in the staging folder, so a worker process can do it.
    """
    before = {file.path: file for file in previous.files} if previous else {}
    made = []
    for path, data in group.make():
        raw = data.encode("utf-8") if isinstance(data, str) else data
        hashed = digest(raw) if manifest.cache is not None else ""
        old = before.get(path)
        if old is not None and old.digest == hashed and manifest.intact(old):
            made.append((old, True))
        else:
            stat = manifest.staging.put(path, raw)
            made.append((OutputFile(path, stat.st_size, stat.st_mtime_ns, hashed, group.scan(path, data)), False))
    return made


def record_group(manifest: Manifest, group: Group, made: list[tuple[OutputFile, bool]]) -> None:
    """Claim the group's files, keep those kept, and note them all for the next build."""
    for file, kept in made:
        manifest.staging.claim(file.path)
        if kept:
            manifest.staging.keep(file.path)
    manifest.record(group.key, Entry(group.fingerprint, tuple(file for file, _ in made)))
