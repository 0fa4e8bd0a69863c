"""Search in Chromium: typing, filters, the address bar, Back, the keyboard, accessibility, and no JavaScript.

Uses the sample site built once under a sub-path (browser_support.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

from catalogue.cli import main
from tests.browser_support import DESKTOP, TODAY, serve
from tests.conftest import Project
from tests.test_browser import AXE_OPTIONS, MIN_TARGET, NARROWEST, PHONE, SMALL_TARGETS_JS, describe
from tests.test_escaping import EVIL

if TYPE_CHECKING:
    from tests.browser_support import WatchedPage

pytest_plugins = ["browser_support"]  # fixtures: site_url, browser, session_page, watched
pytestmark = pytest.mark.browser

SEARCH_TARGETS = ", ".join(
    [
        ".site-search__input",
        ".site-search__button",
        ".search-form__input",
        ".search-form__submit",
        ".facet__option",
        ".facet__summary",
        ".search-filters__clear",
        ".search-result__title a",
        "[data-search-more]",
    ]
)


def results(watched: WatchedPage) -> list[str]:
    return watched.page.locator(".search-result__title a").all_inner_texts()


def query_of(watched: WatchedPage) -> dict[str, list[str]]:
    return parse_qs(urlsplit(watched.page.url).query)


def type_query(watched: WatchedPage, text: str) -> None:
    box = watched.page.locator("#search-q")
    box.click()
    box.press_sequentially(text)
    expect(watched.page.locator(".search-status")).to_contain_text(f"「{text}」")


def test_typing_shows_highlighted_results_and_announces_the_count(watched: WatchedPage) -> None:
    watched.open("search/")
    page = watched.page
    expect(page.locator(".search-status")).to_have_text("キーワードを入力するか、絞り込みの条件を選んでください。")
    type_query(watched, "ゴミ")
    status = page.locator(".search-status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_contain_text("「ゴミ」の検索結果：")
    count = int(status.inner_text().rsplit("：", 1)[1].removesuffix("件"))
    assert count == len(results(watched)) > 1
    assert "家庭から出るプラスチックごみを減らし、資源として循環させたい" in results(watched)
    assert "ごみ" in page.locator(".search-results mark").all_inner_texts()  # ゴミ marks ごみ
    assert query_of(watched) == {"q": ["ゴミ"]}
    assert watched.problems == []


def test_filters_narrow_the_results_and_their_counts_follow(watched: WatchedPage) -> None:
    watched.open("search/?q=ごみ")
    page = watched.page
    expect(page.locator(".search-result")).not_to_have_count(0)
    before = results(watched)
    realized = page.locator(".facet__option", has=page.locator("input[name=status][value=realized]"))
    expect(realized.locator("[data-count]")).to_have_text("1件")
    realized.click()
    expect(page.locator(".search-result")).to_have_count(1)
    assert set(results(watched)) < set(before)
    assert query_of(watched) == {"q": ["ごみ"], "status": ["realized"]}
    # The other groups now count within the realised ones.
    kinds = page.locator(".facet__option", has=page.locator("input[name=kind][value=case]"))
    expect(kinds.locator("[data-count]")).to_have_text("0件")
    assert watched.problems == []


def test_the_address_reproduces_the_search(watched: WatchedPage) -> None:
    watched.open("search/?q=見守り&kind=case")
    page = watched.page
    expect(page.locator("#search-q")).to_have_value("見守り")
    expect(page.locator("input[name=kind][value=case]")).to_be_checked()
    expect(page.locator(".search-result")).to_have_count(1)
    assert page.locator(".search-result .badge").first.inner_text() == "連携事例"
    assert watched.problems == []


def test_back_undoes_a_filter_then_the_typing(watched: WatchedPage) -> None:
    watched.open("search/")
    page = watched.page
    type_query(watched, "ごみ")
    typed = results(watched)
    page.locator("input[name=kind][value=case]").check()
    expect(page.locator(".search-result")).to_have_count(1)
    page.go_back()
    expect(page.locator("input[name=kind][value=case]")).not_to_be_checked()
    expect(page.locator(".search-result")).to_have_count(len(typed))
    assert query_of(watched) == {"q": ["ごみ"]}
    page.go_back()
    expect(page.locator("#search-q")).to_have_value("")
    expect(page.locator(".search-result")).to_have_count(0)
    assert watched.problems == []


def test_keyboard_moves_from_the_box_to_the_results_and_back(watched: WatchedPage) -> None:
    watched.open("search/")
    page = watched.page
    type_query(watched, "ごみ")
    page.keyboard.press("ArrowDown")
    first, second = page.locator(".search-result__title a").all()[:2]
    expect(first).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(second).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(page.locator("#search-q")).to_be_focused()
    # Filters are ordinary checkboxes: Tab to one, Space ticks it.
    page.locator("input[name=open]").focus()
    page.keyboard.press("Space")
    expect(page.locator("input[name=open]")).to_be_checked()
    assert query_of(watched)["open"] == ["1"]


def test_a_word_nothing_contains_shows_near_matches_or_says_so(watched: WatchedPage) -> None:
    watched.open("search/?q=プラスチッキ")
    expect(watched.page.locator(".search-status")).to_contain_text("近いものを")
    watched.open("search/?q=量子コンピュータ")
    status = watched.page.locator(".search-status")
    expect(status).to_contain_text("見つかりませんでした")
    expect(watched.page.locator(".search-result")).to_have_count(0)
    assert watched.problems == []


def test_the_challenge_list_filters_as_you_type_and_comes_back_when_cleared(watched: WatchedPage) -> None:
    watched.open("challenges/")
    page = watched.page
    static_cards = page.locator(".cards .card")
    expect(static_cards).to_have_count(4)
    expect(page.locator("nav.filters")).to_be_hidden()  # the filters with counts take its place
    box = page.locator("#list-search-q")
    box.press_sequentially("見守り")
    expect(page.locator(".search-result")).to_have_count(1)  # the case is not a challenge
    expect(static_cards.first).to_be_hidden()
    box.fill("")
    expect(static_cards.first).to_be_visible()
    assert watched.problems == []


def test_search_page_with_results_has_no_axe_violations(watched: WatchedPage) -> None:
    watched.open("search/?q=ごみ&open=1")
    watched.page.locator("input[name=open]").uncheck()
    expect(watched.page.locator(".search-result")).not_to_have_count(0)
    violations = Axe().run(watched.page, options=AXE_OPTIONS).response["violations"]
    assert violations == [], describe(violations)


def test_challenge_list_while_filtering_has_no_axe_violations(watched: WatchedPage) -> None:
    watched.open("challenges/?q=ごみ")
    expect(watched.page.locator(".search-result")).not_to_have_count(0)
    violations = Axe().run(watched.page, options=AXE_OPTIONS).response["violations"]
    assert violations == [], describe(violations)


@pytest.mark.parametrize("path", ["search/?q=ごみ", "challenges/?q=ごみ"])
def test_search_controls_are_big_enough_to_tap_and_reflow_at_320_px(watched: WatchedPage, path: str) -> None:
    watched.open(path)
    expect(watched.page.locator(".search-result")).not_to_have_count(0)
    small = {}
    for viewport in (NARROWEST, PHONE, DESKTOP):
        watched.page.set_viewport_size(viewport)
        if found := watched.page.evaluate(SMALL_TARGETS_JS, [SEARCH_TARGETS, MIN_TARGET]):
            small[viewport["width"]] = found
    assert small == {}
    watched.page.set_viewport_size(NARROWEST)
    assert watched.page.evaluate("document.documentElement.scrollWidth") <= NARROWEST["width"]


def test_without_javascript_the_header_form_leads_to_the_lists(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(site_url + "cases/")
        page.locator("#site-search-q").fill("ごみ")
        page.locator(".site-search__button").click()
        page.wait_for_load_state()
        assert urlsplit(page.url).path.endswith("/search/")
        assert parse_qs(urlsplit(page.url).query) == {"q": ["ごみ"]}
        expect(page.locator(".search-noscript")).to_be_visible()
        expect(page.locator(".search-filters")).to_be_hidden()  # they would do nothing
        browse = page.locator(".browse .filters__link")
        assert browse.count() > 5
        browse.first.click()
        page.wait_for_load_state()
        assert page.locator(".card").count() > 0
    finally:
        context.close()


def test_hostile_text_in_results_stays_text(browser: Browser, tmp_path: Path) -> None:
    project = Project(tmp_path / "project")
    project.edit("content/challenges/gomi.md", "title: ごみを減らしたい", f"title: {json.dumps(EVIL)}")
    folder = tmp_path / "site"
    with serve(folder) as url:
        assert main(["build", "--today", TODAY, "--base-url", url, "--out", str(folder)], project=project.root) == 0
        context = browser.new_context(viewport=DESKTOP)
        try:
            page = context.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.goto(url + "search/?q=script")
            title = page.locator(".search-result__title a")
            expect(title).to_have_count(1)
            assert title.inner_text() == EVIL
            assert page.locator(".search-results img, .search-results script").count() == 0
            assert dialogs == []
        finally:
            context.close()
