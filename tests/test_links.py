"""Every internal link and asset reference resolves, at the domain root and under a sub-path."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from catalogue.cli import main
from tests.conftest import REPO, TODAY


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if value and (name in ("href", "src") or (tag == "meta" and name == "content" and "://" in value)):
                self.urls.append(value)


def _parse(path: Path) -> _References:
    parser = _References()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(site: Path, base_url: str) -> list[str]:
    """Internal URLs in the built pages that point to no file, or to a missing #id."""
    base = urlsplit(base_url)
    pages = {p: _parse(p) for p in site.rglob("*.html")}
    broken = []
    for page, refs in pages.items():
        for url in refs.urls:
            parts = urlsplit(url)
            if parts.scheme in ("mailto", "tel") or (parts.netloc and parts.netloc != base.netloc):
                continue
            if not parts.path and parts.fragment:
                target = page
            else:
                path = unquote(parts.path)
                if not path.startswith("/"):
                    path = "/" + (page.parent.relative_to(site) / path).as_posix()
                if not path.startswith(base.path):
                    broken.append(f"{page.relative_to(site)}: {url} (outside {base.path})")
                    continue
                target = site / path[len(base.path) :]
                if path.endswith("/") or target.is_dir():
                    target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {url}")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(site)}: {url} (no such id)")
    return broken


@pytest.mark.parametrize("base_url", ["https://desk.example.jp/", "https://www.city.example.jp/kouminrenkei/"])
def test_sample_site_has_no_broken_internal_link(tmp_path: Path, capsys, base_url: str) -> None:
    out = tmp_path / "site"
    code = main(["build", "--out", str(out), "--base-url", base_url, "--today", TODAY], project=REPO)
    assert code == 0, capsys.readouterr().err
    assert broken_links(out, base_url) == []
    assert len(list(out.rglob("*.html"))) > 40


def test_link_checker_finds_a_broken_link(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text('<a href="/sub/missing/">x</a><a href="#nope">y</a>', encoding="utf-8")
    assert broken_links(tmp_path, "https://example.jp/sub/") == [
        "index.html: /sub/missing/",
        "index.html: #nope (no such id)",
    ]


def test_root_relative_markdown_links_follow_the_sub_path(project, capsys) -> None:
    project.edit("content/pages/about.md", "公民連携デスクの紹介です。", "[課題一覧](/challenges/)をご覧ください。")
    result = project.run(capsys, "build", "--base-url", "https://example.jp/city/desk/")
    assert result.code == 0
    html = (project.root / "site/about/index.html").read_text(encoding="utf-8")
    assert '<a href="/city/desk/challenges/">課題一覧</a>' in html
    assert broken_links(project.root / "site", "https://example.jp/city/desk/") == []
