"""`new challenge|case|page SLUG`: a new content file with every field of its type.

Required fields get values that pass validation; optional ones are written
as comments with an example, so that a staff member uncomments what they
need. The file is a draft until they remove `draft: true`.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from catalogue import schema, urls
from catalogue.frontmatter_schema import describe
from catalogue.messages import UI, ui_text
from catalogue.project import read_mapping, site_hints
from catalogue.schema import Field

KINDS = {"challenge": "challenges", "case": "cases", "page": "pages"}
_FIELDS = {"challenge": schema.CHALLENGE, "case": schema.CASE, "page": schema.PAGE}
_SLUG = re.compile(schema.SLUG_PATTERN)
# Values a new file starts with, where the schema's first choice would not suit a new challenge
# (the example history ends in the same status, so that uncommenting it keeps the file valid).
_INITIAL = {"status": "open", "history.status": "open", "draft": True}
_NOTES = {"draft": "new.draft"}
_REF_FILES = {"departments": "departments.yaml", "categories": "categories.yaml", "channels": "site.yaml"}
_COMMENTED = re.compile(r"^(\s*)# ")
_SECTIONS = {
    "challenge": ("background", "efforts", "proposals", "offers", "schedule"),
    "case": ("summary", "history", "outlook"),
    "page": ("overview",),
}


class Refused(Exception):
    """The file cannot be created: a UI message key and its arguments (exit 2)."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


@dataclass(frozen=True)
class Context:
    """What the example values are taken from: the project's own keys, today and the language."""

    today: datetime.date
    lang: str
    title: str
    keys: dict[str, tuple[str, ...]]


def create(kind: str, slug: str, content: Path, *, title: str | None, today: datetime.date | None, lang: str) -> Path:
    """Write `content/<kind>s/<slug>.md`; refuses a bad slug or an existing file."""
    if not _SLUG.fullmatch(slug):
        raise Refused("new.bad_slug", slug=slug, pattern=schema.SLUG_PATTERN)
    if kind == "page" and slug in urls.RESERVED_SLUGS:
        raise Refused("new.reserved", slug=slug)
    path = content / KINDS[kind] / f"{slug}.md"
    if path.exists():
        raise Refused("new.exists", path=path)
    context = Context(
        today=today or site_hints(content).today(),
        lang=lang,
        title=(title or "").strip() or ui_text(f"new.title.{kind}", lang),
        keys=_project_keys(content),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:  # "x": never overwrite, even a file created meanwhile
        file.write(scaffold(kind, context))
    return path


def _project_keys(content: Path) -> dict[str, tuple[str, ...]]:
    """The keys a `key` field can take in this project, in file order."""
    keys = {}
    for ref in ("departments", "categories"):
        data = read_mapping(content / f"{ref}.yaml")
        keys[ref] = tuple(str(k) for k in data) if data else ()
    keys["channels"] = site_hints(content).channels
    folder = content / "challenges"
    keys["challenges"] = tuple(sorted(p.stem for p in folder.glob("*.md"))) if folder.is_dir() else ()
    return keys


def scaffold(kind: str, context: Context) -> str:
    """The whole file: front matter with every field, then the conventional sections."""
    lang = context.lang
    lines = ["---", f"# {ui_text(f'new.header.{kind}', lang)}", f"# {ui_text('new.header.optional', lang)}"]
    for field in _FIELDS[kind]:
        lines.append("")
        lines.extend(_field(field, context, active=field.required or field.name in _INITIAL))
    lines += ["---", ""]
    for section in _SECTIONS[kind]:
        lines += [f"## {ui_text(f'new.section.{section}', lang)}", "", ui_text(f"new.hint.{section}", lang), ""]
    return "\n".join(lines)


def _field(field: Field, context: Context, *, active: bool) -> list[str]:
    """A top-level field: its explanation as comments, then its lines, live if `active`, else commented out."""
    lang = context.lang
    notes = [ui_text("new.field", lang, name=field.name, label=field.label, text=describe(field, lang))]
    ref = field.ref or (field.item.ref if field.item else None)
    if ref is not None and ref != "challenges":  # the project's own keys; challenges could be thousands
        if choices := context.keys.get(ref, ()):
            notes.append(ui_text("new.keys", lang, keys=", ".join(choices)))
        if active:
            notes.append(ui_text("new.change_key", lang, file=_REF_FILES[ref]))
    if field.name in _NOTES:
        notes.append(ui_text(_NOTES[field.name], lang))
    body = _value(field, context, "", field.name)
    # An optional field is commented out whole: removing every "# " brings back a valid example.
    return [f"# {note}" for note in notes] + (body if active else ["# " + _COMMENTED.sub(r"\1", line) for line in body])


def _commented(line: str, indent: str) -> str:
    return line if line.lstrip().startswith("#") else f"{indent}# {line[len(indent) :]}"


def _value(field: Field, context: Context, indent: str, path: str) -> list[str]:
    """`name: value` lines with an example value that passes validation; `path` is `partners.name`."""
    head = f"{indent}{field.name}:"
    if field.kind == "list" and field.item is not None:
        if field.item.kind == "record":
            item = _record(field.item.fields, context, indent + "    ", path)
            first = next(i for i, line in enumerate(item) if not line.lstrip().startswith("#"))
            item[first] = f"{indent}  - {item[first].lstrip()}"
            return [head, *item]
        return [head, f"{indent}  - {_scalar(field.item, context, path)}"]
    if field.kind == "record":
        return [head, *_record(field.fields, context, indent + "  ", path)]
    return [f"{head} {_scalar(field, context, path)}"]


def _record(fields: tuple[Field, ...], context: Context, indent: str, path: str) -> list[str]:
    lines: list[str] = []
    for sub in fields:
        body = _value(sub, context, indent, f"{path}.{sub.name}")
        lines += body if sub.required else [_commented(line, indent) for line in body]
    return lines


def _scalar(field: Field, context: Context, path: str) -> str:
    if path in _INITIAL:
        return _yaml(_INITIAL[path])
    match field.kind:
        case "date":
            return context.today.isoformat()
        case "int":
            return str(field.minimum or 0)
        case "bool":
            return _yaml(field.default or False)
        case "enum":
            return str(field.default or field.choices[0])
        case "url":
            return "https://example.jp/"
        case "email":
            return "name@example.jp"
        case "key":
            assert field.ref is not None
            return next(iter(context.keys.get(field.ref, ())), f"{field.ref}-key")
    if path == "title":
        return _yaml(context.title)
    example = f"new.example.{path}"
    return _yaml(ui_text(example, context.lang) if example in UI else field.label)


def _yaml(value: object) -> str:
    """A YAML scalar that reads back as `value`: plain where that is safe, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    try:
        if yaml.safe_load(f"k: {text}") == {"k": text}:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)
