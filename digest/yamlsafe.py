"""A YAML reader for untrusted content: plain data only, and every value knows its line.

PyYAML's `safe_load` keeps the last of two duplicate keys, expands aliases (the
billion-laughs attack) and turns `no` into False and `2024-01-02` into a date. Article
front matter comes from anyone who opens a pull request, so we read a strict subset:
no aliases, no tags, no duplicate keys, and only `true`/`false` are booleans.
"""

from __future__ import annotations

import re
from typing import Any

import yaml


class YamlError(ValueError):
    """Invalid YAML, with the 1-based line where it was found."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


class LineDict(dict):
    """A mapping that remembers where it and each of its keys stand in the YAML text."""

    line: int = 1
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """Line of `key`, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A sequence that remembers the line of each item."""

    line: int = 1
    item_lines: list[int]


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML was built with it (ten times faster on thousands of front matters)."""


class _StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader with YAML 1.1 surprises removed and aliases refused."""


# Drop the implicit resolvers for bool (yes/no/on/off) and timestamps: keep them as strings.
_StrictLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag not in (
        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


def _check(node: yaml.Node) -> None:
    """Refuse explicit tags and duplicate keys anywhere in the tree."""
    if node.tag not in _PLAIN_TAGS:
        raise YamlError(f"YAML tag {node.tag!r} is not allowed", node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key, value in node.value:
            _check(key)
            if not isinstance(key, yaml.ScalarNode):
                raise YamlError("mapping keys must be plain text", key.start_mark.line + 1)
            line = key.start_mark.line + 1
            if key.value in seen:
                raise YamlError(
                    f"duplicate key {key.value!r} (first on line {seen[key.value]})", line)
            seen[key.value] = line
            _check(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check(item)


def _to_python(node: yaml.Node, loader: _StrictLoader) -> Any:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        mapping = LineDict()
        mapping.line, mapping.key_lines = line, {}
        for key, value in node.value:
            mapping[key.value] = _to_python(value, loader)
            mapping.key_lines[key.value] = key.start_mark.line + 1
        return mapping
    if isinstance(node, yaml.SequenceNode):
        items = LineList(_to_python(item, loader) for item in node.value)
        items.line, items.item_lines = line, [item.start_mark.line + 1 for item in node.value]
        return items
    return loader.construct_object(node, deep=True)


def load(text: str) -> Any:
    """Parse one YAML document of plain data (mappings are LineDict, sequences LineList).

    Raises YamlError, with a line, on anything else.
    """
    if "\x00" in text:
        raise YamlError("NUL byte in YAML", text[: text.index("\x00")].count("\n") + 1)
    try:
        for event in yaml.parse(text, Loader=_StrictLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise YamlError("YAML anchors and aliases are not allowed",
                                event.start_mark.line + 1 if event.start_mark else 1)
        node = yaml.compose(text, Loader=_StrictLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlError(f"invalid YAML: {error.problem or error}", line) from None
    except yaml.YAMLError as error:
        raise YamlError(f"invalid YAML: {error}", 1) from None
    if node is None:
        return None
    _check(node)
    return _to_python(node, _StrictLoader(""))


def dump(data: dict[str, Any]) -> str:
    """Write front matter that reads back identically with `load` (strings always quoted when ambiguous)."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=False)
