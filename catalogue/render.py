"""Render page specs to HTML with Jinja2; template mistakes become diagnostics."""

from __future__ import annotations

import datetime
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import MethodType
from typing import Any, ClassVar
from urllib.parse import urlsplit

import jinja2
import jinja2.ext
import jinja2.runtime
from jinja2 import nodes
from markupsafe import Markup, escape

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

    def __init__(
        self, templates: Path, catalogue: Catalogue, assets: dict[str, Asset], compiled: Path | None = None
    ) -> None:
        """`compiled`: a folder that keeps compiled templates between builds (checked against their source)."""
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
            extensions=[SharedTag],
            bytecode_cache=_bytecode_cache(compiled),
            # A Renderer lives for one build (`serve` makes a new one per rebuild): no need to
            # check every template file for changes each time a page includes or imports it.
            auto_reload=False,
        )
        self.env.context_class = _Context
        # JSON-LD as UTF-8 like the page around it (`tojson` still escapes <, >, & and '): 40 % of the bytes.
        self.env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}
        # What shared() rendered in this process, with the inputs it was given (see shared()).
        self._shared: dict[tuple[object, ...], tuple[Markup, dict[str, Any]]] = {}
        self.env.globals.update(
            t=self.t,
            url=self.url,
            asset=self.asset,
            shared=self.shared,
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

    def shared(self, name: str, **inputs: Any) -> Markup:
        """Partial `name` rendered from `inputs` and the globals alone, once per distinct inputs.

        For markup that repeats across pages: the header, the footer, contact
        lines, cards. The partial sees no page variables, so it cannot come to
        depend on the page by mistake, and escapes what it shows like any
        template. Hashable inputs are compared by type and value (markup is not
        the same input as equal text); others, such as a challenge (which no
        longer changes once pages render), by identity, and the cache keeps
        them so an identity is not reused. The cache belongs to
        the process: worker processes each fill their own, with the same results.
        """
        key = (name, *((field, _input_key(value)) for field, value in inputs.items()))
        if (hit := self._shared.get(key)) is not None:
            return hit[0]
        html = Markup(self.env.get_template(name).render(inputs))
        self._shared[key] = (html, inputs)
        return html

    def date(self, day: datetime.date) -> Markup:
        # Not Markup.format: its escaping formatter is slow, and pages show many dates.
        return Markup(f'<time datetime="{escape(day.isoformat())}">{escape(format_date(day, self.lang))}</time>')

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


class _Context(jinja2.runtime.Context):
    """Calls macros and the renderer's own functions (t, url, shared…) straight away.

    Jinja's `Context.call` first looks on every callable for the markers of
    `pass_context` and its kin, which these never carry; on a page with a
    hundred calls that search is about a fifth of the rendering time.
    """

    def call(self, function: Any, /, *args: Any, **kwargs: Any) -> Any:
        if type(function) is jinja2.runtime.Macro or (
            type(function) is MethodType and type(function.__self__) is Renderer
        ):
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
            try:
                return function(*args, **kwargs)
            except StopIteration:  # as Jinja does
                return self.environment.undefined("value was undefined because a callable raised StopIteration")
        return super().call(function, *args, **kwargs)


class SharedTag(jinja2.ext.Extension):
    """`{% shared "partials/x.html", name=value %}` is `{{ shared("partials/x.html", name=value) }}` as a tag.

    Being a tag, like `include`, it leaves out the indentation before it and
    the newline after it, so it can take an `include`'s place line for line.
    """

    tags: ClassVar[set[str]] = {"shared"}

    def parse(self, parser: jinja2.parser.Parser) -> nodes.Output:
        lineno = next(parser.stream).lineno
        name = parser.parse_expression()
        inputs = []
        while parser.stream.skip_if("comma"):
            field = parser.stream.expect("name").value
            parser.stream.expect("assign")
            inputs.append(nodes.Keyword(field, parser.parse_expression(), lineno=lineno))
        call = nodes.Call(nodes.Name("shared", "load"), [name], inputs, None, None, lineno=lineno)
        return nodes.Output([call], lineno=lineno)


@dataclass(frozen=True)
class _Identity:
    """Stands for an unhashable object in a cache key: equal only for the very same object."""

    id: int


def _input_key(value: object) -> object:
    try:
        hash(value)
    except TypeError:
        return _Identity(id(value))
    return type(value), value


def _bytecode_cache(folder: Path | None) -> jinja2.BytecodeCache | None:
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


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
