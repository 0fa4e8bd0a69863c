"""Every internal link and asset reference resolves, at the domain root and under a sub-path.

Each build checks its own links (catalogue/linkcheck.py); these tests also run
the same checker over a finished site on disk, and break links on purpose.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.cli import main
from catalogue.linkcheck import LinkChecker
from tests.conftest import CHALLENGE, REPO, TODAY, Project, files_of
from tests.diagnostic_cases import CH


def broken_links(site: Path, base_url: str) -> list[str]:
    """Internal URLs in a built site's HTML and XML files that point to no file, or to a missing #id."""
    checker = LinkChecker(base_url, raw_html=True)
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    for name in sorted(files):
        if name.endswith((".html", ".xml")):
            text = (site / name).read_text(encoding="utf-8")
            checker.scan(name, text, body=text)  # as Markdown: every attribute, however it is quoted
    found = checker.broken(files, lambda name: (site / name).read_text(encoding="utf-8"))
    return [f"{b.page}: {b.url}" + (" (no such id)" if b.anchor else "") for b in found]


@pytest.mark.parametrize("base_url", ["https://desk.example.jp/", "https://www.city.example.jp/kouminrenkei/"])
def test_sample_site_has_no_broken_internal_link(tmp_path: Path, capsys, base_url: str) -> None:
    out = tmp_path / "site"
    code = main(["build", "--out", str(out), "--base-url", base_url, "--today", TODAY], project=REPO)
    assert code == 0, capsys.readouterr().err
    assert broken_links(out, base_url) == []
    assert len(list(out.rglob("*.html"))) > 40


def test_link_checker_finds_missing_files_and_ids(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<a href="/sub/missing/">x</a><a href="#nope">y</a><a href="/sub/#top">z</a><p id="top"></p>'
        "<a href='/sub/quoted.html'>q</a><a href=/sub/bare.css>b</a><a href=\"/elsewhere/\">o</a>",
        encoding="utf-8",
    )
    assert broken_links(tmp_path, "https://example.jp/sub/") == [
        "index.html: #nope (no such id)",
        "index.html: /elsewhere/",
        "index.html: /sub/bare.css",
        "index.html: /sub/missing/",
        "index.html: /sub/quoted.html",
    ]


def test_link_checker_leaves_other_sites_and_the_rest_of_the_host_alone(tmp_path: Path) -> None:
    (tmp_path / "about").mkdir()
    (tmp_path / "about/index.html").write_text('<h2 id="contact">連絡先</h2>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="https://other.example.com/x/">other host</a>'
        '<a href="https://example.jp/soshiki/">the city homepage</a>'
        '<a href="https://example.jp/sub/about/#contact">own page, absolute</a>'
        '<a href="about">folder without slash</a><a href="./about/#contact">relative</a>'
        '<a href="mailto:desk@example.jp">mail</a><a href="tel:0000">phone</a>'
        '<pre>&lt;a href="/sub/not-a-link/"&gt;</pre><p>text that reads like one: href="/sub/nor-this/"</p>',
        encoding="utf-8",
    )
    assert broken_links(tmp_path, "https://example.jp/sub/") == []


def _scan(checker: LinkChecker, pages: dict[str, str], **origin: str) -> list[str]:
    for name, text in pages.items():
        checker.scan(name, text, **origin)
    return sorted(f"{b.url} {b.source} {b.template}" for b in checker.broken(set(pages), pages.__getitem__))


def test_links_from_a_markdown_body_are_told_apart_from_the_template_around_it() -> None:
    body = '<p><a href="/gone/">資料</a></p>'
    page = f'<html><head></head><body><a href="/missing/">menu</a><main>{body}</main></body></html>'
    checker = LinkChecker("https://example.jp/")
    assert _scan(checker, {"a/index.html": page}, body=body, source="content/a.md", template="page.html") == [
        "/gone/ content/a.md page.html",
        "/missing/ None page.html",
    ]


def test_broken_markdown_link_fails_the_build_keeps_the_previous_site_and_names_the_line(
    project: Project, capsys
) -> None:
    assert project.run(capsys, "build").code == 0
    before = files_of(project.root / "site")
    project.write(CH, CHALLENGE + "\n前回の[調査結果](/challenges/gomi/survey.pdf)と[デスク](/about/#desk)。\n")
    result = project.run(capsys, "build")
    assert result.code == 1
    assert result.lines == [
        "content/challenges/gomi.md:15: error: リンク先「/about/#desk」のページに id「desk」の箇所がありません。"
        "「#」のあとを見出しの id に合わせてください",
        "content/challenges/gomi.md:15: error: リンク先「/challenges/gomi/survey.pdf」はこのサイトにありません。"
        "リンク先のページのアドレス（ファイル名）を確かめてください",
    ]
    assert files_of(project.root / "site") == before
    assert sorted(p.name for p in project.root.iterdir()) == [".cache", "content", "site", "static", "templates"]


def test_broken_link_under_a_sub_path_is_shown_as_written_in_markdown(project: Project, capsys) -> None:
    project.write(CH, CHALLENGE + "\n[一覧](/challenge/)\n")
    result = project.run(capsys, "build", "--base-url", "https://example.jp/city/desk/")
    assert result.code == 1
    assert result.lines == [
        "content/challenges/gomi.md:15: error: リンク先「/challenge/」はこのサイトにありません。"
        "リンク先のページのアドレス（ファイル名）を確かめてください"
    ]


def test_markdown_links_to_attachments_headings_and_pages_pass(project: Project, capsys) -> None:
    (project.root / "content/challenges/gomi-plan.pdf").write_bytes(b"%PDF-1.4\n")
    text = CHALLENGE.replace(
        "published: 2026-04-01\n", "published: 2026-04-01\nattachments:\n  - title: 計画\n    path: gomi-plan.pdf\n"
    )
    project.write(CH, text + "\n[計画](gomi-plan.pdf)、[背景](#背景)、[一覧](/challenges/)、[デスク](../../about/)\n")
    result = project.run(capsys, "build", "--base-url", "https://example.jp/city/")
    assert (result.code, result.err) == (0, "")


def test_raw_html_links_are_checked_however_they_are_quoted(project: Project, capsys) -> None:
    project.edit("content/site.yaml", "organization:", "allow_html: true\norganization:")
    project.write(CH, CHALLENGE + "\n<p><a href='/nowhere/'>どこにもない</a></p>\n")
    result = project.run(capsys, "build")
    assert result.code == 1
    assert result.lines[0].startswith("content/challenges/gomi.md:15: error: リンク先「/nowhere/」")


def test_root_relative_markdown_links_follow_the_sub_path(project: Project, capsys) -> None:
    project.edit("content/pages/about.md", "公民連携デスクの紹介です。", "[課題一覧](/challenges/)をご覧ください。")
    result = project.run(capsys, "build", "--base-url", "https://example.jp/city/desk/")
    assert result.code == 0
    html = (project.root / "site/about/index.html").read_text(encoding="utf-8")
    assert '<a href="/city/desk/challenges/">課題一覧</a>' in html
    assert broken_links(project.root / "site", "https://example.jp/city/desk/") == []


def test_broken_link_in_a_shared_template_is_reported_once_at_its_line(project: Project, capsys) -> None:
    project.edit("templates/partials/footer.html", "</ul>", "<li><a href=\"{{ url('help/') }}\">ヘルプ</a></li>\n</ul>")
    line = next(
        n
        for n, text in enumerate((project.root / "templates/partials/footer.html").read_text().splitlines(), 1)
        if "help/" in text
    )
    result = project.run(capsys, "build")
    assert result.code == 1
    assert result.lines == [
        f"templates/partials/footer.html:{line}: error: "
        "テンプレートのリンク先「/help/」はこのサイトにありません（/404.html ほか）"
    ]
