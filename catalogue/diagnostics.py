"""Diagnostics are data: every stage appends to a Report and keeps going."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from catalogue.messages import diagnostic_text

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the content, at a file and line."""

    path: str
    line: int
    level: Level
    code: str
    args: tuple[tuple[str, str], ...] = ()

    def message(self, lang: str) -> str:
        return diagnostic_text(self.code, lang, dict(self.args))

    def format(self, lang: str) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message(lang)}"

    def annotation(self, lang: str) -> str:
        """The GitHub Actions workflow command for this diagnostic."""
        text = _escape_annotation(self.message(lang))
        path = _escape_annotation(self.path, prop=True)
        return f"::{self.level} file={path},line={self.line}::{text}"


def _escape_annotation(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


@dataclass
class Report:
    """Collects the diagnostics of one run."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, path: str, line: int, code: str, **args: object) -> None:
        self.add(path, line, "error", code, args)

    def warning(self, path: str, line: int, code: str, **args: object) -> None:
        self.add(path, line, "warning", code, args)

    def add(self, path: str, line: int, level: Level, code: str, args: dict[str, object]) -> None:
        frozen = tuple(sorted((k, str(v)) for k, v in args.items()))
        self.items.append(Diagnostic(path, max(line, 1), level, code, frozen))

    def extend(self, other: Report) -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.level == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.level == "warning"]

    def failed(self, *, strict: bool) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))

    def sorted(self) -> list[Diagnostic]:
        """Diagnostics in a stable order: by file, then line, then code."""
        unique = dict.fromkeys(self.items)
        return sorted(unique, key=lambda d: (d.path, d.line, d.level, d.code, d.args))
