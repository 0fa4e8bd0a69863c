"""Internal link checking: every href and src in the output resolves to a file, every #fragment to an id.

Pages are scanned in memory as they are rendered, and the targets resolved
once at the end against the set of files the build wrote. The scan is a
regular expression, not an HTML parser: Jinja and Python-Markdown write every
attribute as ` name="value"`, and searching for that literal adds about 3 % to
a build of 10,000 challenges, where html.parser would add half as much again
as the whole build. Raw HTML in Markdown (`allow_html`) may quote differently,
so Markdown bodies are then scanned with a looser pattern.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

_LINK = re.compile(r' (?:href|src)="([^"]*)"')
_ID = re.compile(r' id="([^"]*)"')
_META_URL = re.compile(r' content="(https?://[^"]*)"')  # og:url, og:image
_RAW_ATTRIBUTE = re.compile(r"""\s(href|src|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)
_HTML = (".html", ".htm")
# A path with nothing to decode or normalise: no query, fragment, escapes, dot segments or doubled slashes.
_PLAIN_PATH = re.compile(r"(?:[^?#%/.]|\.(?!\.?/|\.?\Z)|/(?!/))*")


@dataclass(frozen=True)
class Broken:
    """A link whose target is missing. `source` is the content file when the link came from its Markdown body."""

    page: str  # the output file it was first found in
    url: str  # as written in the page, entities decoded
    anchor: bool  # the file exists but has no element with the fragment's id
    source: str | None
    template: str | None


class _Origin(NamedTuple):
    """Who wrote a link: a content file's Markdown, or else the page's template (hashed in C, unlike a dataclass)."""

    source: str | None
    template: str | None


class PageLinks(NamedTuple):
    """The links of one output file: per origin, the URLs to other files and the missing same-page fragments."""

    groups: tuple[tuple[_Origin, frozenset[str], tuple[str, ...]], ...]


class LinkChecker:
    """Collects the links of each output file as it is written; `broken()` resolves them all at the end."""

    def __init__(self, base_url: str, *, raw_html: bool = False) -> None:
        parts = urlsplit(base_url)
        self.netloc = parts.netloc
        self.base_path = parts.path if parts.path.endswith("/") else parts.path + "/"
        self.root = f"{parts.scheme}://{parts.netloc}{self.base_path}"
        self.raw_html = raw_html
        # (file, fragment) → the first page and URL that asked for it, per origin
        self._wanted: dict[tuple[str, str], dict[_Origin, tuple[str, str]]] = {}
        # Root-relative and absolute URLs resolve alike on every page: each is resolved once,
        # and recorded once per origin.
        self._resolved: dict[str, tuple[str, str] | None] = {}
        self._seen: dict[_Origin, set[str]] = {}
        self._broken: list[Broken] = []

    def scan(
        self, path: str, text: str, *, body: str | None = None, source: str | None = None, template: str | None = None
    ) -> None:
        """Record the links of one output file (`path` relative to the site root); see `extract`."""
        self.add(path, self.extract(path, text, body=body, source=source, template=template))

    def extract(
        self, path: str, text: str, *, body: str | None = None, source: str | None = None, template: str | None = None
    ) -> PageLinks:
        """The links of one output file, grouped by who wrote them; needs no state, so a worker can do it.

        `body` is the Markdown HTML embedded in it, written by the content file `source`;
        `template` is the template that made the page.
        """
        found = set(_LINK.findall(text))
        head_end = text.find("</head>")
        if head_end >= 0:
            found.update(_META_URL.findall(text, 0, head_end))
        groups = []
        if body:
            # What the body holds is the Markdown's (a URL also in the template is checked once, as the
            # Markdown's), and a match outside a tag there is text that only looks like an attribute.
            in_body = set(_LINK.findall(body))
            found -= in_body
            if in_body or self.raw_html:
                written = markdown_links(body, raw_html=self.raw_html)
                groups.append(self._group(text, written, _Origin(source, template)))
        groups.append(self._group(text, found, _Origin(None, template)))
        return PageLinks(tuple(groups))

    def add(self, path: str, links: PageLinks) -> None:
        """Take in the links `extract` found in the file `path`; pages must come in the order they are built."""
        for origin, targets, missing in links.groups:
            self._broken.extend(Broken(path, url, True, origin.source, origin.template) for url in missing)
            seen = self._seen.setdefault(origin, set())
            for raw in targets - seen:
                url = html.unescape(raw) if "&" in raw else raw
                if url.startswith("/") or "//" in url:
                    seen.add(raw)
                    if url not in self._resolved:
                        self._resolved[url] = self._resolve(url, path)
                    target = self._resolved[url]
                else:
                    target = self._resolve(url, path)
                if target is not None:
                    self._wanted.setdefault(target, {}).setdefault(origin, (path, url))

    def broken(self, files: Collection[str], read: Callable[[str], str]) -> list[Broken]:
        """Every link whose file is not among `files` (paths relative to the site root), or whose id is missing.

        `read` gives the text of an output file, for the ids of pages that other pages link into.
        """
        found = list(self._broken)
        for (file, fragment), wanted in self._wanted.items():
            target = file if file in files else _folder_index(file) if _folder_index(file) in files else None
            anchor = target is not None and bool(fragment) and target.endswith(_HTML)
            anchor = anchor and not self._has_id(read(str(target)), fragment)
            if target is None or anchor:
                found.extend(Broken(page, url, anchor, o.source, o.template) for o, (page, url) in wanted.items())
        return sorted(found, key=lambda b: (b.page, b.url, b.source or "", b.template or ""))

    def _group(self, text: str, found: set[str], origin: _Origin) -> tuple[_Origin, frozenset[str], tuple[str, ...]]:
        """Links to other files, and the same-page #fragments with no element of that id."""
        targets, missing = set(), []
        for raw in found:
            url = html.unescape(raw) if "&" in raw else raw
            if not url.startswith("#"):
                targets.add(raw)
            elif (fragment := unquote(url[1:])) and not self._has_id(text, fragment):
                missing.append(url)
        return origin, frozenset(targets), tuple(sorted(missing))

    def _has_id(self, text: str, fragment: str) -> bool:
        """Whether an element of the page has this id: a plain search first, which finds nearly every one."""
        return f' id="{fragment}"' in text or fragment in ids_in(text, raw_html=self.raw_html)

    def _resolve(self, url: str, page: str) -> tuple[str, str] | None:
        """The (file, fragment) an internal URL points to; None for other hosts and schemes."""
        if url.startswith(self.root):
            url = url[len(self.root) - len(self.base_path) :]
        if url.startswith(self.base_path) and _PLAIN_PATH.fullmatch(url):  # most links: nothing to parse
            file = url[len(self.base_path) :]
            return (file + "index.html" if file == "" or file.endswith("/") else file), ""
        parts = urlsplit(url)
        if parts.scheme not in ("", "http", "https"):
            return None
        path = unquote(parts.path)
        if parts.netloc:
            if parts.netloc != self.netloc or not path.startswith(self.base_path):
                return None  # another site, or another part of this host such as the city's homepage
        elif not path:
            path = self.base_path + page  # "?query" or "" is the page itself
        elif not path.startswith("/"):
            path = posixpath.join(self.base_path + posixpath.dirname(page), path)
        folder = path.endswith("/")
        path = posixpath.normpath(path)
        if folder or path + "/" == self.base_path:
            path = path.rstrip("/") + "/"
        if not path.startswith(self.base_path):
            return path, ""  # outside the site: files are relative, so no file has this absolute name
        file = path[len(self.base_path) :]
        return (file + "index.html" if file == "" or file.endswith("/") else file), unquote(parts.fragment)


def markdown_links(text: str, *, raw_html: bool = False) -> set[str]:
    """The href and src values in Markdown HTML, as written.

    Python-Markdown leaves `"` unescaped in text, so a match counts only inside a tag.
    """
    if raw_html:
        matches = [(m.start(), m.group(1).lower(), _value(m)) for m in _RAW_ATTRIBUTE.finditer(text)]
    else:
        matches = [(m.start(), "href", m.group(1)) for m in _LINK.finditer(text)]
    return {
        value
        for position, name, value in matches
        if name != "id" and text.rfind("<", 0, position) > text.rfind(">", 0, position)
    }


def ids_in(text: str, *, raw_html: bool = False) -> set[str]:
    """The ids of the elements of an output file, entities decoded."""
    found = {html.unescape(value) for value in _ID.findall(text)}
    if raw_html:
        found.update(html.unescape(_value(m)) for m in _RAW_ATTRIBUTE.finditer(text) if m.group(1).lower() == "id")
    return found


def _value(match: re.Match[str]) -> str:
    return match.group(2) or match.group(3) or match.group(4) or ""


def _folder_index(file: str) -> str:
    """A link to a folder without its trailing slash is answered with the folder's index.html."""
    return file + "/index.html"
