"""Safe YAML loading that keeps the line of every key and list item.

PyYAML's composer gives node marks; we construct the values ourselves so
that each mapping remembers where its keys are, only plain tags are
accepted, duplicate keys are reported, and alias expansion is bounded.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import yaml
from yaml.constructor import SafeConstructor

try:  # the C composer is several times faster and gives the same marks
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_NODES = 200_000
MAX_DEPTH = 50  # front matter needs three or four levels; the C composer crashes on thousands
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


class YMap(dict):
    """A mapping that remembers the line of itself and of each key, and how scalars were written."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[str, int] = {}
        self.raw: dict[str, str] = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class YList(list):
    """A sequence that remembers the line of itself and of each item, and how scalars were written."""

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []
        self.raw: list[str | None] = []

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


@dataclass(frozen=True)
class YamlProblem:
    """Why a document could not be loaded: a diagnostic code, its line and arguments."""

    line: int
    code: str
    args: dict[str, str]


class _Builder:
    def __init__(self, first_line: int) -> None:
        self.first_line = first_line
        self.nodes = 0
        self.problems: list[YamlProblem] = []
        self.constructor = SafeConstructor()

    def line(self, node: yaml.Node) -> int:
        return node.start_mark.line + self.first_line

    def build(self, node: yaml.Node) -> object:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooLarge(self.line(node))
        if node.tag not in _PLAIN_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.problems.append(YamlProblem(self.line(node), "yaml_tag", {"tag": tag}))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node)
        if isinstance(node, yaml.SequenceNode):
            result = YList(self.line(node))
            for item in node.value:
                result.append(self.build(item))
                result.item_lines.append(self.line(item))
                result.raw.append(item.value if isinstance(item, yaml.ScalarNode) else None)
            return result
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode) -> YMap:
        self.constructor.flatten_mapping(node)  # resolves `<<:` merge keys
        result = YMap(self.line(node))
        for key_node, value_node in node.value:
            key = self.build(key_node)
            line = self.line(key_node)
            if not isinstance(key, str):
                self.problems.append(YamlProblem(line, "yaml_key_type", {"key": key_node.value}))
                continue
            if key in result:
                self.problems.append(
                    YamlProblem(line, "yaml_duplicate_key", {"key": key, "first": str(result.key_lines[key])})
                )
                continue
            result[key] = self.build(value_node)
            result.key_lines[key] = line
            if isinstance(value_node, yaml.ScalarNode):
                result.raw[key] = value_node.value
        return result

    def _scalar(self, node: yaml.Node) -> object:
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.constructor.ConstructorError) as exc:
            # PyYAML raises ValueError, not YAMLError, for impossible dates such as 2026-02-30.
            if node.tag.endswith(":timestamp"):
                problem = YamlProblem(self.line(node), "date_invalid", {"value": node.value})
            else:
                problem = YamlProblem(self.line(node), "yaml_syntax", {"problem": str(exc)})
            self.problems.append(problem)
            return None


class _TooLarge(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


def load_yaml(text: str, first_line: int = 1) -> tuple[object, list[YamlProblem]]:
    """Load one YAML document; `first_line` is the file line the text starts on."""
    deep_line = _too_deep(text)
    if deep_line is not None:
        return None, [YamlProblem(deep_line + first_line, "yaml_too_deep", {"limit": str(MAX_DEPTH)})]
    builder = _Builder(first_line)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line if mark else 0) + first_line
        problem = exc.problem or exc.context or "invalid YAML"
        return None, [YamlProblem(line, "yaml_syntax", {"problem": problem})]
    except yaml.YAMLError as exc:
        return None, [YamlProblem(first_line, "yaml_syntax", {"problem": str(exc)})]
    except RecursionError:
        return None, [YamlProblem(first_line, "yaml_too_deep", {})]
    if node is None:
        return None, []
    try:
        value = builder.build(node)
    except _TooLarge as exc:
        return None, [YamlProblem(exc.line, "yaml_too_large", {"limit": str(MAX_NODES)})]
    except RecursionError:
        return None, [YamlProblem(first_line, "yaml_too_deep", {})]
    return value, builder.problems


def _too_deep(text: str) -> int | None:
    """The 0-based line where nesting (indentation or brackets) passes MAX_DEPTH, if it does.

    Checked before composing: PyYAML recurses once per level, in C with the C loader.
    Quotes are not parsed, so brackets inside strings count too; real front matter
    stays far below the limit either way.
    """
    indents: list[int] = []
    brackets = 0
    for number, line in enumerate(text.splitlines()):
        stripped = line.lstrip(" ")
        if stripped and not stripped.startswith("#"):
            indent = len(line) - len(stripped)
            while indents and indents[-1] >= indent:
                indents.pop()
            indents.append(indent)
            indents_deep = len(indents) + stripped.count("- ", 0, 2 * MAX_DEPTH)
            if indents_deep > MAX_DEPTH:
                return number
        for char in stripped:
            if char in "[{":
                brackets += 1
                if brackets > MAX_DEPTH:
                    return number
            elif char in "]}":
                brackets = max(brackets - 1, 0)
    return None


def describe_value(value: object) -> str:
    """A value as the editor wrote it, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)
