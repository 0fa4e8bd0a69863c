"""Atom feeds: valid, linked from every page, dated by the content, with ids that stay put."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as etree
from pathlib import Path

import feedparser
import pytest

from tests.conftest import REPO, TODAY, Project
from tests.diagnostic_cases import CASE, _challenge

ATOM = "{http://www.w3.org/2005/Atom}"
SAMPLE_URL = "https://www.city.wakaba.example.jp/kouminrenkei/"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once for this module."""
    out = tmp_path_factory.mktemp("feeds") / "site"
    command = [sys.executable, "build.py", "build", "--today", TODAY, "--out", str(out)]
    subprocess.run(command, cwd=REPO, check=True, capture_output=True)
    return out


def _parse(path: Path) -> feedparser.FeedParserDict:
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_site_feed_is_valid_atom_with_every_required_element(sample: Path) -> None:
    feed = _parse(sample / "feed.xml")
    assert feed.feed.id == SAMPLE_URL + "feed.xml"
    assert feed.feed.title == "若葉市 公民連携デスク"
    assert feed.feed.updated == "2026-06-01T00:00:00+09:00"
    assert feed.feed.author == "若葉市"
    assert {(link.rel, link.href) for link in feed.feed.links} == {
        ("self", SAMPLE_URL + "feed.xml"),
        ("alternate", SAMPLE_URL),
    }
    assert feed.entries
    for entry in feed.entries:
        assert entry.id and entry.title and entry.updated and entry.author and entry.summary
        assert entry.link.startswith(SAMPLE_URL)
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)


def test_site_feed_reports_new_challenges_status_changes_and_new_cases_newest_first(sample: Path) -> None:
    entries = _parse(sample / "feed.xml").entries
    titles = [entry.title for entry in entries]
    assert "新しい課題：家庭から出るプラスチックごみを減らし、資源として循環させたい" in titles
    assert "「協議中」になりました：家庭から出るプラスチックごみを減らし、資源として循環させたい" in titles
    assert "新しい連携事例：使用済みのプラスチック製品を回収し、市指定ごみ袋に生まれ変わらせる取組" in titles
    # The first history entry is the state a challenge was published in: no separate entry for it.
    assert "「募集中」になりました：家庭から出るプラスチックごみを減らし、資源として循環させたい" not in titles
    dates = [entry.updated for entry in entries]
    assert dates == sorted(dates, reverse=True)
    change = next(e for e in entries if e.title.startswith("「協議中」") and "プラスチック" in e.title)
    assert change.updated == "2025-12-10T00:00:00+09:00"
    assert change.summary.startswith("協議中：公民連携マッチングイベントで提案者3者と面談し")
    assert change.link == SAMPLE_URL + "challenges/plastic-waste-reduction/"
    assert change.id == (
        "tag:www.city.wakaba.example.jp,2025-12-10:/kouminrenkei/challenges/plastic-waste-reduction/#status-in_discussion"
    )


def test_every_category_has_a_feed_of_its_own_entries_linked_from_its_page(sample: Path) -> None:
    environment = _parse(sample / "categories/environment/feed.xml")
    assert environment.feed.title == "若葉市 公民連携デスク：環境・ごみ"
    assert environment.entries
    assert all(any(tag.term == "environment" for tag in entry.tags) for entry in environment.entries)
    assert _parse(sample / "categories/disaster/feed.xml").entries == []
    page = (sample / "categories/environment/index.html").read_text(encoding="utf-8")
    assert (
        '<link rel="alternate" type="application/atom+xml" href="/kouminrenkei/categories/environment/feed.xml"'
        ' title="「環境・ごみ」の新着情報（Atom フィード）">'
    ) in page


def test_every_page_links_the_site_feed_in_its_head(sample: Path) -> None:
    link = '<link rel="alternate" type="application/atom+xml" href="/kouminrenkei/feed.xml"'
    pages = list(sample.rglob("*.html"))
    assert len(pages) > 40
    missing = [p for p in pages if link not in p.read_text(encoding="utf-8").split("</head>")[0]]
    assert missing == []


def _entries(project: Project, capsys, *args: str) -> dict[str, str]:
    result = project.run(capsys, "build", *args)
    assert result.code == 0, result.err
    root = etree.parse(project.root / "site/feed.xml").getroot()
    return {e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}id") for e in root.iter(f"{ATOM}entry")}


def test_entry_ids_stay_the_same_when_the_text_changes(project: Project, capsys) -> None:
    before = _entries(project, capsys)
    _challenge(title="ごみを半分に減らしたい", summary="書き直した概要です。")(project)
    after = _entries(project, capsys)
    assert before["新しい課題：ごみを減らしたい"] == after["新しい課題：ごみを半分に減らしたい"]
    assert before["新しい課題：ごみを減らしたい"] == "tag:example.jp,2026-04-01:/challenges/gomi/"


def test_events_after_today_are_not_in_the_feed_yet(project: Project, capsys) -> None:
    _challenge(
        extra="history:\n  - date: 2026-04-01\n    status: open\n  - date: 2026-12-01\n    status: closed\n",
        status="closed",
    )(project)
    titles = _entries(project, capsys)
    assert "「募集終了」になりました：ごみを減らしたい" not in titles
    titles = _entries(project, capsys, "--today", "2026-12-01")
    assert "「募集終了」になりました：ごみを減らしたい" in titles


def _updated(path: Path) -> str:
    return etree.parse(path).getroot().findtext(f"{ATOM}updated") or ""


def test_a_feed_without_entries_is_dated_by_source_date_epoch(project: Project, capsys, monkeypatch) -> None:
    assert project.run(capsys, "build").code == 0
    empty = project.root / "site/categories/welfare/feed.xml"
    assert _updated(empty) == "2026-11-29T00:00:00+09:00"  # the start of --today
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    assert project.run(capsys, "build").code == 0
    assert _updated(empty) == "2026-01-01T09:00:00+09:00"
    assert _updated(project.root / "site/feed.xml") == "2026-04-20T00:00:00+09:00"  # content dates win


def test_hostile_text_stays_text_in_the_feed(project: Project, capsys) -> None:
    evil = '<script>alert(1)</script>&amp; "quoted" \x01end'
    _challenge(title='"<script>alert(1)</script>&amp; \\"quoted\\" \\x01end"')(project)
    project.edit(CASE, "title: ごみ袋の再生", "title: ']]><evil/>'")
    result = project.run(capsys, "build")
    assert result.code == 0, result.err
    feed = _parse(project.root / "site/feed.xml")
    titles = {entry.title for entry in feed.entries}
    assert "新しい課題：" + evil.replace("\x01", "") in titles
    assert "新しい連携事例：]]><evil/>" in titles
    assert not re.search("<script|<evil", (project.root / "site/feed.xml").read_text(encoding="utf-8"))
