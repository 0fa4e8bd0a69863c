"""Hostile text in every front-matter field comes out inert in every output context."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from tests.conftest import Project

EVIL = """<script>alert(1)</script>"><img src=x onerror=alert(2)>'</script><!--"""
EVIL_YAML = json.dumps(EVIL)  # a double-quoted YAML scalar
EVIL_URL = json.dumps('https://evil.example.com/"onmouseover="alert(3)')
EVIL_EMAIL = json.dumps('x"<b>onclick=alert(4)@evil.example.jp')

CHALLENGE = f"""\
---
title: {EVIL_YAML}
summary: {EVIL_YAML}
department: kankyo
status: open
categories: [environment]
published: 2026-04-01
deadline: 2026-12-31
partner_types: [{EVIL_YAML}]
city_offers: [{EVIL_YAML}]
tags: [{EVIL_YAML}]
history:
  - date: 2026-04-01
    status: open
    note: {EVIL_YAML}
contact:
  name: {EVIL_YAML}
  email: {EVIL_EMAIL}
  phone: {EVIL_YAML}
  url: {EVIL_URL}
---

本文 {EVIL}
"""
CASE = f"""\
---
title: {EVIL_YAML}
summary: {EVIL_YAML}
challenge: gomi
partners:
  - name: {EVIL_YAML}
    url: {EVIL_URL}
    type: {EVIL_YAML}
department: kankyo
categories: [environment]
agreement:
  date: 2026-04-01
  title: {EVIL_YAML}
started: 2025-12-10
realized: 2026-04-15
outcome: {EVIL_YAML}
published: 2026-04-20
---

{EVIL}
"""


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, _ in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
        if tag == "img" and ("src", "x") in attrs:
            self.problems.append("injected <img>")
        if tag == "script":
            if dict(attrs).get("src", "").startswith("/assets/"):
                return  # one of our own script files, loaded by URL
            if ("type", "application/ld+json") not in attrs:
                self.problems.append("executable <script>")
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data

    def handle_comment(self, data: str) -> None:
        self.problems.append("injected comment")


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def test_hostile_front_matter_is_escaped_everywhere(project: Project, capsys) -> None:
    project.write("content/challenges/gomi.md", CHALLENGE)
    project.write("content/cases/gomi-bags.md", CASE)
    project.edit("content/departments.yaml", "name: 環境課", f"name: {EVIL_YAML}")
    project.edit("content/categories.yaml", "name: 環境", f"name: {EVIL_YAML}")
    project.edit("content/site.yaml", "title: テスト市 公民連携デスク", f"title: {EVIL_YAML}")
    result = project.run(capsys, "build")
    assert result.code == 0, result.err
    site = project.root / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        parser = _Page()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.problems == [], page
        for script in parser.scripts:
            data = json.loads(script)  # JSON-LD stays valid JSON, and cannot close its <script>
            assert "</script" not in script.lower()
            if page.parent.name in ("gomi", "gomi-bags"):
                assert EVIL in _strings(data)
    detail = (site / "challenges/gomi/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in detail


def test_raw_html_in_markdown_is_shown_as_text_unless_allowed(project: Project, capsys) -> None:
    body = '<div class="note">注意</div>\n\n本文 <b>強調</b>\n'
    project.write("content/pages/about.md", "---\ntitle: デスク\n---\n\n" + body)
    assert project.run(capsys, "build").code == 0
    escaped = (project.root / "site/about/index.html").read_text(encoding="utf-8")
    assert '<p>&lt;div class="note"&gt;注意&lt;/div&gt;</p>' in escaped
    assert "&lt;b&gt;強調&lt;/b&gt;" in escaped
    project.edit("content/site.yaml", "organization:", "allow_html: true\norganization:")
    assert project.run(capsys, "build").code == 0
    allowed = (project.root / "site/about/index.html").read_text(encoding="utf-8")
    assert '<div class="note">注意</div>' in allowed
    assert "<b>強調</b>" in allowed


def test_dangerous_link_schemes_are_errors_even_with_html_allowed(project: Project, capsys) -> None:
    project.edit("content/site.yaml", "organization:", "allow_html: true\norganization:")
    project.write(
        "content/pages/about.md", "---\ntitle: デスク\n---\n\n[a](vbscript:msgbox)\n\n![b](data:text/html,x)\n"
    )
    result = project.run(capsys, "check")
    assert result.lines == [
        "content/pages/about.md:5: error: vbscript: のリンクは安全のため使えません（vbscript:msgbox）",
        "content/pages/about.md:7: error: data: のリンクは安全のため使えません（data:text/html,x）",
    ]
