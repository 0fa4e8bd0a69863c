"""The code's shape: layers import downwards only, and every message exists in both languages and is used."""

from __future__ import annotations

import ast
import re
import string

import pytest

from catalogue.messages import DIAGNOSTICS, LANGUAGES, UI
from tests.conftest import REPO

# Lower layers never import higher ones: discover → load and validate → model → render → write.
LAYERS = [
    {"messages"},
    {"diagnostics", "dates", "schema", "yamlload", "urls", "search_normalise"},
    {"validate", "discover", "markup", "assets", "output", "console", "project", "frontmatter_schema"},
    {"cache", "parallel", "timings"},
    {"linkcheck", "charts", "search_postings"},
    {"manifest", "freshness", "search_masks"},
    {"load"},
    {"model", "search_variants", "bodies"},
    {"rules", "fingerprint"},
    {"assemble"},
    {"feeds", "opendata", "stats", "progress", "search_filters"},
    {"pages"},
    {"structured", "sitemap", "search_documents"},
    {"render", "publish", "search_index"},
    {"page_writer"},
    {"pipeline"},
    {"serve", "scaffold"},
    {"cli"},
]
RANK = {module: rank for rank, group in enumerate(LAYERS) for module in group}
PACKAGE = REPO / "catalogue"


def _imports(module: str) -> set[str]:
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "catalogue":
                found.update(alias.name for alias in node.names)
            elif node.module.startswith("catalogue."):
                found.add(node.module.split(".", 1)[1])
    return found


def test_every_module_has_a_layer() -> None:
    modules = {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    assert modules == set(RANK)


@pytest.mark.parametrize("module", sorted(RANK))
def test_modules_import_only_lower_layers(module: str) -> None:
    upward = {name for name in _imports(module) if RANK[name] >= RANK[module]}
    assert upward == set(), f"{module} imports {upward}"


@pytest.mark.parametrize("module", sorted(RANK))
def test_modules_stay_small(module: str) -> None:
    lines = (PACKAGE / f"{module}.py").read_text(encoding="utf-8").count("\n")
    limit = 1200 if module == "messages" else 400  # the catalogue is text, not logic
    assert lines <= limit, f"{module}.py has {lines} lines"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("table", [DIAGNOSTICS, UI], ids=["diagnostics", "ui"])
def test_every_message_has_both_languages_with_the_same_placeholders(table: dict) -> None:
    for key, texts in table.items():
        assert set(texts) == set(LANGUAGES), key
        # `label` is the schema's Japanese field name; English messages name the field itself.
        assert _fields(texts["ja"]) - {"label"} == _fields(texts["en"]) - {"label"}, key


def _sources() -> str:
    files = [*PACKAGE.glob("*.py"), *(REPO / "templates").rglob("*.html")]
    return "\n".join(p.read_text(encoding="utf-8") for p in files if p.name != "messages.py")


def test_every_diagnostic_code_is_used_in_the_code() -> None:
    source = _sources()
    unused = [code for code in DIAGNOSTICS if f'"{code}"' not in source]
    assert unused == []


def test_every_ui_text_is_used() -> None:
    source = _sources()
    # Keys composed at run time, such as t('status.' ~ item.status) or f"status.{s}".
    prefixes = set(re.findall(r"""['"]([a-z_.]+\.)['"] ~""", source))
    prefixes |= set(re.findall(r"""f['"]([a-z_.]+\.)\{""", source))
    prefixes |= {"kind."}  # diagnostic arguments: "@kind.bool"
    unused = [
        key
        for key in UI
        if f"'{key}'" not in source and f'"{key}"' not in source and not any(key.startswith(p) for p in prefixes)
    ]
    assert unused == []
