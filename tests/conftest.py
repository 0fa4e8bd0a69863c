"""Shared fixtures: a throwaway project with a minimal valid catalogue, and a way to run the command."""

from __future__ import annotations

import re
import shutil
import textwrap
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest

from catalogue.cli import main

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-29"

SITE_YAML = """\
title: テスト市 公民連携デスク
description: テスト市の公民連携の窓口です。
base_url: https://example.jp/
organization: テスト市
municipality_code: "142077"
desk:
  name: 公民連携デスク
  email: desk@example.jp
channels:
  event:
    name: マッチングイベント
"""
DEPARTMENTS_YAML = """\
kankyo:
  name: 環境課
  division: 環境部
  email: kankyo@example.jp
fukushi:
  name: 福祉課
"""
CATEGORIES_YAML = """\
environment:
  name: 環境
welfare:
  name: 福祉
"""
CHALLENGE = """\
---
title: ごみを減らしたい
summary: 家庭ごみを減らす方法を募集します。
department: kankyo
status: open
categories:
  - environment
published: 2026-04-01
---

## 背景

市内のごみが増えています。
"""
CASE = """\
---
title: ごみ袋の再生
summary: 回収したプラスチックでごみ袋を作りました。
challenge: gomi
partners:
  - name: 株式会社テスト
    url: https://company.example.com/
department: kankyo
categories:
  - environment
started: 2025-12-10
realized: 2026-04-15
published: 2026-04-20
---

## 連携の内容

再生ごみ袋を作りました。
"""
PAGE = """\
---
title: デスクについて
nav_order: 1
---

公民連携デスクの紹介です。
"""


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.err.splitlines()


class Project:
    """A project folder with the repository's templates and static files and a small valid content tree."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.content = root / "content"
        shutil.copytree(REPO / "templates", root / "templates")
        shutil.copytree(REPO / "static", root / "static")
        self.write("content/site.yaml", SITE_YAML)
        self.write("content/departments.yaml", DEPARTMENTS_YAML)
        self.write("content/categories.yaml", CATEGORIES_YAML)
        self.write("content/challenges/gomi.md", CHALLENGE)
        self.write("content/cases/gomi-bags.md", CASE)
        self.write("content/pages/about.md", PAGE)

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def run(self, capsys: pytest.CaptureFixture[str], *args: str) -> Result:
        capsys.readouterr()
        argv = list(args) or ["build"]
        if argv[0] in ("build", "check") and "--today" not in argv:
            argv += ["--today", TODAY]
        code = main(argv, project=self.root)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)


@pytest.fixture(autouse=True)
def no_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The developer's locale must not change what the tests see: messages follow site.yaml unless a test says so."""
    for name in ("LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "project")


def squashed_text(html: str) -> str:
    """The visible text of a page with all white space removed, for layout-independent checks."""
    body = html.split("<body", 1)[-1]
    text = re.sub(r"<[^>]+>", "", body)
    return re.sub(r"\s+", "", unescape(text))


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file below `folder`, by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
