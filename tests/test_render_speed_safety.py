"""Partials rendered once and shared between pages (Renderer.shared) stay correct and report their own mistakes."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from conftest import Project
from markupsafe import Markup

from catalogue.assets import collect_assets
from catalogue.diagnostics import Report
from catalogue.pipeline import Options, load_catalogue
from catalogue.render import Renderer


@pytest.mark.parametrize(
    ("partial", "old", "new"),
    [
        ("partials/footer.html", "{{ site.desk.name }}", "{{ site.desk.no_such_field }}"),
        ("partials/header.html", "{{ site.title }}", "{{ site.title.no_such_field }}"),
        ("partials/contact_lines.html", "{{ contact.email }}", "{{ contact.no_such_field }}"),
        ("partials/challenge_card.html", "{{ item.summary }}", "{{ item.no_such_field }}"),
        ("partials/footer.html", "{{ site.desk.name }}", "{{ site.desk.name }"),
    ],
    ids=["footer", "header", "contact_lines", "card", "syntax"],
)
def test_mistake_in_a_shared_partial_is_reported_at_its_line(
    project: Project, capsys: pytest.CaptureFixture[str], partial: str, old: str, new: str
) -> None:
    line = next(n for n, text in enumerate(_template(project, partial).splitlines(), 1) if old in text)
    project.edit(f"templates/{partial}", old, new)
    result = project.run(capsys, "build")
    assert result.code == 1
    assert len(result.lines) == 1
    assert result.lines[0].startswith(f"templates/{partial}:{line}: error: ")


def test_undefined_input_to_a_shared_partial_is_reported_where_it_is_passed(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    old = '{% shared "partials/contact_lines.html", contact=c.contact %}'
    line = next(n for n, text in enumerate(_template(project, "challenge.html").splitlines(), 1) if old in text)
    project.edit("templates/challenge.html", old, old.replace("c.contact", "c.no_such_contact"))
    result = project.run(capsys, "build")
    assert result.code == 1
    assert result.lines[0].startswith(f"templates/challenge.html:{line}: error: ")
    assert "no_such_contact" in result.lines[0]


def test_shared_partial_cannot_read_the_page(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    # Rendered once for many pages, the footer must not come to show one page's title on all of them.
    project.edit("templates/partials/footer.html", "{{ site.desk.name }}", "{{ page_title }}")
    result = project.run(capsys, "build")
    assert result.code == 1
    assert result.lines[0].startswith("templates/partials/footer.html:")
    assert "page_title" in result.lines[0]


def test_header_marks_the_section_of_each_page(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    assert project.run(capsys, "build").code == 0
    current = {
        "index.html": None,
        "challenges/index.html": "/challenges/",
        "challenges/gomi/index.html": "/challenges/",
        "cases/gomi-bags/index.html": "/cases/",
        "categories/environment/index.html": "/categories/",
        "departments/index.html": "/categories/",
        "status/open/index.html": "/categories/",
        "sdgs/index.html": "/categories/",
        "about/index.html": "/about/",
        "stats/index.html": None,
        "404.html": None,
    }
    for page, href in current.items():
        html = (project.root / "site" / page).read_text(encoding="utf-8")
        nav = html[html.index('<nav class="site-nav"') : html.index("</nav>", html.index('<nav class="site-nav"'))]
        marked = [part.split('"')[1] for part in nav.split("<a href=")[1:] if 'aria-current="page"' in part]
        assert marked == ([href] if href else []), page


@pytest.fixture
def renderer(project: Project) -> Renderer:
    options = Options(
        project.root,
        project.content,
        project.root / "templates",
        project.root / "static",
        project.root / "site",
        today=datetime.date(2026, 11, 29),
    )
    catalogue = load_catalogue(options, Report())
    assert catalogue is not None
    return Renderer(options.templates, catalogue, collect_assets(options.static))


def test_shared_renders_each_set_of_inputs_once(renderer: Renderer) -> None:
    department = renderer.catalogue.departments["kankyo"].contact
    desk = renderer.site.desk.contact
    first = renderer.shared("partials/contact_lines.html", contact=department)
    assert renderer.shared("partials/contact_lines.html", contact=department) is first
    assert "kankyo@example.jp" in first
    assert "desk@example.jp" in renderer.shared("partials/contact_lines.html", contact=desk)
    assert "desk@example.jp" in renderer.shared("partials/contact_lines.html")


def test_shared_tells_unhashable_inputs_apart_by_identity(renderer: Renderer) -> None:
    challenge = renderer.catalogue.challenges[0]
    twin = type(challenge)(**{**vars(challenge), "title": "<別の課題>"})
    card = renderer.shared("partials/challenge_card.html", item=challenge, level=3)
    other = renderer.shared("partials/challenge_card.html", item=twin, level=3)
    assert challenge.title in card
    assert "&lt;別の課題&gt;" in other  # escaped like any value from content
    assert renderer.shared("partials/challenge_card.html", item=challenge, level=2) != card


def test_shared_does_not_take_text_for_equal_markup(project: Project, renderer: Renderer) -> None:
    project.write("templates/partials/echo.html", "<p>{{ value }}</p>")
    assert renderer.shared("partials/echo.html", value=Markup("<b>太字</b>")) == "<p><b>太字</b></p>"
    assert renderer.shared("partials/echo.html", value="<b>太字</b>") == "<p>&lt;b&gt;太字&lt;/b&gt;</p>"


def _template(project: Project, name: str) -> str:
    return (Path(project.root) / "templates" / name).read_text(encoding="utf-8")
