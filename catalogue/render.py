"""Render page specs to HTML with Jinja2; template mistakes become diagnostics."""

from __future__ import annotations

import datetime
import traceback
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from catalogue import structured, urls
from catalogue.assets import Asset
from catalogue.dates import format_date
from catalogue.diagnostics import Report
from catalogue.messages import ui_text
from catalogue.model import Catalogue
from catalogue.pages import PageSpec


class TemplateProblem(Exception):
    """A template could not be compiled or rendered; carries the template file and line."""

    def __init__(self, name: str, line: int, problem: str) -> None:
        super().__init__(problem)
        self.name = name
        self.line = line
        self.problem = problem


class Renderer:
    """One Jinja environment for the whole build; templates are compiled once."""

    def __init__(self, templates: Path, catalogue: Catalogue, assets: dict[str, Asset]) -> None:
        self.catalogue = catalogue
        self.site = catalogue.site
        self.lang = catalogue.site.language
        self.assets = assets
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates),
            autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals.update(
            t=self.t,
            url=self.url,
            asset=self.asset,
            site=self.site,
            catalogue=catalogue,
            today=catalogue.today,
            lang=self.lang,
        )
        self.env.filters.update(date=self.date, yen=self.yen, filesize=self.filesize)
        host = urlsplit(self.site.base_url).hostname
        self.env.tests["external"] = lambda url: urls.is_external(url, host)

    def t(self, key: str, **args: object) -> str:
        try:
            return ui_text(key, self.lang, **args)
        except KeyError as exc:
            raise jinja2.TemplateRuntimeError(f"no UI text {exc} for t({key!r}) in catalogue/messages.py") from None

    def url(self, path: str) -> str:
        """A site path as an absolute-path URL under the base path."""
        return self.site.base_path + path

    def asset(self, name: str) -> str:
        if name not in self.assets:
            raise jinja2.TemplateRuntimeError(f"no file static/{name} for asset({name!r})")
        return self.url(self.assets[name].output)

    def date(self, day: datetime.date) -> Markup:
        return Markup('<time datetime="{}">{}</time>').format(day.isoformat(), format_date(day, self.lang))

    def yen(self, amount: int) -> str:
        return self.t("yen", amount=f"{amount:,}")

    def filesize(self, size: int) -> str:
        if size < 1024:
            return f"{size} B"
        if size < 1024 * 1024:
            return f"{size / 1024:.0f} KB"
        return f"{size / 1024 / 1024:.1f} MB"

    def render(self, spec: PageSpec) -> str:
        try:
            template = self.env.get_template(spec.template)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateProblem(exc.name or spec.template, exc.lineno, exc.message or str(exc)) from None
        except jinja2.TemplateNotFound as exc:
            raise TemplateProblem(spec.template, 1, f"template not found: {exc.name}") from None
        crumbs = [(label, self.url(path)) for label, path in spec.crumbs]
        context = {
            **spec.context,
            "page_path": spec.path,
            "page_title": spec.title,
            "description": spec.description,
            "crumbs": crumbs,
            "canonical": urls.absolute(self.site.base_url, "" if spec.path == "404.html" else spec.path),
            "og_type": spec.og_type,
            "json_ld": structured.json_ld(spec, self.catalogue),
        }
        try:
            return template.render(context)
        except Exception as exc:  # a mistake in a template, whatever Python raised for it
            frame = _template_frame(exc)
            if frame is None:
                raise
            raise TemplateProblem(*frame, str(exc) or type(exc).__name__) from None


def _template_frame(exc: BaseException) -> tuple[str, int] | None:
    """The innermost template file and line in a rendering traceback, if a template is in it."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".html", ".xml")):
            return frame.filename, frame.lineno or 1
    return None


def report_template_problem(problem: TemplateProblem, templates: Path, project: Path, report: Report) -> None:
    path = Path(problem.name)
    if not path.is_absolute():
        path = templates / path
    try:
        name = path.resolve().relative_to(project.resolve()).as_posix()
    except ValueError:
        name = path.as_posix()
    report.error(name, problem.line, "template_error", problem=problem.problem)
