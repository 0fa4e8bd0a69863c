"""Safe YAML loading that keeps the line of every key and list item.

PyYAML's composer gives node marks; we construct the values ourselves so
that each mapping remembers where its keys are, only plain tags are
accepted, duplicate keys are reported, and alias expansion is bounded.
"""

from __future__ import annotations

import datetime
import functools
import operator
import re
from dataclasses import dataclass

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

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
_TAG_PREFIX = "tag:yaml.org,2002:"
_STR = "tag:yaml.org,2002:str"
_FLATTEN_TAGS = {"tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"}  # keys SafeConstructor.flatten_mapping acts on
_REMEMBERED_TAGS = {  # scalars whose value depends on their text alone and cannot be changed
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_SCALARS: dict[tuple[str, str], object] = {}  # (tag, text) -> value, for the tags above
_BRACKETS = re.compile(r"[\[\]{}]")


@functools.lru_cache(maxsize=4096)
def _resolve(kind: type, value: str | None, implicit: object) -> str:
    # PyYAML's resolver reads only class attributes, so the class can stand in for an instance;
    # without path resolvers its answer depends on these three arguments alone.
    return _Loader.resolve(_Loader, kind, value, implicit)  # type: ignore[arg-type]


class _FastLoader(_Loader):  # type: ignore[valid-type, misc]
    """The loader with its tag resolution memoised (the composer asks once per node)."""

    resolve = staticmethod(_resolve)
    # With no path resolvers these do nothing; builtins skip a Python call per node.
    descend_resolver = staticmethod(operator.is_)  # called as (parent, index)
    ascend_resolver = staticmethod(tuple)  # called with no arguments


if _Loader.yaml_path_resolvers:  # pragma: no cover - nobody registers one; keep PyYAML's own bookkeeping
    _FastLoader = _Loader  # type: ignore[misc]


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
    """Turns composed nodes into YMap/YList values, collecting problems.

    Plain strings, the bulk of front matter, are taken straight from their node;
    other scalars go through PyYAML's constructor (or `_SCALARS`, which remembers
    what it built). The call structure per nesting level stays that of a plain
    recursive walk, so deep alias chains end the same way as before.
    """

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
        tag = node.tag
        if tag == _STR and type(node) is ScalarNode:  # most of front matter: plain text, taken as written
            return node.value
        if tag not in _PLAIN_TAGS:
            self.problems.append(YamlProblem(self.line(node), "yaml_tag", {"tag": tag.replace(_TAG_PREFIX, "!!")}))
            return None
        kind = type(node)
        if kind is MappingNode:
            return self._mapping(node)
        if kind is SequenceNode:
            result = YList(node.start_mark.line + self.first_line)
            for item in node.value:
                result.append(self.build(item))
                result.item_lines.append(item.start_mark.line + self.first_line)
                result.raw.append(item.value if type(item) is ScalarNode else None)
            return result
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode) -> YMap:
        pairs = node.value
        for key_node, _ in pairs:
            if key_node.tag in _FLATTEN_TAGS:
                try:
                    self.constructor.flatten_mapping(node)  # resolves `<<:` merge keys
                except yaml.constructor.ConstructorError as exc:  # `<<: 3`: nothing to merge
                    line = (exc.problem_mark or node.start_mark).line + self.first_line
                    self.problems.append(YamlProblem(line, "yaml_syntax", {"problem": exc.problem or str(exc)}))
                    return YMap(node.start_mark.line + self.first_line)
                pairs = node.value
                break
        first_line = self.first_line
        result = YMap(node.start_mark.line + first_line)
        key_lines = result.key_lines
        raw = result.raw
        for key_node, value_node in pairs:
            key = self.build(key_node)
            if not isinstance(key, str):
                line = key_node.start_mark.line + first_line
                self.problems.append(YamlProblem(line, "yaml_key_type", {"key": key_node.value}))
                continue
            if key in result:
                line = key_node.start_mark.line + first_line
                self.problems.append(
                    YamlProblem(line, "yaml_duplicate_key", {"key": key, "first": str(key_lines[key])})
                )
                continue
            result[key] = self.build(value_node)
            if type(value_node) is ScalarNode:
                raw[key] = value_node.value
            key_lines[key] = key_node.start_mark.line + first_line
        return result

    def _scalar(self, node: yaml.Node) -> object:
        key = (node.tag, node.value)
        known = _SCALARS.get(key, _SCALARS)
        if known is not _SCALARS:
            return known
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.constructor.ConstructorError, KeyError, AttributeError) as exc:
            # PyYAML raises ValueError, not YAMLError, for impossible dates such as 2026-02-30, and
            # KeyError or AttributeError for a value its tag does not fit (`!!bool x`, `!!timestamp x`).
            if node.tag.endswith(":timestamp"):
                problem = YamlProblem(self.line(node), "date_invalid", {"value": node.value})
            elif isinstance(exc, KeyError | AttributeError):
                tag = node.tag.replace(_TAG_PREFIX, "!!")
                problem = YamlProblem(self.line(node), "yaml_tag_value", {"tag": tag, "value": node.value})
            else:
                problem = YamlProblem(self.line(node), "yaml_syntax", {"problem": str(exc)})
            self.problems.append(problem)
            return None
        if node.tag in _REMEMBERED_TAGS and len(node.value) <= 40:
            if len(_SCALARS) >= 4096:
                _SCALARS.clear()
            _SCALARS[key] = value
        return value


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
        node = yaml.compose(text, Loader=_FastLoader)
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
    # The bracket count never exceeds the number of opening brackets; a line's indentation
    # depth never exceeds its indent + 1 plus its "- " marks. Most texts are clear of both.
    count_brackets = text.count("[") + text.count("{") > MAX_DEPTH
    dashes = text.count("- ")
    if not count_brackets and dashes < MAX_DEPTH and " " * (MAX_DEPTH - dashes) not in text:
        return None
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
        if count_brackets:
            for char in _BRACKETS.findall(stripped):
                if char in "[{":
                    brackets += 1
                    if brackets > MAX_DEPTH:
                        return number
                else:
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
