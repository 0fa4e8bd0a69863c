"""Markdown bodies to HTML: one configured Python-Markdown, reused for every document."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

import markdown
from markdown.extensions import Extension
from markdown.extensions.toc import slugify_unicode
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from catalogue.urls import is_external

DANGEROUS_SCHEMES = ("javascript", "vbscript", "data")
# Python-Markdown's time grows steeply with nesting (2,000 nested list levels take minutes),
# so bodies nested deeper than any real document are refused before conversion.
MAX_NESTING = 32
_QUOTE_PREFIX = re.compile(r"^[ >]*")
_CJK = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])\n(?=[{_CJK}])")
_LIST_ITEM = re.compile(r"^( *)(?:[-*+]|\d+[.)]) +\S")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
# Characters browsers strip from a URL before reading its scheme.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True)
class Problem:
    """A content error found in a body: a diagnostic code, the file line and arguments."""

    line: int
    code: str
    args: dict[str, str]


@dataclass
class Rendered:
    html: str
    problems: list[Problem] = field(default_factory=list)


class _JapaneseLists(Preprocessor):
    """Lists as Japanese editors write them: straight after a paragraph line, nested by two spaces."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        indents: list[int] = []  # indentation of each open list level, as written
        fenced = False
        for line in lines:
            if _FENCE.match(line):
                fenced = not fenced
            match = None if fenced else _LIST_ITEM.match(line)
            if not match:
                if not line.strip():
                    pass
                elif not line.startswith(" "):
                    indents = []
                out.append(line)
                continue
            indent = len(match.group(1))
            while indents and indent < indents[-1]:
                indents.pop()
            if not indents or indent > indents[-1]:
                indents.append(indent)
            if out and out[-1].strip() and not _LIST_ITEM.match(out[-1]) and len(indents) == 1:
                out.append("")  # Python-Markdown needs a blank line before a list
            out.append("    " * (len(indents) - 1) + line.lstrip(" "))
        return out


class _Tidy(Treeprocessor):
    """Checks links, marks external ones, evens out heading levels, joins Japanese lines."""

    def __init__(self, md: markdown.Markdown, renderer: MarkdownRenderer) -> None:
        super().__init__(md)
        self.renderer = renderer

    def run(self, root: etree.Element) -> None:
        previous = 1
        for element in root.iter():
            if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                # The page title is the only h1; body headings start at h2 and never skip a level.
                level = min(max(int(element.tag[1]), 2), previous + 1)
                element.tag = f"h{level}"
                previous = level
            elif element.tag == "a":
                self._link(element, "href")
            elif element.tag == "img":
                self._link(element, "src")
            if element.text and element.tag not in ("pre", "code"):
                element.text = _CJK_BREAK.sub("", element.text)
            if element.tail:
                element.tail = _CJK_BREAK.sub("", element.tail)

    def _link(self, element: etree.Element, attribute: str) -> None:
        url = element.get(attribute, "")
        scheme = _scheme(url)
        if scheme in DANGEROUS_SCHEMES:
            self.renderer.found_dangerous(url, scheme)
            element.set(attribute, "#")
        elif url.startswith("/") and not url.startswith("//"):
            element.set(attribute, self.renderer.base_path + url.lstrip("/"))
        elif element.tag == "a" and is_external(url, self.renderer.host):
            element.set("class", "external")
            element.set("rel", "external noopener")
            hint = etree.SubElement(element, "span", {"class": "visually-hidden"})
            hint.text = self.renderer.external_label


class _Catalogue(Extension):
    def __init__(self, renderer: MarkdownRenderer) -> None:
        super().__init__()
        self.renderer = renderer

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        md.preprocessors.register(_JapaneseLists(md), "japanese_lists", 35)
        md.treeprocessors.register(_Tidy(md, self.renderer), "catalogue_tidy", 10)
        if not self.renderer.allow_html:
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")


class MarkdownRenderer:
    """Renders bodies with the site's settings. Not thread-safe: one per process."""

    def __init__(self, *, base_path: str, host: str | None, allow_html: bool, external_label: str) -> None:
        self.base_path = base_path
        self.host = host
        self.allow_html = allow_html
        self.external_label = external_label
        self._dangerous: list[tuple[str, str]] = []
        self._md = markdown.Markdown(
            extensions=[
                "tables",
                "fenced_code",
                "sane_lists",
                "toc",
                _Catalogue(self),
            ],
            extension_configs={"toc": {"slugify": slugify_unicode, "toc_depth": "2-3"}},
            output_format="html",
        )

    def found_dangerous(self, url: str, scheme: str) -> None:
        self._dangerous.append((url, scheme))

    def render(self, body: str, first_line: int) -> Rendered:
        """HTML for one body; `first_line` is the file line the body starts on."""
        deep = _too_deep(body)
        if deep is not None:
            return Rendered("", [Problem(first_line + deep, "markdown_too_deep", {"limit": str(MAX_NESTING)})])
        self._dangerous = []
        self._md.reset()
        try:
            html = self._md.convert(body)
        except RecursionError:
            return Rendered("", [Problem(first_line, "markdown_too_deep", {"limit": str(MAX_NESTING)})])
        problems = [
            Problem(
                _line_of(body, url, first_line), "link_scheme", {"scheme": scheme, "url": " ".join(url.split())[:60]}
            )
            for url, scheme in self._dangerous
        ]
        return Rendered(html, problems)


def _too_deep(body: str) -> int | None:
    """The 0-based line where quotes, list indentation or brackets nest past MAX_NESTING."""
    brackets = 0
    for number, line in enumerate(body.splitlines()):
        if not line.strip():
            brackets = 0
            continue
        quotes = _QUOTE_PREFIX.match(line).group().count(">")  # type: ignore[union-attr]
        indent = len(line) - len(line.lstrip(" "))
        list_depth = indent // 2 if _LIST_ITEM.match(line) else 0
        if max(quotes, list_depth) > MAX_NESTING:
            return number
        for char in line if "[" in line else ():
            brackets += (char == "[") - (char == "]")
            if brackets > MAX_NESTING:
                return number
    return None


def _scheme(url: str) -> str:
    cleaned = _URL_NOISE.sub("", url).lower()
    return cleaned.split(":", 1)[0] if ":" in cleaned else ""


def _line_of(body: str, url: str, first_line: int) -> int:
    """The file line a link target was written on (the body's first line if it cannot be found)."""
    needle = url.strip()[:40]
    index = body.find(needle) if needle else -1
    if index < 0:
        index = body.lower().find(_scheme(url) + ":")
    return first_line + (body.count("\n", 0, index) if index >= 0 else 0)
