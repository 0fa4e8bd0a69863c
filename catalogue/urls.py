"""Where every page lives. Paths are relative to the base path and end in `/`."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

# Top-level names the generator owns; a free page may not take them.
RESERVED_SLUGS = frozenset(
    {"assets", "cases", "categories", "challenges", "departments", "opendata", "sdgs", "search", "stats", "status"}
)
PAGE_SIZE = 50


def base_path(base_url: str) -> str:
    """The sub-path a site is served under: `/` or `/kouminrenkei/`."""
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


def home() -> str:
    return ""


def challenges(page: int = 1) -> str:
    return paged("challenges/", page)


def challenge(slug: str) -> str:
    return f"challenges/{slug}/"


def cases(page: int = 1) -> str:
    return paged("cases/", page)


def case(slug: str) -> str:
    return f"cases/{slug}/"


def category(key: str, page: int = 1) -> str:
    return paged(f"categories/{key}/", page)


def categories() -> str:
    return "categories/"


def department(key: str, page: int = 1) -> str:
    return paged(f"departments/{key}/", page)


def departments() -> str:
    return "departments/"


def status(value: str, page: int = 1) -> str:
    return paged(f"status/{value}/", page)


def statuses() -> str:
    return "status/"


def sdg(goal: int, page: int = 1) -> str:
    return paged(f"sdgs/{goal}/", page)


def sdgs() -> str:
    return "sdgs/"


def search() -> str:
    return "search/"


def page(slug: str) -> str:
    return f"{slug}/"


def paged(path: str, number: int) -> str:
    return path if number == 1 else f"{path}page/{number}/"


def output_file(path: str) -> str:
    """The file a URL path is written to: `challenges/x/` → `challenges/x/index.html`."""
    return path + "index.html" if path == "" or path.endswith("/") else path


def is_external(url: str, host: str | None) -> bool:
    """True for a web address on another host than the site's: such links are marked for readers."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and parts.hostname != host


def absolute(base_url: str, path: str) -> str:
    """The canonical URL of a path, percent-encoded."""
    root = base_url if base_url.endswith("/") else base_url + "/"
    return root + quote(path)
