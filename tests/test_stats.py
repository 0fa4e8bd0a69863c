"""The stats page and progress timelines: the reference figures, and charts with their tables on screen and paper."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import REPO, TODAY, Project, squashed_text
from tests.diagnostic_cases import CASE, _challenge
from tests.test_browser import FOCUS_JS, MIN_TARGET, SMALL_TARGETS_JS, TARGETS

if TYPE_CHECKING:
    from browser_support import WatchedPage

pytest_plugins = ["browser_support"]  # fixtures: site_url, browser, session_page, watched


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("stats") / "site"
    command = [sys.executable, "build.py", "build", "--today", TODAY, "--out", str(out)]
    subprocess.run(command, cwd=REPO, check=True, capture_output=True)
    return out


class _Tables(HTMLParser):
    """Each table's caption and rows of cell texts; and whether anything carries a style attribute."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.styled: list[str] = []
        self._text: list[str] | None = None  # the caption or cell being read
        self._caption = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if any(name == "style" for name, _ in attrs):
            self.styled.append(tag)
        if tag == "tr":
            self.tables[self._caption].append([])
        elif tag in ("caption", "th", "td"):
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption" and self._text is not None:
            self._caption = "".join(self._text).strip()
            self.tables[self._caption] = []
        elif tag in ("th", "td") and self._text is not None:
            self.tables[self._caption][-1].append("".join(self._text).strip())
        self._text = None if tag in ("caption", "th", "td") else self._text

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def _tables(html: str) -> _Tables:
    parser = _Tables()
    parser.feed(html)
    return parser


def test_stats_page_shows_the_reference_funnel_and_median_lead_time(sample: Path) -> None:
    html = (sample / "stats/index.html").read_text(encoding="utf-8")
    tables = _tables(html).tables
    assert tables["提案から実現まで（表）"] == [
        ["段階", "件数"],
        ["公開中の課題", "4件"],
        ["いただいた提案", "19件"],
        ["面談した事業者", "10件"],
        ["実現した連携", "2件"],
    ]
    assert "中央値は約4.2か月です（期間が分かる連携事例2件）。" in squashed_text(html)
    assert tables["マッチングから実現までの期間（表）"][2] == ["3か月以上6か月未満", "2件"]
    assert tables["年度別の課題数（公開日）と連携事例数（実現日）（表）"][1:] == [
        ["2025年度", "4件", "0件"],
        ["2026年度", "0件", "2件"],
    ]
    status = dict(tables["状態別の課題数（表）"][1:])
    assert (status["募集中"], status["協議中"], status["実現"]) == ("1件", "1件", "2件")
    assert dict(row[:2] for row in tables["分野別の課題数と連携事例数（表）"][1:])["環境・ごみ"] == "2件"


def test_every_chart_is_build_time_svg_hidden_behind_its_table(sample: Path) -> None:
    html = (sample / "stats/index.html").read_text(encoding="utf-8")
    main = html.split('<main id="main"', 1)[1]
    charts = re.findall(r"<svg [^>]*>", main)
    assert len(charts) == 5
    assert all('aria-hidden="true"' in svg and 'focusable="false"' in svg for svg in charts)
    assert main.count("<table") == len(charts)
    assert all(part.index("<svg") < part.index("<table") for part in main.split('class="stats__figure"')[1:])
    assert "<script" not in main
    assert _tables(html).styled == []


def test_funnel_bars_are_drawn_to_scale(sample: Path) -> None:
    html = (sample / "stats/index.html").read_text(encoding="utf-8")
    funnel = html.split('aria-labelledby="stats-funnel"', 1)[1].split("</svg>", 1)[0]
    widths = [
        float(w) for w in re.findall(r'<rect class="chart__bar[^"]*" x="[^"]*" y="[^"]*" width="([^"]*)"', funnel)
    ]
    assert [round(w / widths[1] * 19) for w in widths] == [4, 19, 10, 2]


def test_stats_of_an_empty_field_and_a_case_without_dates_read_sensibly(project: Project, capsys) -> None:
    project.edit(CASE, "started: 2025-12-10\n", "")
    assert project.run(capsys, "build").code == 0
    text = squashed_text((project.root / "site/stats/index.html").read_text(encoding="utf-8"))
    assert "マッチング日と実現日の両方が分かる連携事例はまだありません。" in text


def test_challenge_history_is_a_step_timeline_ending_at_the_current_status(project: Project, capsys) -> None:
    _challenge(
        status="in_discussion",
        extra="history:\n  - date: 2026-04-01\n    status: open\n"
        "  - date: 2026-04-20\n    status: in_discussion\n    note: 2者と面談しました。\n",
    )(project)
    assert project.run(capsys, "build").code == 0
    html = (project.root / "site/challenges/gomi/index.html").read_text(encoding="utf-8")
    timeline = html.split('<ol class="history">', 1)[1].split("</ol>", 1)[0]
    steps = timeline.split("<li ")[1:]
    assert len(steps) == 2
    assert 'aria-current="step"' not in steps[0] and 'aria-current="step"' in steps[1]
    assert squashed_text(steps[1].split(">", 1)[1]) == "2026年4月20日協議中現在19日後2者と面談しました。"


def test_case_shows_its_path_from_challenge_to_launch_and_its_lead_time(project: Project, capsys) -> None:
    project.edit(CASE, "started: 2025-12-10", "agreement:\n  date: 2026-03-24\n  title: 連携協定\nstarted: 2025-12-10")
    assert project.run(capsys, "build").code == 0
    html = (project.root / "site/cases/gomi-bags/index.html").read_text(encoding="utf-8")
    section = html.split('aria-labelledby="timeline-title"', 1)[1].split("</section>", 1)[0]
    assert squashed_text(section) == (
        ">実現までの経過マッチングから連携の開始まで約4.1か月でした。"
        "2025年12月10日マッチング（最初の面談）"
        "2026年3月24日協定の締結約3.4か月後連携協定"
        "2026年4月1日課題の公開8日後"
        "2026年4月15日連携の開始14日後"
    )


# What only a browser shows, on the two pages this issue adds (the others are in test_browser.py).
NEW_PAGES = {"stats": "stats/", "opendata": "opendata/"}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@pytest.mark.browser
@pytest.mark.parametrize("path", NEW_PAGES.values(), ids=NEW_PAGES.keys())
def test_new_pages_have_no_axe_violations(watched: WatchedPage, path: str) -> None:
    watched.open(path)
    violations = Axe().run(watched.page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}).response
    found = [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in violations["violations"]]
    assert found == [], f"/{path}"
    assert watched.problems == []


@pytest.mark.browser
@pytest.mark.parametrize("path", NEW_PAGES.values(), ids=NEW_PAGES.keys())
def test_new_pages_reflow_at_320_px(watched: WatchedPage, path: str) -> None:
    watched.page.set_viewport_size({"width": 320, "height": 640})
    watched.open(path)
    assert watched.page.evaluate("document.documentElement.scrollWidth") <= 320


@pytest.mark.browser
@pytest.mark.parametrize("path", NEW_PAGES.values(), ids=NEW_PAGES.keys())
def test_new_pages_have_44_px_targets_and_a_visible_focus_everywhere(watched: WatchedPage, path: str) -> None:
    page = watched.page
    watched.open(path)
    for viewport in ({"width": 320, "height": 640}, {"width": 1280, "height": 900}):
        page.set_viewport_size(viewport)
        assert page.evaluate(SMALL_TARGETS_JS, [TARGETS, MIN_TARGET]) == [], viewport
    focused = []
    for _ in range(100):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_JS)
        if focus["element"] is None:
            break
        focused.append(focus)
    assert focused and all(f["outline"] != "none" and f["width"] >= 2 for f in focused)


@pytest.mark.browser
def test_wide_column_table_scrolls_inside_a_focusable_region(watched: WatchedPage) -> None:
    page = watched.page
    page.set_viewport_size({"width": 320, "height": 640})
    watched.open("opendata/")
    region = page.locator(".table-wrap").first
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")
    region.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.table-wrap').scrollLeft > 0")
    assert page.locator(".link-list a").first.bounding_box()["height"] >= 44


@pytest.mark.browser
def test_charts_print_in_black_with_their_tables(watched: WatchedPage) -> None:
    page = watched.page
    watched.open("stats/")
    page.emulate_media(media="print")
    try:
        fill = page.locator(".chart__bar--0").first.evaluate("e => getComputedStyle(e).fill")
        assert fill == "rgb(0, 0, 0)"
        assert page.locator(".chart__svg").first.is_visible()
        assert page.locator(".stats__table").first.is_visible()
        assert not page.locator(".site-nav").is_visible()
    finally:
        page.emulate_media(media="screen")
