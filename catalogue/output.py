"""Write the site into a staging folder beside the output, and put it in place on success.

A build that rewrites most files swaps the whole staged folder in. A build
that keeps most files from the previous output (a warm or incremental
build) stages only the files it wrote, and on success moves them into the
output folder and deletes what the build no longer has: the same files
either way, without copying or deleting tens of thousands of unchanged ones.
Nothing in the output folder changes before the build has succeeded.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


class UnsafeOutput(Exception):
    """The output folder would overwrite something that is not a build output."""

    def __init__(self, code: str, path: Path) -> None:
        super().__init__(code)
        self.code = code
        self.path = path


def check_output(out: Path, project: Path, sources: list[Path]) -> None:
    """Refuse an output folder that the swap would destroy something in.

    That is `/`, a home folder, the project or any folder containing them, and
    the source folders (content, templates, static) and anything inside them.
    """
    target = Path(os.path.realpath(out))
    homes = {Path(os.path.realpath(Path.home()))}
    if Path("/home").is_dir():
        homes.update(Path(os.path.realpath(p)) for p in Path("/home").iterdir())
    for folder in [Path("/"), *homes, Path(os.path.realpath(project))]:
        if folder.is_relative_to(target):
            raise UnsafeOutput("out_unsafe", out)
    for folder in (Path(os.path.realpath(p)) for p in sources):
        if folder.is_relative_to(target) or target.is_relative_to(folder):
            raise UnsafeOutput("out_unsafe", out)
    if target.exists() and not target.is_dir():
        raise UnsafeOutput("out_not_folder", out)


class Staging:
    """A temporary folder next to `out` that holds what the build writes until `commit`.

    A writer that refuses to write one path twice, as two pages with the
    same URL would silently overwrite each other.
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        out.parent.mkdir(parents=True, exist_ok=True)
        self.root = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
        self.written: set[str] = set()
        self.kept: set[str] = set()  # files left where they are in `out` (in-place updates only)
        self.in_place = False
        self.count = 0
        self._folders: set[str] = set()  # folders of `root` made by this process

    def update_in_place(self) -> None:
        """Keep unchanged files where they are and move only new ones in; call before anything is kept."""
        assert not self.kept
        self.in_place = self.out.is_dir()

    def claim(self, relative: str) -> None:
        """Reserve `relative` for one output."""
        if relative in self.written:
            raise RuntimeError(f"two outputs for one path: {relative}")
        self.written.add(relative)
        self.count += 1

    def put(self, relative: str, data: str | bytes) -> os.stat_result:
        """Write a claimed path (a worker process may do this); returns the file's status."""
        target = os.path.join(self.root, relative)
        self._folder(os.path.dirname(target))
        _write(target, data.encode("utf-8") if isinstance(data, str) else data)
        return os.stat(target)

    def _folder(self, folder: str) -> None:
        """Make a folder of the staged output and its parents, once per process: thousands of files share each."""
        if folder not in self._folders:
            os.makedirs(folder, exist_ok=True)
            self._folders.add(folder)

    def write(self, relative: str, data: str | bytes) -> None:
        self.claim(relative)
        self.put(relative, data)

    def copy(self, source: Path, relative: str) -> None:
        """Copy a file as it is (an asset, an image, an attachment), keeping its time.

        When updating in place, a copy already there with the same size and time is left as it is.
        """
        self.claim(relative)
        if self.in_place and _same_size_and_time(source, self.out / relative):
            self.kept.add(relative)
            return
        target = os.path.join(self.root, relative)
        self._folder(os.path.dirname(target))
        shutil.copy2(source, target)

    def keep(self, relative: str) -> None:
        """Fill a claimed path with the unchanged file of the previous output."""
        if self.in_place:
            self.kept.add(relative)
            return
        target = os.path.join(self.root, relative)
        self._folder(os.path.dirname(target))
        try:
            os.link(self.out / relative, target)
        except OSError:
            shutil.copy2(self.out / relative, target)

    def read_text(self, relative: str) -> str:
        """A file of the output being built."""
        folder = self.out if relative in self.kept else self.root
        return (folder / relative).read_text(encoding="utf-8")

    def commit(self) -> None:
        """Put the staged output in place; the previous output is removed only after."""
        if self.in_place:
            self._update()
            return
        os.chmod(self.root, 0o755)  # mkdtemp makes it private; web servers must read it
        previous = None
        if self.out.exists():
            previous = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.old-", dir=self.out.parent))
            os.rename(self.out, previous / "site")
        os.rename(self.root, self.out)
        if previous is not None:
            shutil.rmtree(previous)

    def _update(self) -> None:
        """Move the new files in and delete the files this build did not write or keep."""
        for folder, _, files in os.walk(self.out, topdown=False):
            for name in files:
                relative = os.path.relpath(os.path.join(folder, name), self.out).replace(os.sep, "/")
                if relative not in self.kept:
                    os.unlink(os.path.join(folder, name))
            if folder != str(self.out) and not os.listdir(folder):
                os.rmdir(folder)
        for relative in sorted(self.written - self.kept):
            target = self.out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(self.root / relative, target)
        shutil.rmtree(self.root)

    def discard(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def _write(path: str, data: bytes) -> None:
    """A new file with these bytes: one unbuffered write, as the build writes tens of thousands of files."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _same_size_and_time(source: Path, copy: Path) -> bool:
    try:
        a, b = source.stat(), copy.stat()
    except OSError:
        return False
    return a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns
