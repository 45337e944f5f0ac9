"""YAML parsing that remembers where every value came from, with guards against hostile files."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - libyaml is in the PyYAML wheels
    from yaml import SafeLoader as _BaseLoader


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that keeps dates as the text the owner wrote (2024-13-40 is then a clear error, not a crash)."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }

Path_ = tuple[str | int, ...]

MAX_NODES = 50_000
MAX_DEPTH = 40


class YamlTooComplex(ValueError):
    def __init__(self, message: str, line: int = 1, col: int = 1):
        super().__init__(message)
        self.line, self.col = line, col


@dataclass
class Positions:
    """Maps a path inside a document to the (line, column) of its key, 1-based."""

    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    # (path of the repeated key, where it repeats, where it was first written)
    duplicates: list[tuple[Path_, tuple[int, int], tuple[int, int]]] = field(default_factory=list)

    def of(self, path: Path_) -> tuple[int, int]:
        path = tuple(path)
        while path not in self.marks and path:
            path = path[:-1]
        return self.marks.get(path, (1, 1))


def parse(text: str) -> tuple[Any, Positions]:
    """Parse one YAML document. Raises yaml.YAMLError or YamlTooComplex."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, Positions()
        positions = Positions()
        _walk(node, (), positions, 0, [0])
        return loader.construct_document(node), positions
    finally:
        loader.dispose()


def _walk(node: yaml.Node, path: Path_, positions: Positions, depth: int, count: list[int]) -> None:
    count[0] += 1
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    if count[0] > MAX_NODES:
        raise YamlTooComplex(f"filen har mer enn {MAX_NODES} verdier (YAML-bombe?)", line, col)
    if depth > MAX_DEPTH:
        raise YamlTooComplex(f"filen er nøstet dypere enn {MAX_DEPTH} nivåer", line, col)
    positions.marks.setdefault(path, (line, col))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
            child = path + (key,)
            where = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if child in positions.marks:
                positions.duplicates.append((child, where, positions.marks[child]))
            positions.marks[child] = where
            _walk(value_node, child, positions, depth + 1, count)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), positions, depth + 1, count)
