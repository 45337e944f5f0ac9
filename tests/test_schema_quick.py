"""The compiled validator that spares most files jsonschema's cost must give exactly jsonschema's verdict."""

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gpguide.catalogue import schema as schemas
from gpguide.catalogue.load import schema_of
from gpguide.catalogue.yamlpos import parse
from tests.conftest import CATALOG



def _small(data):
    """The shared files cut to a few entries of each list and map: the same shapes, quicker to validate."""
    return {k: dict(list(v.items())[:4]) if isinstance(v, dict) else v[:4] if isinstance(v, list) else v
            for k, v in data.items()}


DOCUMENTS = [(name, _small(data) if name in ("vocabulary", "sources", "glossary") else data)
             for name, data in ((schema_of("" if path.parent == CATALOG else path.parent.name, path.name),
                                 parse(path.read_text("utf-8"))[0]) for path in sorted(CATALOG.rglob("*.yaml")))]

values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 200) | st.floats(-5, 200, allow_nan=False) | st.sampled_from(
        ["", "x", "angst", "2024-02-30", "2024-05", "51 68 50 00", "113", "https://a.no", "post@a.no", "kommune",
         "active", "required", "a b", "Ab", "sandnes-2021", "1-2"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(
        st.sampled_from(["text", "source", "key", "doc", "lines", "url", "seen", "role", "min_age", "x"]), children,
        max_size=3),
    max_leaves=6,
)


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, path + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _paths(child, path + (i,))


@st.composite
def mutated(draw):
    name, document = draw(st.sampled_from(DOCUMENTS))
    data = copy.deepcopy(document)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(_paths(data))))
        if not path:
            continue
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "delete", "add", "duplicate"]))
        if action == "replace":
            parent[path[-1]] = draw(values)
        elif action == "delete":
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["ekstra", "name", "status", "offers", "target"]))] = draw(values)
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))
    return name, data


def jsonschema_says(name, data):
    return not any(True for _ in schemas.validator(name).iter_errors(data))


BOUNDARY = [None, True, 0, 4, -1, 1.5, 121, "", "x", "a b", "A", "2024-02-30", "+46 8 123", "https://a.no",
            "active", [], ["a", "a"], [1, 1.0], [True, 1], {}, {"text": "a", "source": "a"},
            {"key": "a", "doc": "d", "lines": "1-2", "url": "https://a.no", "seen": "2024"}]


def _field_names(node):
    if isinstance(node, dict):
        yield from node.get("properties", {})
        for child in node.values():
            yield from _field_names(child)
    elif isinstance(node, list):
        for child in node:
            yield from _field_names(child)


FIELDS = {name for schema in schemas.SCHEMA_NAMES for name in _field_names(schemas.schema(schema))}


def _locations():
    """One place in the bundled files per distinct spot in the schemas: list positions and the keys of maps
    (concept and document ids) count as one."""
    seen = {}
    for name, document in DOCUMENTS:
        for path in _paths(document):
            if path:
                spot = tuple(p if p in FIELDS else "*" for p in path)
                seen.setdefault((name, spot), (name, document, path))
    return list(seen.values())


def _with(document, path, value, delete=False):
    data = copy.deepcopy(document)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return data


def test_same_verdict_as_jsonschema_for_every_spot_and_boundary_value():
    disagreements = []
    for name, document, path in _locations():
        for data in [_with(document, path, None, delete=True), *(_with(document, path, v) for v in BOUNDARY)]:
            if schemas.is_valid(name, data) != jsonschema_says(name, data):
                disagreements.append((name, path))
    assert disagreements == []


@pytest.mark.parametrize("name, data", DOCUMENTS[:3] + DOCUMENTS[-3:])
def test_the_bundled_files_are_valid_both_ways(name, data):
    assert schemas.is_valid(name, data) and jsonschema_says(name, data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_same_verdict_as_jsonschema(case):
    name, data = case
    assert schemas.is_valid(name, data) == jsonschema_says(name, data)


def test_an_unknown_keyword_is_refused_when_compiled():
    with pytest.raises(ValueError, match="not supported"):
        schemas._Compiler().compile({"type": "string", "maxLength": 3}, "service")
