"""What only a browser shows: accessibility, reflow, touch targets and keyboard use, on every page type.

The sample site is built once under a sub-path (http://127.0.0.1:PORT/sub/) and opened in one
headless Chromium; see browser_support.py.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from axe_playwright_python.sync_playwright import Axe

if TYPE_CHECKING:
    from browser_support import WatchedPage

pytest_plugins = ["browser_support"]  # fixtures: site_url, browser, session_page, watched
pytestmark = pytest.mark.browser

# One page of every type the site has.
PAGE_TYPES = {
    "home": "",
    "challenge-list": "challenges/",
    "challenge": "challenges/plastic-waste-reduction/",
    "case-list": "cases/",
    "case": "cases/plastic-bag-recycling/",
    "category-index": "categories/",
    "category": "categories/environment/",
    "department-index": "departments/",
    "department": "departments/shigen-junkan/",
    "status-index": "status/",
    "status": "status/open/",
    "sdgs-index": "sdgs/",
    "sdg": "sdgs/12/",
    "free-page": "about/",
    "not-found": "404.html",
}
every_page_type = pytest.mark.parametrize("path", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())

WCAG_AA_TAGS = {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}
BEST_PRACTICE_TAG = "best-practice"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": [*sorted(WCAG_AA_TAGS), BEST_PRACTICE_TAG]}}

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
NARROWEST = {"width": 320, "height": 640}
MIN_TARGET = 44
# Controls that must be comfortable to tap: navigation, buttons, filters, pagination and other link rows.
TARGETS = ", ".join(
    [
        ".skip-link",
        ".site-header__brand",
        ".site-nav a",
        ".button",
        ".filters__link",
        ".pagination__link",
        ".tabs__link",
        ".chip",
        ".sdg__link",
        ".more-link",
        ".results__jump",
        ".detail__jump a",
        ".link-list a",
        ".site-footer__links a",
    ]
)
SMALL_TARGETS_JS = """([selector, minimum]) => [...document.querySelectorAll(selector)]
    .filter((element) => element.checkVisibility())
    .map((element) => [element, element.getBoundingClientRect()])
    .filter(([, box]) => box.width < minimum || box.height < minimum)
    .map(([element, box]) => `${element.tagName.toLowerCase()}${element.className ? "." + element.className : ""} ` +
        `"${element.textContent.trim()}": ${Math.round(box.width)}×${Math.round(box.height)}px`)"""
FOCUS_JS = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
        element: element === document.body ? null : element.outerHTML.slice(0, 100),
        outline: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
    };
}"""

AxeViolations = list[dict[str, Any]]


@pytest.fixture(scope="session")
def axe_violations(session_page: WatchedPage) -> Callable[[str], AxeViolations]:
    """axe-core's violations on a page; WCAG and best-practice rules run together, once per page."""

    @functools.cache
    def run(path: str) -> AxeViolations:
        session_page.reset()
        session_page.open(path)
        return Axe().run(session_page.page, options=AXE_OPTIONS).response["violations"]

    return run


def describe(violations: AxeViolations) -> str:
    """axe-core violations as readable lines: rule, impact, help, and each failing element."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}")
            lines.extend(f"        {line}" for line in node["failureSummary"].splitlines())
    return "\n".join(lines)


@every_page_type
def test_page_loads_without_console_errors_or_failed_requests(watched: WatchedPage, path: str) -> None:
    response = watched.open(path)
    assert response is not None and response.ok, f"/{path}: HTTP {response and response.status}"
    assert watched.page.evaluate("document.styleSheets[0].cssRules.length") > 0, "the stylesheet did not load"
    assert watched.problems == []


@every_page_type
def test_page_has_no_wcag_aa_violations(axe_violations: Callable[[str], AxeViolations], path: str) -> None:
    found = [v for v in axe_violations(path) if WCAG_AA_TAGS & set(v["tags"])]
    assert not found, f"axe-core found WCAG 2.1 A/AA violations on /{path}:\n{describe(found)}"


@every_page_type
def test_page_follows_axe_best_practices(axe_violations: Callable[[str], AxeViolations], path: str) -> None:
    found = [v for v in axe_violations(path) if BEST_PRACTICE_TAG in v["tags"]]
    assert not found, f"axe-core best-practice violations on /{path}:\n{describe(found)}"


@every_page_type
def test_page_reflows_at_320_px_without_horizontal_scrolling(watched: WatchedPage, path: str) -> None:
    watched.page.set_viewport_size(NARROWEST)
    watched.open(path)
    width = watched.page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROWEST["width"], f"/{path} is {width}px wide in a {NARROWEST['width']}px window"


@every_page_type
def test_touch_targets_are_at_least_44_px(watched: WatchedPage, path: str) -> None:
    watched.open(path)
    small = {}
    for viewport in (NARROWEST, PHONE, DESKTOP):
        watched.page.set_viewport_size(viewport)
        if found := watched.page.evaluate(SMALL_TARGETS_JS, [TARGETS, MIN_TARGET]):
            small[f"{viewport['width']}px"] = found
    assert small == {}, f"targets under {MIN_TARGET}px on /{path}: {small}"


@every_page_type
def test_first_tab_reveals_skip_link_that_moves_focus_to_main(watched: WatchedPage, path: str) -> None:
    page = watched.page
    watched.open(path)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    box = page.locator(".skip-link").bounding_box()
    assert box is not None and box["y"] >= 0 and box["height"] >= MIN_TARGET, f"skip link not shown: {box}"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("path", ["", "challenges/", "challenges/plastic-waste-reduction/"])
def test_every_focused_control_shows_an_outline(watched: WatchedPage, path: str) -> None:
    page = watched.page
    watched.open(path)
    unmarked = []
    for _ in range(200):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_JS)
        if focus["element"] is None:  # tabbed past the last control
            break
        if focus["outline"] == "none" or focus["width"] < 2:
            unmarked.append(focus)
    assert unmarked == [], f"focused without a visible outline on /{path}: {unmarked}"


def test_missing_page_gets_the_styled_404_page_at_any_depth(watched: WatchedPage) -> None:
    response = watched.open("no/such/page/")
    assert response is not None and response.status == 404
    assert watched.page.locator("h1").inner_text() == "ページが見つかりません"
    assert watched.page.evaluate("document.styleSheets[0].cssRules.length") > 0, "404 page lost its stylesheet"
