"""The editable variant table for search: content/search-variants.yaml.

    プラスチック: [プラスティック]      # canonical spelling: [other spellings]
    ごみ: [塵, 芥]
    AI: 人工知能

The file is optional. Spellings are folded (search_normalise.fold) before use, so
ゴミ and ごみ, ＡＩ and AI need no entry.
"""

from __future__ import annotations

import os
from pathlib import Path

from catalogue.diagnostics import Report
from catalogue.discover import Source, display_name, inside
from catalogue.load import read_text
from catalogue.search_normalise import Variants, fold
from catalogue.validate import kind_of
from catalogue.yamlload import YList, YMap, load_yaml

VARIANTS_FILE = "search-variants.yaml"


def load_variants(content: Path, project: Path, report: Report) -> Variants:
    """The table, or an empty one when the file is missing; problems are reported with their line."""
    path = content / VARIANTS_FILE
    name = display_name(path, project)
    if not path.is_file():
        return Variants()
    if path.is_symlink() and not inside(path, content):
        report.error(name, 1, "symlink_outside", target=os.readlink(path))
        return Variants()
    text = read_text(Source("data", VARIANTS_FILE, path, name), report)
    if text is None:
        return Variants()
    data, problems = load_yaml(text)
    for problem in problems:
        report.error(name, problem.line, problem.code, **problem.args)
    if problems or data is None:
        return Variants()
    if not isinstance(data, YMap):
        report.error(name, 1, "data_not_mapping", kind=kind_of(data))
        return Variants()
    pairs = []
    listed_under: dict[str, str] = {}
    for canonical, spellings in data.items():
        line = data.line_of(canonical)
        if isinstance(spellings, str):
            spellings = YList(line)
            spellings.append(data[canonical])
        elif not isinstance(spellings, YList):
            report.error(name, line, "search_variants_type", key=canonical, kind=kind_of(spellings))
            continue
        for index, spelling in enumerate(spellings):
            where = spellings.line_of(index)
            if not isinstance(spelling, str):
                report.error(name, where, "search_variants_type", key=canonical, kind=kind_of(spelling))
                continue
            first = listed_under.setdefault(fold(spelling), canonical)
            if fold(first) != fold(canonical):
                report.error(name, where, "search_variant_twice", variant=spelling, first=first, second=canonical)
                continue
            pairs.append((spelling, canonical))
    return Variants(pairs)
