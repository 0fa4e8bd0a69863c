"""Markdown bodies to HTML: one configured Python-Markdown, reused for every document."""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

import markdown
from markdown import util
from markdown.extensions import Extension
from markdown.extensions.tables import TableProcessor
from markdown.extensions.toc import (
    TocExtension,
    TocTreeprocessor,
    remove_fnrefs,
    render_inner_html,
    slugify_unicode,
    strip_tags,
    unique,
)
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import InlineProcessor, Treeprocessor, UnescapeTreeprocessor

from catalogue.urls import is_external

DANGEROUS_SCHEMES = ("javascript", "vbscript", "data")
# Python-Markdown's time grows steeply with nesting (2,000 nested list levels take minutes),
# so bodies nested deeper than any real document are refused before conversion.
MAX_NESTING = 32
_DEEP_INDENT = " " * (2 * MAX_NESTING + 2)  # the least indentation of a list item nested too deep
_QUOTE_PREFIX = re.compile(r"^[ >]*")
_CJK = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])\n(?=[{_CJK}])")
_LIST_ITEM = re.compile(r"^( *)(?:[-*+]|\d+[.)]) +\S")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_FENCE_OR_LIST_START = " `~-*+"  # and digits
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
# Characters browsers strip from a URL before reading its scheme.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
# _QuickInline, _QuickTable, _QuickUnescape and _HeadingIds skip work that cannot change the output, as read in
# this version's source; with another version of Python-Markdown its own processors run unchanged.
_SHORTCUTS = markdown.__version_info__[:2] == (3, 11)
# Pure, and bodies repeat the same few headings.
_slugify = functools.lru_cache(maxsize=4096)(slugify_unicode)
# Text that every match of each inline pattern contains (em_strong: any of its delimiter tokens).
_INLINE_NEEDLES = {
    "backtick": "`",
    "escape": "\\",
    "reference": "[",
    "link": "[",
    "image_link": "![",
    "image_reference": "![",
    "short_reference": "[",
    "short_image_ref": "![",
    "autolink": "<",
    "automail": "<",
    "linebreak": "  \n",
    "html": "<",
    "entity": "&",
}
# Heading text without these serialises to itself, so its toc name is just its words.
_MARKUP_IN_HEADING = re.compile(f"[&<>{util.STX}{util.ETX}]")


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
            if not line:
                out.append(line)
                continue
            if _is_prose(line):
                indents = []
                out.append(line)
                continue
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


def _is_prose(line: str) -> bool:
    """A line starting with something no fence, list item or indented line starts with (the common case)."""
    head = line[:1]
    return not (head in _FENCE_OR_LIST_START or head.isdecimal() or head.isspace())


class _Tidy(Treeprocessor):
    """Checks links, marks external ones, evens out heading levels, joins Japanese lines."""

    def __init__(self, md: markdown.Markdown, renderer: MarkdownRenderer) -> None:
        super().__init__(md)
        self.renderer = renderer

    def run(self, root: etree.Element) -> None:
        previous = 1
        for element in root.iter():
            tag = element.tag
            if tag in _HEADINGS:
                # The page title is the only h1; body headings start at h2 and never skip a level.
                level = min(max(int(tag[1]), 2), previous + 1)
                element.tag = f"h{level}"
                previous = level
            elif tag == "a":
                self._link(element, "href")
            elif tag == "img":
                self._link(element, "src")
            # Only a line break after a first character can sit between two Japanese characters.
            if element.text and element.text.find("\n", 1) > 0 and tag not in ("pre", "code"):
                element.text = _CJK_BREAK.sub("", element.text)
            if element.tail and element.tail.find("\n", 1) > 0:
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


class _QuickInline(InlineProcessor):
    """Python-Markdown's inline processor, minus trying each pattern on text none of them can match.

    Most text in a body is plain Japanese prose; for it every pattern's search fails and the
    text comes back unchanged, so it is returned at once.
    """

    @functools.cached_property
    def needles(self) -> re.Pattern[str] | None:
        """Computed at the first document, when every extension has registered its patterns."""
        return _inline_needles(self.md)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        # Overrides the private `__handleInline`; were it renamed, this would simply go unused.
        if self.needles is not None and self.needles.search(data) is None:
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)


def _inline_needles(md: markdown.Markdown) -> re.Pattern[str] | None:
    """Text without a match here is left as it is by every inline pattern; None if a pattern is unknown."""
    patterns = md.inlinePatterns
    known = [name for name in (*_INLINE_NEEDLES, "em_strong") if name in patterns]
    if len(known) != len(patterns):
        return None
    needles = {_INLINE_NEEDLES[name] for name in known if name != "em_strong"}
    if "em_strong" in patterns:
        needles.update(patterns["em_strong"].tokens)
    return re.compile("|".join(map(re.escape, sorted(needles))))


class _HeadingIds(TocTreeprocessor):
    """The toc extension's heading ids, without the table of contents that no page shows.

    The extension also renders every heading to HTML, builds and serialises the contents and
    looks for its `[TOC]` marker. This assigns the same ids (same slugs, same `_1` suffixes) and
    hands over to the extension whenever the marker or heading attributes are present.
    """

    def run(self, doc: etree.Element) -> None:
        if not _SHORTCUTS or self.use_anchors or self.use_permalinks:
            return super().run(doc)
        used_ids: set[str] = set()
        headings = []
        for element in doc.iter():
            if "id" in element.attrib:
                used_ids.add(element.attrib["id"])
            if isinstance(element.tag, str) and self.header_rgx.match(element.tag):
                headings.append(element)
            elif self.marker and element.text and self.marker in element.text:
                return super().run(doc)
        if any(heading.attrib for heading in headings):
            return super().run(doc)
        counters: dict[str, int] = {}
        for heading in headings:
            self.set_level(heading)
            slug = self.slugify(html.unescape(self._name(heading)), self.sep)
            heading.attrib["id"] = unique(slug, used_ids, counters)
        return None

    def _name(self, heading: etree.Element) -> str:
        """The heading's text as the extension computes it; plain text skips the rendering."""
        text = heading.text or ""
        if len(heading) or _MARKUP_IN_HEADING.search(text) or util.STX in (heading.tail or ""):
            return strip_tags(render_inner_html(remove_fnrefs(heading), self.md))
        return " ".join(text.split())


class _QuickTable(TableProcessor):
    """The tables extension's block test, answered at once for blocks without a `|` (never a table)."""

    def test(self, parent: etree.Element, block: str) -> bool:
        return "|" in block and super().test(parent, block)


class _QuickUnescape(UnescapeTreeprocessor):
    """Python-Markdown's restoring of backslash-escaped characters, skipping text that has none."""

    def unescape(self, text: str) -> str:
        return super().unescape(text) if util.STX in text else text


class _Toc(TocExtension):
    TreeProcessorClass = _HeadingIds


class _Catalogue(Extension):
    def __init__(self, renderer: MarkdownRenderer) -> None:
        super().__init__()
        self.renderer = renderer

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Python-Markdown's API
        md.preprocessors.register(_JapaneseLists(md), "japanese_lists", 35)
        if _SHORTCUTS:
            md.treeprocessors.register(_QuickInline(md), "inline", 20)
            table = md.parser.blockprocessors["table"]
            md.parser.blockprocessors.register(_QuickTable(md.parser, table.config), "table", 75)  # as the extension
            md.treeprocessors.register(_QuickUnescape(md), "unescape", 0)
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
                _Toc(slugify=_slugify, toc_depth="2-3"),
                _Catalogue(self),
            ],
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
    if body.count(">") <= MAX_NESTING and body.count("[") <= MAX_NESTING and _DEEP_INDENT not in body:
        return None  # too few quote marks, brackets or spaces to nest that deep anywhere
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
