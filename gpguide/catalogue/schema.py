"""The JSON Schemas shipped in gpguide/schema/, and messages a service owner can act on."""

from __future__ import annotations

import json
import re
from functools import cache
from typing import TYPE_CHECKING, Any, Callable, Iterator

if TYPE_CHECKING:
    import jsonschema

    from gpguide.catalogue.yamlpos import Path_

SCHEMA_NAMES = ("service", "kommune", "sources", "vocabulary", "glossary")


@cache
def schema(name: str) -> dict[str, Any]:
    from importlib import resources  # here: slow to import, and a cached catalogue needs no schema

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


def is_valid(name: str, data: Any) -> bool:
    """The same verdict as the JSON Schema validator, many times faster: most files are valid, and only the
    others need jsonschema's detailed errors (see explain)."""
    return _compiled(name)(data)


@cache
def _compiled(name: str) -> Callable[[Any], bool]:
    return _Compiler().compile(schema(name), name)


Check = Callable[[Any], bool]
_OBJECT_WORDS = {"properties", "required", "additionalProperties", "propertyNames"}
_NOT_CHECKED = {"$schema", "$id", "$defs", "$comment", "title", "description", "format", "examples", "default"}
_TYPES: dict[str, Check] = {
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer()),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
    "null": lambda v: v is None,
}


class _Compiler:
    """Turns the subset of JSON Schema 2020-12 that gpguide's schemas use into nested closures. A keyword it does
    not know is an error at compile time, so a schema change cannot make the two validators disagree quietly."""

    def __init__(self) -> None:
        self.done: dict[int, Check] = {}
        self.busy: set[int] = set()

    def compile(self, node: dict[str, Any], name: str) -> Check:
        if id(node) in self.done:
            return self.done[id(node)]
        if id(node) in self.busy:
            raise ValueError("recursive schemas are not supported by the quick validator")
        self.busy.add(id(node))
        words = set(node) - _NOT_CHECKED
        if node.get("type") == "string" and words <= {"type", "pattern", "minLength"}:  # most fields: one test
            search = re.compile(node["pattern"]).search if "pattern" in node else None
            shortest = node.get("minLength", 0)
            check: Check = lambda v: isinstance(v, str) and len(v) >= shortest and (search is None or search(v) is not None)
        else:
            checks: list[Check] = []
            if words & _OBJECT_WORDS:
                checks.append(self.object(node, name))
            checks.extend(self.keyword(word, node[word], name) for word in sorted(words - _OBJECT_WORDS))
            check = checks[0] if len(checks) == 1 else _all_of(checks)
        self.done[id(node)] = check
        return check

    def keyword(self, word: str, arg: Any, name: str) -> Check:
        if word == "type":
            tests = [_TYPES[t] for t in ([arg] if isinstance(arg, str) else arg)]
            return tests[0] if len(tests) == 1 else lambda v: any(t(v) for t in tests)
        if word == "$ref":
            target, target_name = self.resolve(arg, name)
            return self.compile(target, target_name)
        if word == "enum":
            options = frozenset(_canonical(option) for option in arg)
            return lambda v: _canonical(v) in options
        if word == "pattern":
            search = re.compile(arg).search
            return lambda v: not isinstance(v, str) or search(v) is not None
        if word == "minLength":
            return lambda v: not isinstance(v, str) or len(v) >= arg
        if word == "minItems":
            return lambda v: not isinstance(v, list) or len(v) >= arg
        if word == "minimum":
            return lambda v: not _TYPES["number"](v) or v >= arg
        if word == "maximum":
            return lambda v: not _TYPES["number"](v) or v <= arg
        if word == "uniqueItems":
            return lambda v: not (arg and isinstance(v, list)) or _unique(v)
        if word == "items":
            item = self.compile(arg, name)

            def items(value: Any) -> bool:
                if isinstance(value, list):
                    for x in value:
                        if not item(x):
                            return False
                return True

            return items
        if word == "oneOf":
            options = [self.compile(option, name) for option in arg]

            def one_of(value: Any) -> bool:
                matched = False
                for option in options:
                    if option(value):
                        if matched:
                            return False  # a second match: no need to try the rest
                        matched = True
                return matched

            return one_of
        raise ValueError(f"JSON Schema keyword {word!r} is not supported by the quick validator")

    def object(self, node: dict[str, Any], name: str) -> Check:
        properties = {key: self.compile(sub, name) for key, sub in node.get("properties", {}).items()}
        required = tuple(node.get("required", ()))
        extra = node.get("additionalProperties", True)
        other: Check | None = None if extra is True else (lambda v: False) if extra is False else self.compile(extra, name)
        names = self.compile(node["propertyNames"], name) if "propertyNames" in node else None

        def check(value: Any) -> bool:
            if not isinstance(value, dict):
                return True
            for key in required:
                if key not in value:
                    return False
            for key, item in value.items():
                if names is not None and not names(key):
                    return False
                test = properties.get(key, other)
                if test is not None and not test(item):
                    return False
            return True

        return check

    def resolve(self, ref: str, name: str) -> tuple[dict[str, Any], str]:
        document, _, pointer = ref.partition("#")
        if document:
            name = document.removesuffix(".schema.json")
        node: Any = schema(name)
        for part in filter(None, pointer.split("/")):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node, name


def _all_of(checks: list[Check]) -> Check:
    def check(value: Any) -> bool:
        for c in checks:
            if not c(value):
                return False
        return True

    return check


def _canonical(value: Any) -> tuple[bool, Any]:
    """Equal for values JSON Schema counts as equal: 1 and 1.0 are the same, true and 1 are not."""
    return isinstance(value, bool), json.dumps(value, sort_keys=True) if isinstance(value, (dict, list)) else value


def _unique(items: list[Any]) -> bool:
    keys = [_canonical(item) for item in items]
    return len(set(keys)) == len(keys)


def schema_url(name: str) -> str:
    return schema(name)["$id"]


def did_you_mean(word: str, choices: Any) -> str | None:
    from rapidfuzz import process  # here: a catalogue without problems never needs it

    match = process.extractOne(word, list(choices), score_cutoff=70)
    return match[0] if match else None


def explain(name: str, data: Any) -> Iterator[tuple[Path_, str]]:
    """Schema errors as (path, Norwegian message), one per problem, sorted by path."""
    errors = sorted(validator(name).iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    seen: set[tuple[Path_, str]] = set()
    for error in errors:
        for found in _messages(error):  # jsonschema reports each missing required field with the whole list
            if found not in seen:
                seen.add(found)
                yield found


def _messages(error: "jsonschema.ValidationError") -> Iterator[tuple[Path_, str]]:
    path = tuple(error.absolute_path)
    kind, value = error.validator, error.instance
    field = _last(path)
    if kind == "additionalProperties":
        allowed = error.schema.get("properties", {})
        for key in sorted(set(value) - set(allowed), key=str):
            hint = did_you_mean(str(key), allowed)
            tail = f" ({key} → {hint}?)" if hint else ""
            if not hint and len(allowed) <= 10:
                tail = f"; tillatte felt her: {', '.join(allowed)}"
            yield path + (key,), f"ukjent felt '{key}'{tail}"
    elif kind == "required":
        missing = [k for k in error.validator_value if k not in value]
        for key in missing:  # at the key's own line when it is there but left empty, else at the object
            yield path + (key,), f"mangler påkrevd felt '{key}'"
    elif kind == "enum":
        options = ", ".join(str(v) for v in error.validator_value)
        if value is None:
            yield path, f"'{field}' mangler verdi; tillatt: {options}"
        elif isinstance(value, bool) and any(isinstance(v, str) for v in error.validator_value):
            word = "no/yes/on/off" if value is False else "yes/on"
            yield path, (f"ugyldig verdi {value} for '{field}' (YAML leser {word} uten anførselstegn som sant/usant; "
                         f"skriv f.eks. \"no\"); tillatt: {options}")
        else:
            hint = did_you_mean(str(value), [str(v) for v in error.validator_value]) if isinstance(value, str) else None
            tail = f" ({value} → {hint}?)" if hint else ""
            yield path, f"ugyldig verdi {value!r} for '{field}'{tail}; tillatt: {options}"
    elif kind == "type":
        yield path, _type_message(field, error.validator_value, value, error.schema)
    elif kind == "pattern":
        yield path, _pattern_message(path, value)
    elif kind == "oneOf" and isinstance(value, dict) and "key" in error.schema.get("properties", {}):
        yield path, _source_message(value)
    elif kind in ("minimum", "maximum"):
        word = "minst" if kind == "minimum" else "høyst"
        yield path, f"'{field}' = {value} er utenfor gyldig område (skal være {word} {error.validator_value})"
    elif kind in ("minItems", "minLength"):
        yield path, f"'{field}' kan ikke være tom"
    elif kind == "uniqueItems":
        yield path, f"'{field}' har samme verdi flere ganger"
    elif kind == "propertyNames":
        yield path, f"ugyldig nøkkel {value!r}: bruk små bokstaver, tall og bindestrek eller understrek"
    else:
        yield path, error.message


PATTERN_HINTS = {
    "id": "id skal være små bokstaver, tall og bindestrek (f.eks. sandnes-rask-psykisk-helsehjelp)",
    "lines": "linjer skrives som 783-788 eller 783-788, 1020-1025",
    "kommunenummer": "kommunenummer har fire sifre (f.eks. 1108)",
    "icpc": "ICPC-2-kode skrives som P74 (stor bokstav og to sifre)",
    "icd10": "ICD-10-kode skrives som F32 eller F43.1 (F, to sifre og eventuelt punktum og underkode)",
}
ID_FIELDS = {"kommune", "service_areas", "alternatives", "related", "doc"}
KEY_FIELDS = {"key", "source", "sources"}
CONCEPT_FIELDS = {"offers", "problems", "broader"}
DATE_FIELDS = {"assured_date", "page_date", "seen", "date"}
URL_FIELDS = {"url"}
MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
          "november", "desember")


def _pattern_message(path: Path_, value: Any) -> str:
    field = _last(path)
    if field == "phone":
        return phone_message(str(value))
    if field == "email":
        return f"ugyldig e-postadresse {value!r}: skriv navn@domene.no, uten mellomrom eller æøå før @"
    if field in URL_FIELDS:
        return f"ugyldig URL {value!r}: skriv hele adressen med http:// eller https:// og et domene, uten mellomrom"
    if field in DATE_FIELDS:
        return date_message(field, str(value)) or f"ugyldig dato {value!r} i '{field}'"
    if field in PATTERN_HINTS:
        return f"{PATTERN_HINTS[field]}: {value!r}"
    if field in ID_FIELDS:
        return f"ugyldig id {value!r} i '{field}': bruk små bokstaver, tall og bindestrek"
    if field in KEY_FIELDS:
        return f"ugyldig kildenøkkel {value!r}: bruk små bokstaver, tall, - eller _"
    if field in CONCEPT_FIELDS:
        return f"ugyldig begrep {value!r}: begreper skrives med små bokstaver og _ (se vocabulary.yaml)"
    return f"ugyldig verdi {value!r} i '{field}'"


def phone_message(value: str) -> str:
    digits = "".join(c for c in value if c.isdigit())
    national = digits[2:] if value.strip().startswith("+47") else digits
    rule = "norske nummer har 8 sifre (f.eks. 51 68 50 00 eller +47 51 68 50 00), eller er kortnummer som 113 og 116 117"
    if any(not (c.isdigit() or c in " +") for c in value):
        return f"telefonnummeret {value!r} har tegn som ikke hører hjemme i et nummer; skriv bare sifre og mellomrom: {rule}"
    if value.strip().startswith("+") and not value.strip().startswith("+47"):
        return f"telefonnummeret {value!r} er ikke norsk (+47); {rule}"
    if len(national) == 8:
        return f"telefonnummeret {value!r} kan ikke begynne med {national[0]}; {rule}"
    return f"telefonnummeret {value!r} har {len(national)} sifre; {rule}"


def date_message(field: str, value: str) -> str | None:
    """Why a date is wrong, or None when it is a real date (ÅÅÅÅ, ÅÅÅÅ-MM or ÅÅÅÅ-MM-DD)."""
    import datetime as dt
    import re

    shape = "skriv ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ (f.eks. 2024-05-31)"
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not match:
        return f"ugyldig dato {value!r} i '{field}': {shape}"
    year, month, day = (int(g) if g else None for g in match.groups())
    if not 1900 <= year <= 2099:
        return f"umulig dato {value!r} i '{field}': året {year} er ikke rimelig"
    if month is not None and not 1 <= month <= 12:
        return f"umulig dato {value!r} i '{field}': måned {month} finnes ikke"
    if month is not None and day is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            return f"umulig dato {value!r} i '{field}': {MONTHS[month - 1]} {year} har ikke dag {day}"
    return None


def _source_message(value: dict) -> str:
    key = f" '{value['key']}'" if isinstance(value.get("key"), str) else ""
    has_doc, has_url = "doc" in value or "lines" in value, "url" in value or "seen" in value
    if has_doc and has_url:
        return f"kilden{key} har både dokumentfelt (doc/lines) og nettsidefelt (url/seen); del den i to kilder"
    if "doc" in value and "lines" not in value:
        return f"kilden{key} mangler 'lines' (linjene i dokumentet, f.eks. 783-788)"
    if "lines" in value and "doc" not in value:
        return f"kilden{key} mangler 'doc' (dokument-id fra sources.yaml)"
    if "url" in value and "seen" not in value:
        return f"kilden{key} mangler 'seen' (datoen du leste nettsiden, f.eks. \"2026-11\")"
    if "seen" in value and "url" not in value:
        return f"kilden{key} mangler 'url'"
    return f"kilden{key} trenger enten 'doc' og 'lines' (kildedokument) eller 'url' og 'seen' (nettside)"


def _type_message(field: str, expected: Any, value: Any, schema: dict) -> str:
    want = _type_name(expected)
    if value is None:
        return f"'{field}' mangler verdi (skal være {want}); fyll ut eller fjern feltet"
    message = f"'{field}' skal være {want}, ikke {_type_name(type(value).__name__)}"
    if expected == "string" and isinstance(value, (int, float)) and not isinstance(value, bool):
        message += f"; sett verdien i anførselstegn: \"{value}\""
    elif expected == "string" and isinstance(value, bool):
        message += "; YAML leser yes/no/on/off som sant/usant, så sett verdien i anførselstegn"
    elif expected == "object" and {"text", "source"} <= set(schema.get("properties", {})):
        message += "; skriv text: og source: på hver sin linje under"
    elif expected == "array" and not isinstance(value, list):
        message += f"; skriv en liste, f.eks. [{value}]"
    return message


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
