"""`gpguide new`: a service file to fill in, with every field of the schema explained in Norwegian.

The template is generated from gpguide/schema/service.schema.json, so it always lists exactly the fields the checker
accepts. Empty fields mean «not known» to the loader, so the owner only fills in what a source says.
"""

from __future__ import annotations

import os
import re
import textwrap
import unicodedata
from pathlib import Path
from typing import Any, TextIO

from gpguide.catalogue import schema as schemas
from gpguide.catalogue.load import default_catalog_dir, load_catalogue

UNKNOWN = "La stå tom hvis ukjent – aldri gjett."
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
WIDTH = 110
SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schema"

# Directories that are not kommuner: the level a new service there has, and the prefix of its id.
OTHER_DIRS = {"national": ("nasjonal", "nasjonal"), "specialist": ("spesialist", None)}

# What each allowed value means, shown next to the field.
ENUM_MEANINGS = {
    "level": {
        "kommune": "kommunal tjeneste",
        "spesialist": "spesialisthelsetjenesten: DPS, BUP, TSB",
        "nasjonal": "nasjonal telefon eller nettjeneste",
        "frivillig": "frivillig organisasjon",
        "interkommunal": "flere kommuner sammen",
    },
    "gp_referral": {
        "required": "henvisning fra lege kreves",
        "possible": "fastlegen kan henvise, men det trengs ikke",
        "no": "henvisning brukes ikke",
    },
    "kind": {
        "egen": "tjenestens egen side",
        "kommune": "kommunens side",
        "helseforetak": "helseforetakets side",
        "myndighet": "direktorat eller statlig etat",
        "revisjon": "forvaltningsrevisjon",
        "fagmiljo": "kompetansesenter eller forskning",
        "nyhet": "avis eller kringkaster",
        "annen": "annen kommune, Wikipedia, speilside",
        "parti": "politisk parti, vises som påstand",
    },
}

# Extra guidance where the schema's description alone is not enough to fill the field in.
HINTS = {
    "id": "Endres aldri etter at tjenesten er tatt i bruk; andre tjenester viser til den.",
    "alternate_names": "Liste, f.eks. [RPH, Rask psykisk].",
    "service_areas": "Liste med kommune-id-er, f.eks. [sandnes, strand].",
    "status_note": "Skriv alltid hvorfor når status er planned, closed, uncertain eller absent.",
    "emergency": "true eller false; utelates for alt annet enn akuttnumre.",
    "offers": "Liste med begreper fra catalog/vocabulary.yaml, f.eks. [samtaler, kurs].",
    "problems": "Liste, f.eks. [angst, depresjon, sovnvansker].",
    "severity": "Liste, f.eks. [1, 2].",
    "exclusions": "Liste med tekster.",
    "self_referral": "true eller false.",
    "application": "true eller false.",
    "part_of": "Bare når en kilde sier at tjenesten hører til enheten.",
    "referral_must_include": "Liste med tekster.",
    "professionals_only": "true eller false.",
    "alternatives": "Liste med tjeneste-id-er, f.eks. [sandnes-rask-psykisk-helsehjelp].",
    "related": "Liste med tjeneste-id-er.",
    "assured_date": "Fylles ut av tjenesteeier som har kontrollert alle opplysningene, f.eks. \"2026-11-22\".",
    "owner": "F.eks. «Mestringsenheten, Sandnes kommune».",
    "doc": "F.eks. sandnes-2021.",
    "sources": "Minst én kilde; uten kilde gir gpguide check en advarsel.",
}


class ScaffoldError(Exception):
    """The scaffold cannot be made or written; the message says why, in Norwegian."""


def run(catalog: Path | None, kommune: str, *, service_id: str | None, name: str | None, to_stdout: bool,
        out: TextIO) -> int:
    root = Path(catalog) if catalog is not None else default_catalog_dir()
    catalogue = load_catalogue(root)
    directory, kommune_id, level, prefix = resolve_place(root, catalogue, kommune)
    place = catalogue.kommuner[kommune_id].name if kommune_id in catalogue.kommuner else directory
    service_id = choose_id(service_id, name, prefix)
    if service_id in catalogue.services:
        raise ScaffoldError(f"id '{service_id}' er allerede brukt i {catalogue.services[service_id].path}; velg en annen --id")
    path = root / directory / f"{file_slug(service_id, prefix)}.yaml"
    if to_stdout:
        out.write(scaffold(service_id, name, kommune_id, level, schema_ref="../../gpguide/schema/service.schema.json",
                           shown_path=f"catalog/{directory}/{path.name}", place=place))
        return 0
    if path.exists():
        raise ScaffoldError(f"{path} finnes allerede; rediger den, eller velg en annen --id eller --name")
    schema_file = SCHEMA_DIR / "service.schema.json"
    schema_ref = Path(os.path.relpath(schema_file, path.parent)).as_posix()
    text = scaffold(service_id, name, kommune_id, level, schema_ref=schema_ref, shown_path=_shown(path), place=place)
    try:
        with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
            handle.write(text)
    except FileExistsError:
        raise ScaffoldError(f"{path} finnes allerede; rediger den, eller velg en annen --id eller --name") from None
    except OSError as exc:
        raise ScaffoldError(f"kunne ikke skrive {path}: {exc.strerror or exc}") from None
    out.write(f"Skrev {_shown(path)}\n"
              f"Fyll ut feltene (status er påkrevd; la ukjente felt stå tomme) og kjør: gpguide check {_shown(path)}\n")
    return 0


def resolve_place(root: Path, catalogue: Any, text: str) -> tuple[str, str | None, str, str | None]:
    """(directory, kommune id or None, level, id prefix) for --kommune: a kommune by id or name, or national/specialist."""
    found = catalogue.find_kommune(text)
    if found is not None:
        return found.id, found.id, "kommune", found.id
    wanted = text.strip().casefold()
    aliases = {"nasjonal": "national", "nasjonale": "national", "spesialist": "specialist",
               "spesialisthelsetjenesten": "specialist"}
    wanted = aliases.get(wanted, wanted)
    if wanted in OTHER_DIRS and (root / wanted).is_dir():
        level, prefix = OTHER_DIRS[wanted]
        return wanted, None, level, prefix
    known = ", ".join(sorted(catalogue.kommuner)) or "ingen"
    raise ScaffoldError(f"ukjent kommune '{text}'; kjente kommuner: {known} (eller national, specialist). "
                        f"En ny kommune trenger først catalog/<kommune>/kommune.yaml")


def choose_id(service_id: str | None, name: str | None, prefix: str | None) -> str:
    if service_id:
        if not ID_PATTERN.match(service_id):
            raise ScaffoldError(f"ugyldig id '{service_id}': bruk små bokstaver, tall og bindestrek, "
                                "f.eks. sandnes-rask-psykisk-helsehjelp")
        return service_id
    slug = slugify(name) if name else "ny-tjeneste"
    if not slug:
        raise ScaffoldError(f"kan ikke lage en id av navnet '{name}'; oppgi --id")
    return f"{prefix}-{slug}" if prefix and not slug.startswith(prefix + "-") else slug


def file_slug(service_id: str, prefix: str | None) -> str:
    if prefix and service_id.startswith(prefix + "-") and len(service_id) > len(prefix) + 1:
        return service_id[len(prefix) + 1:]
    return service_id


def slugify(text: str) -> str:
    """'Rask psykisk helsehjelp (RPH)' → 'rask-psykisk-helsehjelp-rph'; æ → ae, ø → o, å → a as in the catalogue."""
    text = text.casefold().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _shown(path: Path) -> str:
    relative = os.path.relpath(path)
    return relative if not relative.startswith("..") else str(path)


# ---------- the template ----------


def scaffold(service_id: str, name: str | None, kommune: str | None, level: str, *, schema_ref: str,
             shown_path: str, place: str | None = None) -> str:
    """The template text. `place` is how the header names where the service belongs (e.g. «Sandnes»)."""
    schema = schemas.schema("service")
    values: dict[str, Any] = {"id": service_id, "name": name, "kommune": kommune, "level": level}
    place = place or kommune or shown_path.rsplit("/", 2)[-2]
    lines = [
        f"# yaml-language-server: $schema={schema_ref}",
        f"# Ny tjeneste ({place}). Fyll ut og kjør: gpguide check {shown_path}",
        "#",
        "# Slik fyller du ut:",
        "# - Skriv bare det en kilde sier. La et felt stå tomt hvis det er ukjent – aldri gjett.",
        "#   Tomme felt betyr «ikke registrert» og er ikke feil. Felt merket PÅKREVD må ha en verdi.",
        "# - Hver opplysning viser til en kilde med source: <nøkkel>. Kildene står under sources nederst.",
        "# - Kontakter er bare publiserte kontaktpunkter (sentralbord, vakttelefon, felles e-post).",
        "#   Intervjuobjekter i revisjonsrapporter er aldri kontaktpersoner.",
        "# - Tekst med kolon (:) eller som begynner med et spesialtegn settes i anførselstegn.",
        "# - Mer forklaring: docs/tjenesteeiere.md",
        "",
    ]
    required = set(schema.get("required", []))
    for key, prop in schema["properties"].items():
        if kommune is None and key == "kommune":
            lines += _comment(0, f"{key}: Utelates for nasjonale tjenester og spesialisthelsetjenester (bruk service_areas).")
            lines.append("")
            continue
        lines += _field(schema, key, prop, 0, key in required, values.get(key))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _resolve(root: dict, prop: dict) -> dict:
    """The property's schema with a local $ref followed; the property's own description wins."""
    if "$ref" in prop and prop["$ref"].startswith("#/"):
        target: Any = root
        for part in prop["$ref"][2:].split("/"):
            target = target[part]
        merged = {**_resolve(root, target), **{k: v for k, v in prop.items() if k != "$ref"}}
        return merged
    return prop


def _field(root: dict, key: str, prop: dict, indent: int, required: bool, value: Any = None,
           dash: bool = False, parent: str | None = None) -> list[str]:
    prop = _resolve(root, prop)
    pad = " " * indent
    lines = _comment(indent - 2 if dash else indent, _explain(root, key, prop, required, parent))
    kind = prop.get("type")
    lead = f"{pad[:-2]}- " if dash else pad
    if kind == "object" and "properties" in prop:
        lines.append(f"{lead}{key}:")
        lines += _object_body(root, prop, indent + 2, parent=key)
    elif kind == "array" and _resolve(root, prop.get("items", {})).get("type") == "object":
        lines.append(f"{lead}{key}:")
        lines += _list_of_objects(root, key, _resolve(root, prop["items"]), indent + 2)
    else:
        lines.append(f"{lead}{key}:" + (f" {_yaml_scalar(value)}" if value is not None else ""))
    return lines


def _object_body(root: dict, prop: dict, indent: int, dash_first: bool = False,
                 only: tuple[str, ...] | None = None, parent: str | None = None) -> list[str]:
    lines: list[str] = []
    required = set(prop.get("required", []))
    keys = only or tuple(prop["properties"])
    for i, key in enumerate(keys):
        lines += _field(root, key, prop["properties"][key], indent, key in required, dash=dash_first and i == 0,
                        parent=parent)
    return lines


def _list_of_objects(root: dict, key: str, item: dict, indent: int) -> list[str]:
    """One empty item to fill in; sources get one for a document and one for a web page."""
    pad = " " * indent
    if key == "sources":
        lines = _comment(indent, "Kilde i et kildedokument (doc + lines):")
        lines += _object_body(root, item, indent + 2, dash_first=True, only=("key", "doc", "lines", "quote"),
                              parent="kilden")
        lines += _comment(indent, "Kilde på en offentlig nettside (url + seen):")
        lines += _object_body(root, item, indent + 2, dash_first=True,
                              only=("key", "url", "title", "page_date", "seen", "quote", "kind"), parent="kilden")
        return lines
    lines = _comment(indent, f"Én blokk per {'kontaktpunkt' if key == 'contacts' else 'element'}; "
                             "kopier blokken (fra «-») for flere.")
    lines += _object_body(root, item, indent + 2, dash_first=True, parent=key)
    return [line if line.strip() else pad for line in lines]


def _explain(root: dict, key: str, prop: dict, required: bool, parent: str | None = None) -> str:
    if required:
        need = " (PÅKREVD)" if parent is None else f" (påkrevd når {parent} fylles ut)"
    else:
        need = ""
    parts = [f"{key}{need}:"]
    description = prop.get("description", "").strip()
    if description:
        parts.append(description if description[-1] in ".?!»)" else description + ".")
    enum = prop.get("enum") or _resolve(root, prop.get("items", {})).get("enum")
    if enum:
        meanings = ENUM_MEANINGS.get(key, {})
        allowed = ", ".join(f"{v} ({meanings[v]})" if v in meanings else str(v) for v in enum)
        parts.append(f"Tillatt: {allowed}.")
    if key in HINTS:
        parts.append(HINTS[key])
    if not required and key != "sources":
        parts.append(UNKNOWN)
    return " ".join(parts)


def _comment(indent: int, text: str) -> list[str]:
    prefix = " " * indent + "# "
    return textwrap.wrap(text, width=WIDTH, initial_indent=prefix, subsequent_indent=prefix + "  ",
                         break_on_hyphens=False, break_long_words=False)


def _yaml_scalar(value: Any) -> str:
    text = str(value)
    if re.fullmatch(r"[A-Za-zÆØÅæøå0-9][\w æøåÆØÅ.,()/–-]*", text) and text.casefold() not in {
            "yes", "no", "on", "off", "true", "false", "null", "y", "n"} and not text[0].isdigit():
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
