"""The live preview as a new user meets it, in Chromium: edit, see the change; break, see the error; fix.

The preview runs as a child process on a throwaway project (serve_support.py); the browser
comes from browser_support.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

from catalogue.messages import diagnostic_text
from tests.conftest import Project
from tests.serve_support import Server, replace_in, serving

if TYPE_CHECKING:
    from browser_support import WatchedPage

pytest_plugins = ["browser_support"]  # fixtures: browser
pytestmark = pytest.mark.browser

CH = "content/challenges/gomi.md"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}
TIMEOUT_MS = 20_000
MIN_TARGET = 44
# axe leaves colour contrast "incomplete" inside a modal dialog (the page behind overlaps it), so the
# overlay's text is measured here: WCAG contrast of each text element against its nearest opaque background.
LOW_CONTRAST_JS = """(minimum) => {
    const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    const rgb = (color) => color.match(/[\\d.]+/g).map(Number);
    const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    const background = (element) => {
        for (let node = element; node; node = node.parentElement) {
            const color = rgb(getComputedStyle(node).backgroundColor);
            if (color.length === 3 || color[3] === 1) return color;
        }
        return [255, 255, 255];
    };
    return [...document.querySelectorAll("dialog *, .catalogue-overlay-badge")]
        .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
        .map((e) => {
            const [a, b] = [luminance(rgb(getComputedStyle(e).color)), luminance(background(e))];
            return [e.className || e.tagName, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
        })
        .filter(([, ratio]) => ratio < minimum);
}"""


@pytest.fixture
def preview(project: Project) -> Iterator[Server]:
    project.edit("content/site.yaml", "base_url: https://example.jp/", "base_url: https://example.jp/kouminrenkei/")
    with serving(project.root) as server:
        yield server


@pytest.fixture
def watched(browser: Browser, preview: Server) -> Iterator[WatchedPage]:
    from browser_support import DESKTOP, WatchedPage  # registered as a plugin above: import it only now

    context = browser.new_context(viewport=DESKTOP)
    try:
        yield WatchedPage(context.new_page(), preview.url)
    finally:
        context.close()


def test_edit_break_and_fix_a_challenge_while_the_browser_follows(
    project: Project, preview: Server, watched: WatchedPage
) -> None:
    page, challenge = watched.page, project.root / CH
    watched.open("challenges/gomi/")
    heading = page.locator("main h1")
    expect(heading).to_have_text("ごみを減らしたい")

    replace_in(challenge, "title: ごみを減らしたい", "title: ごみをもっと減らしたい")
    expect(heading).to_have_text("ごみをもっと減らしたい", timeout=TIMEOUT_MS)

    replace_in(challenge, "published: 2026-04-01", "published: 2026-13-01")
    overlay = page.get_by_role("alertdialog")
    expect(overlay).to_be_visible(timeout=TIMEOUT_MS)
    expect(overlay).to_contain_text(f"{CH}:8")
    expect(overlay).to_contain_text(diagnostic_text("date_invalid", "ja", {"value": "2026-13-01"}))
    expect(overlay).to_contain_text("published: 2026-13-01")
    expect(overlay).to_have_accessible_name("エラーが 1 件あります")
    expect(heading).to_have_text("ごみをもっと減らしたい")  # the last good page, behind the overlay
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
    assert page.evaluate(LOW_CONTRAST_JS, 4.5) == []

    replace_in(challenge, "published: 2026-13-01", "published: 2026-04-01")
    expect(overlay).to_have_count(0, timeout=TIMEOUT_MS)
    expect(page.locator(".catalogue-overlay-badge")).to_have_count(0)
    expect(heading).to_have_text("ごみをもっと減らしたい")
    assert watched.problems == []


def test_the_overlay_is_keyboard_usable_and_can_be_set_aside(
    project: Project, preview: Server, watched: WatchedPage
) -> None:
    page = watched.page
    replace_in(project.root / CH, "status: open", "status: opne")
    preview.wait_for_state(lambda s: s["problems"], after=0)
    watched.open("challenges/")
    overlay = page.get_by_role("alertdialog")
    expect(overlay).to_be_visible()
    assert page.evaluate("document.activeElement.closest('dialog') !== null"), "focus is not in the overlay"
    close = overlay.get_by_role("button", name="閉じる")
    box = close.bounding_box()
    assert box is not None and box["height"] >= MIN_TARGET and box["width"] >= MIN_TARGET

    page.keyboard.press("Escape")
    expect(overlay).to_be_hidden()
    badge = page.get_by_role("button", name="エラー 1 件を表示")
    expect(badge).to_be_focused()
    page.get_by_role("link", name="課題一覧").first.click()  # the site stays usable behind it
    expect(page.get_by_role("alertdialog")).to_be_hidden()  # set aside for this build, on every page
    expect(badge).to_be_visible()

    badge.press("Enter")
    expect(overlay).to_be_visible()
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.evaluate(
        "(() => { const d = document.querySelector('dialog'); return d.scrollWidth <= d.clientWidth; })()"
    )
    assert watched.problems == []
