"""Write the site into a staging folder beside the output, and swap it in on success."""

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
    """A temporary folder next to `out` that becomes `out` on commit.

    A writer that refuses to write one path twice, as two pages with the
    same URL would silently overwrite each other.
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        out.parent.mkdir(parents=True, exist_ok=True)
        self.root = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
        self.written: set[str] = set()
        self.count = 0

    def _target(self, relative: str) -> Path:
        if relative in self.written:
            raise RuntimeError(f"two outputs for one path: {relative}")
        self.written.add(relative)
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def write(self, relative: str, data: str | bytes) -> None:
        target = self._target(relative)
        if isinstance(data, str):
            data = data.encode("utf-8")
        target.write_bytes(data)
        self.count += 1

    def copy(self, source: Path, relative: str) -> None:
        shutil.copyfile(source, self._target(relative))
        self.count += 1

    def commit(self) -> None:
        """Swap the staged folder in; the previous output is removed only after."""
        os.chmod(self.root, 0o755)  # mkdtemp makes it private; web servers must read it
        previous = None
        if self.out.exists():
            previous = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.old-", dir=self.out.parent))
            os.rename(self.out, previous / "site")
        os.rename(self.root, self.out)
        if previous is not None:
            shutil.rmtree(previous)

    def discard(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
