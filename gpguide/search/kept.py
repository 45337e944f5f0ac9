"""The lexicon and the scopes of a cached catalogue, kept as data beside it (cachefile: checksummed JSON, never
code), so that a start does not build again what an earlier one built.

A file is named by what it holds and a key made of the catalogue's fingerprint and the code that builds it; a
file that is missing, damaged or holds something unexpected is built again, silently."""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from gpguide import cachefile
from gpguide.catalogue import Catalogue, Service
from gpguide.search.lexicon import Lexicon
from gpguide.search.scope import NameForm, Scope

T = TypeVar("T")
PREFIX = "index-"  # the catalogue cache drops these files whenever it validates the catalogue again


def lexicon(catalogue: Catalogue) -> Lexicon:
    return _kept(catalogue, "lexicon", lambda: Lexicon.build(catalogue), _lexicon_data,
                 lambda data: _lexicon_of(data, catalogue))


def scope(kommune: str | None, services: tuple[Service, ...], lexicon: Lexicon, catalogue: Catalogue) -> Scope:
    name = "scope-" + hashlib.sha256(repr(kommune).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return _kept(catalogue, name, lambda: Scope.build(kommune, services, lexicon, catalogue), _scope_data,
                 lambda data: _scope_of(data, kommune, services))


def _kept(catalogue: Catalogue, name: str, build: Callable[[], T], to_data: Callable[[T], Any],
          from_data: Callable[[Any], T]) -> T:
    kept = catalogue.kept
    if kept is None or os.environ.get("GPGUIDE_NO_CACHE"):
        return build()
    key = hashlib.sha256(f"{kept.fingerprint}|{_code_key()}".encode()).hexdigest()[:24]
    file = f"{PREFIX}{name}-{key}.json"
    data = cachefile.read_json(kept.folder / file)
    if data is not None:
        try:
            return from_data(data)
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            pass
    value = build()
    for old in kept.folder.glob(f"{PREFIX}{name}-*.json"):
        if old.name != file:
            old.unlink(missing_ok=True)
    cachefile.write_json(kept.folder, file, to_data(value))
    return value


@cache
def _code_key() -> str:
    """Changes with the code that builds what is kept, and with the stemmer."""
    import Stemmer

    from gpguide.search import lexicon as lexicon_module, normalise, scope as scope_module

    parts = []
    for path in (__file__, lexicon_module.__file__, normalise.__file__, scope_module.__file__, Stemmer.__file__):
        try:
            info = os.stat(path)
            parts.append(f"{Path(path).name}:{info.st_size}:{info.st_mtime_ns}")
        except (OSError, TypeError):
            parts.append("?")
    return "|".join(parts)


# ---------- the lexicon ----------


def _lexicon_data(lex: Lexicon) -> dict[str, Any]:
    def sets(table: dict[str, set[str]]) -> dict[str, list[str]]:
        return {k: sorted(v) for k, v in table.items()}

    return {"exact": sets(lex.exact), "stems": sets(lex.stems), "icpc": sets(lex.icpc), "icd10": sets(lex.icd10),
            "narrower": sets(lex.narrower), "phrases": [[list(p), sorted(c)] for p, c in lex.phrases.items()],
            "fuzzy_choices": lex.fuzzy_choices, "kommune_names": lex.kommune_names}


def _lexicon_of(data: dict[str, Any], catalogue: Catalogue) -> Lexicon:
    def sets(table: dict[str, list[str]]) -> defaultdict[str, set[str]]:
        return defaultdict(set, {k: set(v) for k, v in table.items()})

    lex = Lexicon(concepts=catalogue.concepts, exact=sets(data["exact"]), stems=sets(data["stems"]),
                  icpc=sets(data["icpc"]), icd10=sets(data["icd10"]), narrower=sets(data["narrower"]),
                  fuzzy_choices=list(data["fuzzy_choices"]), kommune_names=dict(data["kommune_names"]))
    lex.phrases = {tuple(words): set(found) for words, found in data["phrases"]}
    for phrase in lex.phrases:
        lex.phrases_by_first[phrase[0]].append(phrase)
    return lex


# ---------- a scope ----------


def _scope_data(scope: Scope) -> dict[str, Any]:
    # Name forms are numbered: one form is listed under several words, and is told apart by identity.
    numbers: dict[int, int] = {}
    forms: list[list[Any]] = []

    def number(form: NameForm) -> int:
        if id(form) not in numbers:
            numbers[id(form)] = len(forms)
            forms.append([form.service_id, list(form.words), list(form.key_words), form.compact, form.distinctive,
                          form.whole, list(form.tails)])
        return numbers[id(form)]

    def sets(table: dict[str, Any]) -> dict[str, list[str]]:
        return {k: sorted(v) for k, v in table.items()}

    by_stem = {k: [number(f) for f in v] for k, v in scope.forms_by_stem.items()}
    by_compact = {k: [number(f) for f in v] for k, v in scope.forms_by_compact.items()}
    return {"services": [s.id for s in scope.services], "forms": forms, "forms_by_stem": by_stem,
            "forms_by_compact": by_compact, "name_words": sets(scope.name_words),
            "name_words_by_initial": scope.name_words_by_initial,
            "organizations": {k: [[list(words), i] for words, i in v] for k, v in scope.organizations.items()},
            "concept_idf": scope.concept_idf, "text_stems": sets(scope.text_stems), "text_df": scope.text_df,
            "avg_tags": scope.avg_tags, "made_for": sets(scope.made_for), "name_concepts": sets(scope.name_concepts)}


def _scope_of(data: dict[str, Any], kommune: str | None, services: tuple[Service, ...]) -> Scope:
    if data["services"] != [s.id for s in services]:
        raise ValueError("kept for other services")
    forms = [NameForm(i, tuple(words), tuple(keys), compact, distinctive, whole, tuple(tails))
             for i, words, keys, compact, distinctive, whole, tails in data["forms"]]

    def listed(table: dict[str, list[int]]) -> defaultdict[str, list[NameForm]]:
        return defaultdict(list, {k: [forms[n] for n in v] for k, v in table.items()})

    def frozen(table: dict[str, list[str]]) -> dict[str, frozenset[str]]:
        return {k: frozenset(v) for k, v in table.items()}

    return Scope(
        kommune, services, forms_by_stem=listed(data["forms_by_stem"]), forms_by_compact=listed(data["forms_by_compact"]),
        name_words=defaultdict(set, {k: set(v) for k, v in data["name_words"].items()}),
        name_words_by_initial=defaultdict(list, {k: list(v) for k, v in data["name_words_by_initial"].items()}),
        organizations=defaultdict(list, {k: [(tuple(words), i) for words, i in v]
                                         for k, v in data["organizations"].items()}),
        concept_idf=dict(data["concept_idf"]), text_stems=frozen(data["text_stems"]), text_df=dict(data["text_df"]),
        avg_tags=float(data["avg_tags"]), made_for=frozen(data["made_for"]), name_concepts=frozen(data["name_concepts"]))
