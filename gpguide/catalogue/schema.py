"""The JSON Schemas shipped in gpguide/schema/, and messages a service owner can act on."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Iterator

from rapidfuzz import process

from gpguide.catalogue.yamlpos import Path_

if TYPE_CHECKING:
    import jsonschema

SCHEMA_NAMES = ("service", "kommune", "sources", "vocabulary", "glossary")


@cache
def schema(name: str) -> dict[str, Any]:
    return json.loads(resources.files("gpguide.schema").joinpath(f"{name}.schema.json").read_text("utf-8"))


@cache
def validator(name: str) -> "jsonschema.Draft202012Validator":
    # Imported here: jsonschema is slow to import and a cached catalogue does not need it.
    import jsonschema
    from referencing import Registry, Resource

    registry = Registry().with_resources(
        (schema(n)["$id"], Resource.from_contents(schema(n))) for n in SCHEMA_NAMES
    )
    return jsonschema.Draft202012Validator(schema(name), registry=registry)


def schema_url(name: str) -> str:
    return schema(name)["$id"]


def did_you_mean(word: str, choices: Any) -> str | None:
    match = process.extractOne(word, list(choices), score_cutoff=70)
    return match[0] if match else None


def explain(name: str, data: Any) -> Iterator[tuple[Path_, str]]:
    """Schema errors as (path, Norwegian message), one per problem, sorted by path."""
    errors = sorted(validator(name).iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        yield from _messages(error)


def _messages(error: "jsonschema.ValidationError") -> Iterator[tuple[Path_, str]]:
    path = tuple(error.absolute_path)
    kind, value = error.validator, error.instance
    if kind == "additionalProperties":
        allowed = error.schema.get("properties", {})
        for key in sorted(set(value) - set(allowed)):
            hint = did_you_mean(str(key), allowed)
            tail = f" ({key} → {hint}?)" if hint else ""
            yield path + (key,), f"ukjent felt '{key}'{tail}"
    elif kind == "required":
        missing = [k for k in error.validator_value if k not in value]
        for key in missing:
            yield path, f"mangler påkrevd felt '{key}'"
    elif kind == "enum":
        options = ", ".join(str(v) for v in error.validator_value)
        yield path, f"ugyldig verdi {value!r} for '{_last(path)}'; tillatt: {options}"
    elif kind == "type":
        yield path, f"'{_last(path)}' skal være {_type_name(error.validator_value)}, ikke {_type_name(type(value).__name__)}"
    elif kind == "pattern":
        yield path, _pattern_message(path, value)
    elif kind == "oneOf" and isinstance(value, dict) and "key" in error.schema.get("properties", {}):
        yield path, "en kilde trenger enten 'doc' og 'lines' (kildedokument) eller 'url' og 'seen' (nettside), ikke begge"
    elif kind in ("minimum", "maximum"):
        yield path, f"'{_last(path)}' = {value} er utenfor {error.validator_value} ({'minst' if kind == 'minimum' else 'høyst'})"
    elif kind in ("minItems", "minLength"):
        yield path, f"'{_last(path)}' kan ikke være tom"
    elif kind == "uniqueItems":
        yield path, f"'{_last(path)}' har samme verdi flere ganger"
    else:
        yield path, error.message


PATTERN_HINTS = {
    "phone": "telefonnummer skal være norsk: 8 sifre (eller kortnummer som 113), valgfritt med +47",
    "email": "ugyldig e-postadresse",
    "url": "URL-en må begynne med http:// eller https://",
    "id": "id skal være små bokstaver, tall og bindestrek (f.eks. sandnes-rask-psykisk-helsehjelp)",
    "lines": "linjer skrives som 783-788 eller 783-788, 1020-1025",
}
DATE_FIELDS = {"assured_date", "page_date", "seen", "date"}


def _pattern_message(path: Path_, value: Any) -> str:
    field = _last(path)
    if field in PATTERN_HINTS:
        return f"{PATTERN_HINTS[field]}: {value!r}"
    if field in DATE_FIELDS:
        return f"ugyldig dato {value!r} i '{field}'; skriv ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ"
    return f"ugyldig verdi {value!r} i '{field}'"


def _last(path: Path_) -> str:
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return "verdi"


def _type_name(name: Any) -> str:
    names = {"string": "tekst", "str": "tekst", "integer": "et heltall", "int": "et heltall", "number": "et tall",
             "float": "et tall", "boolean": "true eller false", "bool": "true eller false", "array": "en liste",
             "list": "en liste", "object": "et oppslag (nøkkel: verdi)", "dict": "et oppslag (nøkkel: verdi)",
             "NoneType": "tom"}
    if isinstance(name, list):
        return " eller ".join(names.get(n, n) for n in name)
    return names.get(name, name)
