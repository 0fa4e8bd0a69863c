"""The persistent build cache: results keyed by a digest of everything they were made from.

It lives in one SQLite file (`.cache/build/cache.sqlite`, git-ignored), so that
a build of 50,000 items reads only the entries it asks for. Entries are grouped
in namespaces ("markdown", "document", a page namespace per output folder).
A new generator version empties the whole cache, since changed code could
change any output; a build prunes, in each namespace it used, the entries it did
not use. The cache can only save time: if the file is unreadable or locked for
too long, the build goes on without it. Values are written by a thread of their
own (SQLite lets other Python threads run meanwhile), so that a cold build goes
on with its next stage while tens of megabytes are stored.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import pickle
import sqlite3
import threading
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

FILE = "cache.sqlite"
_PACKAGE = Path(__file__).resolve().parent
_LIBRARIES = ("jinja2", "markdown", "markupsafe", "pyyaml", "python-frontmatter")
_BATCH = 500  # keys per SELECT: SQLite allows at most 999 parameters


@cache
def generator_version() -> str:
    """A digest of the generator's own code and the versions of the libraries whose output it publishes."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".html", ".js", ".css"):
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{name}=?".encode())
    return digest.hexdigest()


def digest(*parts: str | bytes) -> str:
    """A short, stable key for the given parts, each kept apart from the next."""
    hashed = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "little"))
        hashed.update(data)
    return hashed.hexdigest()


class BuildCache:
    """Key–value store of picklable values; `finish()` records what this build used."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._used: dict[str, set[str]] = {}
        self._writer: threading.Thread | None = None  # the values being stored
        self._write_failed = False
        self._db = self._open()

    def _open(self) -> sqlite3.Connection | None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            db = self._connect()
            if db is None:  # a damaged file: start again
                (self.folder / FILE).unlink(missing_ok=True)
                db = self._connect()
            return db
        except OSError:
            return None

    def _connect(self) -> sqlite3.Connection | None:
        # One thread at a time uses the connection: every use waits for the writer thread first.
        db = sqlite3.connect(self.folder / FILE, timeout=10, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=OFF")  # a cache: a file damaged by a crash is started again
            db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID")
            row = db.execute("SELECT value FROM meta WHERE name = 'generator'").fetchone()
            if row is None or row[0] != generator_version():
                db.execute("DROP TABLE IF EXISTS entries")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('generator', ?)", (generator_version(),))
            # A rowid table: with values of kilobytes, three times faster to fill and read than WITHOUT ROWID.
            db.execute(
                "CREATE TABLE IF NOT EXISTS entries (namespace TEXT, key TEXT, value BLOB, UNIQUE (namespace, key))"
            )
            db.execute("BEGIN")
            return db
        except sqlite3.DatabaseError:
            db.close()
            return None

    def get_many(self, namespace: str, keys: Iterable[str]) -> dict[str, Any]:
        """The cached values among `keys`; every key asked for counts as used."""
        wanted = list(dict.fromkeys(keys))
        self._used.setdefault(namespace, set()).update(wanted)
        found: dict[str, Any] = {}
        self._wait()
        if self._db is None:
            return found
        try:
            for start in range(0, len(wanted), _BATCH):
                batch = wanted[start : start + _BATCH]
                marks = ",".join("?" * len(batch))
                query = f"SELECT key, value FROM entries WHERE namespace = ? AND key IN ({marks})"
                for key, value in self._db.execute(query, (namespace, *batch)):
                    found[key] = pickle.loads(value)
        except (sqlite3.DatabaseError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self._give_up()
            return {}
        return found

    def mark_used(self, namespace: str, keys: Iterable[str]) -> None:
        """Keep these entries when the build prunes what it did not use."""
        self._used.setdefault(namespace, set()).update(keys)

    def put_many(self, namespace: str, items: Mapping[str, Any]) -> None:
        self.put_pickled(namespace, {key: pickle.dumps(value, protocol=5) for key, value in items.items()})

    def put_pickled(self, namespace: str, items: Mapping[str, bytes]) -> None:
        """Store values already pickled (with protocol 5), in a thread of their own."""
        self._used.setdefault(namespace, set()).update(items)
        self._wait()
        if self._db is None or not items:
            return
        rows = [(namespace, key, value) for key, value in items.items()]
        self._writer = threading.Thread(target=self._write, args=(self._db, rows), daemon=True)
        self._writer.start()

    def _write(self, db: sqlite3.Connection, rows: list[tuple[str, str, bytes]]) -> None:
        try:
            db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", rows)
        except sqlite3.DatabaseError:
            self._write_failed = True

    def _wait(self) -> None:
        """Let the values being stored be stored; give the cache up if that failed."""
        if self._writer is not None:
            self._writer.join()
            self._writer = None
        if self._write_failed:
            self._write_failed = False
            self._give_up()

    def drop(self, namespace: str) -> None:
        """Forget a whole namespace."""
        self._execute("DELETE FROM entries WHERE namespace = ?", (namespace,))

    def rename(self, old: str, new: str) -> None:
        """Replace namespace `new` with the entries of `old`."""
        self.drop(new)
        self._execute("UPDATE entries SET namespace = ? WHERE namespace = ?", (new, old))
        self._used[new] = self._used.pop(old, set())

    def _execute(self, statement: str, parameters: tuple[str, ...]) -> None:
        self._wait()
        if self._db is None:
            return
        try:
            self._db.execute(statement, parameters)
        except sqlite3.DatabaseError:
            self._give_up()

    def finish(self, *, prune: bool) -> None:
        """Save what this build added; with `prune`, forget what it did not use in the namespaces it used."""
        self._wait()
        if self._db is None:
            return
        try:
            if prune:
                self._db.execute("CREATE TEMP TABLE used (namespace TEXT, key TEXT, PRIMARY KEY (namespace, key))")
                for namespace, keys in self._used.items():
                    self._db.executemany("INSERT INTO used VALUES (?, ?)", ((namespace, k) for k in keys))
                    self._db.execute(
                        "DELETE FROM entries WHERE namespace = ? "
                        "AND key NOT IN (SELECT key FROM used WHERE namespace = ?)",
                        (namespace, namespace),
                    )
                self._db.execute("DROP TABLE used")
            self._db.execute("COMMIT")
        except sqlite3.DatabaseError:
            pass
        self.close()

    def close(self) -> None:
        if self._writer is not None:
            self._writer.join()
            self._writer = None
        if self._db is not None:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            self._db.close()
            self._db = None

    def _give_up(self) -> None:
        """The cache cannot be read or written: carry on without it."""
        try:
            self.close()
        except sqlite3.DatabaseError:
            self._db = None
