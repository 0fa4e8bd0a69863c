"""What only a browser shows: accessibility, reflow, touch targets and keyboard use, on every page type.

The sample site is built once under a sub-path (http://127.0.0.1:PORT/sub/) and opened in one
headless Chromium; see browser_support.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from axe_playwright_python.sync_playwright import Axe

if TYPE_CHECKING:
    from browser_support import WatchedPage

pytest_plugins = ["browser_support"]  # its fixtures: site_url, browser, watched
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

WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 375, "height": 812}
NARROWEST = {"width": 320, "height": 640}
MIN_TARGET = 44
# Controls that must be comfortable to tap: navigation, buttons, filters, pagination and other link rows.
TARGETS = ", ".join(
    [
        ".skip-link",
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


def axe_violations(watched: WatchedPage, tags: list[str]) -> str:
    """Run axe-core with the given rule tags; a readable list of violations, empty when there are none."""
    results = Axe().run(watched.page, options={"runOnly": {"type": "tag", "values": tags}})
    lines = []
    for violation in results.response["violations"]:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}")
            lines.extend(f"        {line}" for line in node["failureSummary"].splitlines())
    return "\n".join(lines)


@every_page_type
def test_page_loads_without_console_errors_or_failed_requests(watched: WatchedPage, path: str) -> None:
    response = watched.open(path)
    assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
    assert watched.page.evaluate("document.styleSheets.length") == 1, "the site stylesheet did not load"
    assert watched.problems == []


@every_page_type
def test_page_has_no_wcag_aa_violations(watched: WatchedPage, path: str) -> None:
    watched.open(path)
    report = axe_violations(watched, WCAG_AA_TAGS)
    assert not report, f"axe-core found WCAG 2.1 A/AA violations on /{path}:\n{report}"


@every_page_type
def test_page_follows_axe_best_practices(watched: WatchedPage, path: str) -> None:
    watched.open(path)
    report = axe_violations(watched, ["best-practice"])
    assert not report, f"axe-core best-practice violations on /{path}:\n{report}"


@every_page_type
def test_page_reflows_at_320_px_without_horizontal_scrolling(watched: WatchedPage, path: str) -> None:
    watched.page.set_viewport_size(NARROWEST)
    watched.open(path)
    width = watched.page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROWEST["width"], f"/{path} is {width}px wide at {NARROWEST['width']}px"


@every_page_type
@pytest.mark.parametrize("viewport", [PHONE, NARROWEST], ids=["375px", "320px"])
def test_touch_targets_are_at_least_44_px(watched: WatchedPage, path: str, viewport: dict[str, int]) -> None:
    watched.page.set_viewport_size(viewport)
    watched.open(path)
    small = watched.page.evaluate(
        """([selector, minimum]) => [...document.querySelectorAll(selector)]
            .filter((element) => element.checkVisibility())
            .map((element) => [element, element.getBoundingClientRect()])
            .filter(([, box]) => box.width < minimum || box.height < minimum)
            .map(([element, box]) =>
                `${element.textContent.trim()} (${element.className || element.tagName}): ` +
                `${Math.round(box.width)}×${Math.round(box.height)}px`)""",
        [TARGETS, MIN_TARGET],
    )
    assert small == [], f"targets under {MIN_TARGET}px on /{path}: {small}"


@every_page_type
def test_first_tab_reveals_skip_link_that_moves_focus_to_main(watched: WatchedPage, path: str) -> None:
    page = watched.page
    watched.open(path)
    page.keyboard.press("Tab")
    skip_link = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    box = skip_link.bounding_box()
    assert box is not None and box["width"] > 1 and box["height"] >= MIN_TARGET and box["y"] >= 0, box
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("path", ["", "challenges/", "challenges/plastic-waste-reduction/"])
def test_every_focused_control_shows_an_outline(watched: WatchedPage, path: str) -> None:
    page = watched.page
    watched.open(path)
    focusable = page.evaluate("document.querySelectorAll('a[href], button, input, select, textarea').length")
    unmarked = []
    for _ in range(focusable):
        page.keyboard.press("Tab")
        outline = page.evaluate(
            """() => {
                const element = document.activeElement;
                const style = getComputedStyle(element);
                return {
                    element: element.outerHTML.slice(0, 80),
                    style: style.outlineStyle,
                    width: parseFloat(style.outlineWidth),
                };
            }"""
        )
        if outline["style"] == "none" or outline["width"] < 2:
            unmarked.append(outline)
    assert unmarked == [], f"focused without a visible outline on /{path}: {unmarked}"


def test_missing_page_gets_the_styled_404_page_at_any_depth(watched: WatchedPage) -> None:
    response = watched.open("no/such/page/")
    assert response is not None and response.status == 404
    assert watched.page.locator("h1").inner_text() == "ページが見つかりません"
    assert watched.page.evaluate("document.styleSheets[0].cssRules.length") > 0, "404 page lost its stylesheet"
