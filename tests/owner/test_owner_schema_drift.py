"""One schema, used everywhere: the model classes must have exactly the fields of the shipped JSON Schemas."""

from __future__ import annotations

import dataclasses
import typing

import pytest

from gpguide.catalogue import model
from gpguide.catalogue import schema as schemas


def _resolve(node: dict) -> dict:
    """Follow $ref within and across the shipped schemas (service.schema.json#/$defs/... etc.)."""
    while "$ref" in node:
        ref = node["$ref"]
        name, _, pointer = ref.partition("#")
        document = schemas.schema(name.removesuffix(".schema.json")) if name else schemas.schema("service")
        node = document
        for part in pointer.strip("/").split("/"):
            if part:
                node = node[part]
    return node


SERVICE = schemas.schema("service")
KOMMUNE = schemas.schema("kommune")
# model class → (its object in the schemas, whether the id is the key of a mapping rather than a field)
OBJECTS = {
    model.Service: (SERVICE, False),
    model.Target: (SERVICE["properties"]["target"], False),
    model.Access: (SERVICE["properties"]["access"], False),
    model.Contact: (SERVICE["$defs"]["contact"], False),
    model.Fact: (SERVICE["$defs"]["fact"], False),
    model.Source: (SERVICE["$defs"]["source"], False),
    model.Conflict: (SERVICE["properties"]["conflicts"]["items"], False),
    model.PartOf: (SERVICE["properties"]["part_of"], False),
    model.Kommune: (KOMMUNE, False),
    model.Concept: (schemas.schema("vocabulary")["properties"]["concepts"]["additionalProperties"], True),
    model.Document: (schemas.schema("sources")["properties"]["documents"]["additionalProperties"], True),
    model.GlossaryTerm: (schemas.schema("glossary")["properties"]["terms"]["items"], False),
}


@pytest.mark.parametrize("cls", list(OBJECTS), ids=lambda c: c.__name__)
def test_fields_equal_schema_properties(cls):
    obj, keyed = OBJECTS[cls]
    expected = set(_resolve(obj)["properties"]) | ({"id"} if keyed else set())
    assert model.schema_fields(cls) == expected


@pytest.mark.parametrize("cls", list(OBJECTS), ids=lambda c: c.__name__)
def test_required_fields_are_the_fields_without_default(cls):
    obj, keyed = OBJECTS[cls]
    required = set(_resolve(obj).get("required", [])) | ({"id"} if keyed else set())
    no_default = {f.name for f in dataclasses.fields(cls)
                  if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    assert no_default == required


def _literal_values(hint) -> set | None:
    """The values of a Literal type, also inside Optional/Union; None when the hint has no Literal."""
    if typing.get_origin(hint) is typing.Literal:
        return set(typing.get_args(hint))
    for arg in typing.get_args(hint):
        if typing.get_origin(arg) is typing.Literal:
            return set(typing.get_args(arg))
    return None


@pytest.mark.parametrize("cls", list(OBJECTS), ids=lambda c: c.__name__)
def test_enumerations_match(cls):
    """Where the model names the allowed values (status, level, gp_referral), they are the schema's enum."""
    obj, _ = OBJECTS[cls]
    hints = typing.get_type_hints(cls)
    for name, prop in _resolve(obj)["properties"].items():
        values = _literal_values(hints[name])
        if values is not None:
            assert values == set(_resolve(prop).get("enum", [])), name


def test_the_main_enumerations_are_typed():
    hints = typing.get_type_hints(model.Service)
    assert _literal_values(hints["status"]) and _literal_values(hints["level"])
    assert _literal_values(typing.get_type_hints(model.Access)["gp_referral"])


def test_every_schema_object_has_a_model_class():
    """No object in the service schema is left without a model class."""
    covered = {id(_resolve(obj)) for obj, _ in OBJECTS.values()}
    for name, prop in SERVICE["properties"].items():
        node = _resolve(prop)
        node = _resolve(node.get("items", {})) if node.get("type") == "array" else node
        if node.get("type") == "object" and "properties" in node:
            assert id(node) in covered, name
