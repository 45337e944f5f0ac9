"""signals.yaml, checked and compiled once: families of danger signals and the context words that qualify them."""

from __future__ import annotations

import gc
import hashlib
import json
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from gpguide import cachefile
from gpguide.search.triage import phrases
from gpguide.search.triage.phrases import Atoms, Compiler, Element, Phrase, fold

Level = Literal["acute", "reminder", "none"]
DATA = Path(__file__).with_name("signals.yaml")
NEAR = 8  # words: how far a sign that makes danger worse may stand from it, beyond its own sentence

MARK_KINDS = ("negate", "negate_after", "negate_final", "soften", "resolved", "resolved_after", "cleared", "affirm",
              "uncertain", "doubt", "conditional", "general", "past", "recent", "current", "asked", "asked_opening",
              "confirmed", "procedure", "well", "assessed_low", "request", "specific", "gambling", "quiet_since",
              "treated_after", "claimed")
# A longer context phrase of these kinds overrides the shorter ones inside it («ingen plan» is not a plan,
# «nå stabil» is not «nå»); others add up («i går kveld» is still «i går»).
OVERRIDING = frozenset({"negate", "negate_after", "negate_final", "soften", "resolved", "resolved_after", "cleared",
                        "affirm", "uncertain", "doubt", "conditional", "past", "mitigate", "specific", "claimed"})


@dataclass(frozen=True)
class Family:
    name: str
    reason: str  # empty: never acute (bereavement, access to means)
    reminder: str | None
    remind_past: bool = True  # «psykose for ti år siden, stabil» needs no reminder
    reach: int = NEAR  # how far (in words) a sign that makes it worse may stand, beyond its own sentence


@dataclass(frozen=True, eq=False)
class Rule:
    phrase: Phrase
    kind: str  # signals: acute | mention | neutral; marks: one of MARK_KINDS, aggravate, aggravate_here, mitigate
    family: str | None = None  # None for marks that hold for every family
    level: Level = "acute"  # what a mention means when nothing around it says more
    weight: int = 0  # mitigators: 2 is enough alone, 1 needs company
    # per group, atoms one of which must be in the same sentence («alene» + a child; «ruset», «kjørte», a child)
    needs: tuple[frozenset[int], ...] | None = None
    needs_anywhere: bool = False  # the needed words may stand anywhere in the text (a drug named in the history)
    needs_affirmed: bool = False  # ... but not right after a denial («Ingen abstinenskramper»)


class Signals:
    """The compiled table: phrase rules indexed by the atoms of their first word."""

    def __init__(self, data: dict[str, Any]):
        context = data["context"]
        self.aliases = {fold(k): fold(v) for k, v in data["aliases"].items()}
        self.slash_words = {fold(k): fold(v) for k, v in context["slash_words"].items()}
        self.rate_words = {fold(k): fold(v) for k, v in context["rate_words"].items()}
        self.plus_words = {fold(k): v for k, v in context["plus_words"].items()}  # as written: «SI» is exact-case
        self.clitic_words = {fold(k): fold(v) for k, v in context["clitic_words"].items()}
        self.compiler = Compiler(data["classes"], context["not_typos"], data["aliases"])
        self.atoms = self.compiler.atoms
        words = {key: frozenset(fold(w) for w in context[key])
                 for key in ("filler", "clause_words", "abbreviations", "negation_words", "negation_stops",
                             "inherit_time", "since_words", "history_headings", "current_headings", "plan_headings",
                             "example_headings", "months", "denied_now", "sentence_openers", "age_holders", "title_words",
                             "old_words")}
        self.fillers = words["filler"]
        self.clause_words = words["clause_words"]
        self.abbreviations = words["abbreviations"]
        self.negation_words = words["negation_words"]
        self.negation_stops = words["negation_stops"]
        self.inherit_time = words["inherit_time"]
        self.since_words = words["since_words"]
        self.history_headings = words["history_headings"]
        self.current_headings = words["current_headings"]
        self.plan_headings = words["plan_headings"]
        self.example_headings = words["example_headings"]
        self.months = words["months"]
        self.denied_now = words["denied_now"]
        self.sentence_openers = words["sentence_openers"]
        self.age_holders = words["age_holders"]
        self.title_words = words["title_words"]
        self.old_words = words["old_words"]
        self.families: dict[str, Family] = {}
        self.signals: list[Rule] = []
        self.marks: list[Rule] = []
        for kind in MARK_KINDS:
            self._add(self.marks, context[kind], kind)
        for family, phrases in data["aggravate"].items():
            self._add(self.marks, phrases, "aggravate", None if family == "all" else family)
        for family, phrases in data["aggravate_in_clause"].items():
            self._add(self.marks, phrases, "aggravate_here", family)
        for family, strengths in data["mitigate"].items():
            for strength, weight in (("strong", 2), ("weak", 1)):
                self._add(self.marks, strengths.get(strength, []), "mitigate", family, weight=weight)
        for name, spec in data["families"].items():
            self.families[name] = Family(name, spec.get("reason", ""), spec.get("reminder"),
                                         spec.get("remind_past", True), spec.get("reach", NEAR))
            for key, kind, level in (("acute", "acute", "acute"), ("mention", "mention", spec.get("default", "acute")),
                                     ("remind", "mention", "reminder"), ("watch", "mention", "none")):
                self._add(self.signals, spec.get(key, []), kind, name, level=level, typos=True)
        self._add(self.signals, data["neutral"], "neutral")
        common = frozenset().union(*(self.compiler.atoms.labels(w)[0] for w in context["filler"] + context["common"]))
        self.signal_index = self._index(self.signals, common)
        self.mark_index = self._index(self.marks, common)
        self.spellings: dict[str, object] = {}  # each spelling read once (detect._Word), filled as texts are read
        # what makes a word a child («sønnen»): not when an adult's age follows it («sønnen (24)»)
        self.child_atoms = self.compiler.classes.get("kid", frozenset()) | self.compiler.classes.get("smallkid", frozenset())

    def _add(self, rules: list[Rule], entries: list[str | dict[str, str]], kind: str, family: str | None = None,
             level: Level = "acute", weight: int = 0, typos: bool = False) -> None:
        for entry in entries:
            source, needs = (entry["phrase"], entry["needs"]) if isinstance(entry, dict) else (entry, None)
            within = entry.get("within") if isinstance(entry, dict) else None
            needs = [needs] if isinstance(needs, str) else needs or []
            needed = tuple(self._word_group(source, n) for n in needs) or None
            for phrase in self.compiler.compile(source, typos):
                rules.append(Rule(phrase, kind, family, level, weight, needed, within in ("text", "affirmed text"),
                                  within in ("affirmed text", "affirmed sentence")))

    def _word_group(self, source: str, group: str) -> frozenset[int]:
        """The atoms of a `needs` group: one word per alternative («(@kid|søsken)»)."""
        compiled = self.compiler.compile(group)
        if len(compiled) != 1 or len(compiled[0].elements) != 1:
            raise ValueError(f"{source!r}: needs {group!r} must be one word per alternative")
        return compiled[0].elements[0].atoms

    @staticmethod
    def _index(rules: list[Rule], common: frozenset[int]) -> Index:
        """Rules by the atoms of their first word, or of their first two words when these stand side by side
        (so that «i» leads only to the phrases that go on with the next word), or of their second word when the
        first is a common one («å ~1 ikke våkne» is looked for at «våkne», not at every «å»)."""
        index = Index({}, {}, {}, set(), {})
        for rule in rules:
            elements = rule.phrase.elements
            costs = [_cost(e, common) for e in elements]
            anchor = costs.index(min(costs))
            if len(elements) > 1 and not elements[1].gap and costs[0] <= 2 * min(costs):
                index.pair_starts.update(elements[0].atoms)
                for a in elements[0].atoms:
                    for b in elements[1].atoms:
                        index.pairs.setdefault((a, b), []).append(rule)
            elif anchor:
                for a in elements[anchor].atoms:
                    index.anchored.setdefault(a, []).append((rule, anchor))
            else:
                for a in elements[0].atoms:
                    index.firsts.setdefault(a, []).append(rule)
        return index


@dataclass(frozen=True)
class Index:
    firsts: Mapping[int, list[Rule]]
    pairs: Mapping[tuple[int, int], list[Rule]]
    anchored: Mapping[int, list[tuple[Rule, int]]]  # rules found from a rarer word than their first
    pair_starts: set[int]
    cache: dict  # labels → what may be found there (filled as texts are read)


def _cost(element, common: frozenset[int]) -> int:
    """How often a phrase word is likely to occur: a class or a common word often."""
    return len(element.atoms) + (100 if not common.isdisjoint(element.atoms) else 0)


def load(text: str) -> Signals:
    import yaml  # here, not at the top: a start with the table cached reads no YAML

    return Signals(yaml.load(text, Loader=_strict_loader()))  # noqa: S506 (a SafeLoader)


@cache
def _strict_loader() -> type:
    """YAML that a clinician edits: a key given twice or a phrase read as a number or yes/no is an error."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # SafeLoader when PyYAML is built without libyaml

    class StrictLoader(base):  # type: ignore[valid-type, misc]
        def construct_mapping(self, node, deep=False):
            seen = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in seen:
                    raise ValueError(f"signals.yaml line {key_node.start_mark.line + 1}: {key!r} is given twice")
                seen.add(key)
            return super().construct_mapping(node, deep)

        def construct_sequence(self, node, deep=False):
            for item in node.value:
                if isinstance(item, yaml.ScalarNode) and item.tag != "tag:yaml.org,2002:str":
                    raise ValueError(f"signals.yaml line {item.start_mark.line + 1}: quote {item.value!r}")
            return super().construct_sequence(node, deep)

    return StrictLoader


@cache
def signals() -> Signals:
    """The table of signals.yaml. Compiling it takes a noticeable part of a second, so the compiled table is kept
    as data (cachefile) for the next start, keyed by signals.yaml and the code that compiles it. The garbage
    collector pauses meanwhile: tens of thousands of objects are made and none is garbage."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _signals()
    finally:
        if enabled:
            gc.enable()


def _signals() -> Signals:
    text = DATA.read_bytes()
    key = hashlib.sha256(text + b"".join(Path(f).read_bytes() for f in _COMPILER_FILES)).hexdigest()[:32]
    folder = None if os.environ.get("GPGUIDE_NO_CACHE") else cachefile.private_dir("triage")
    if folder is not None:
        data = cachefile.read_data(folder / f"signals-{key}.marshal")
        if isinstance(data, dict) and data.get("format") == FORMAT:
            try:
                return _from_data(data)
            except (KeyError, TypeError, ValueError, IndexError):
                pass  # damaged or from another version: compiled again below
    table = load(text.decode("utf-8"))
    if folder is not None:
        for old in folder.glob("signals-*"):
            if old.name != f"signals-{key}.marshal":
                old.unlink(missing_ok=True)
        cachefile.write_data(folder, f"signals-{key}.marshal", _to_data(table))
    return table


# ---------- the compiled table as data ----------

FORMAT = 3
_COMPILER_FILES = (__file__, phrases.__file__)
_WORD_SETS = ("fillers", "clause_words", "abbreviations", "negation_words", "negation_stops", "inherit_time",
              "since_words", "history_headings", "current_headings", "plan_headings", "example_headings", "months", "denied_now",
              "sentence_openers", "age_holders", "title_words", "old_words")
_ATOM_TABLES = ("literal", "exact", "prefix", "suffix")
# The rules, their atom sets and the index entries are kept as text and read when a question first needs them:
# a question reaches a few hundred of the ten thousand rules.


def _numbers(values: Any) -> str:
    return " ".join(map(str, values))


def _to_data(table: Signals) -> dict[str, Any]:
    sets: dict[frozenset[int], int] = {}

    def set_id(atoms: frozenset[int]) -> int:
        return sets.setdefault(atoms, len(sets))

    strings: dict[str | None, int] = {}

    def string_id(text: str | None) -> int:
        return strings.setdefault(text, len(strings))

    def rules(found: list[Rule]) -> list[str]:
        # One row per rule: its strings and atom sets by number, elements flat (set, gap, set, gap, ...).
        return [json.dumps([string_id(r.phrase.source), [x for e in r.phrase.elements for x in (set_id(e.atoms), e.gap)],
                            r.phrase.specificity, string_id(r.kind), string_id(r.family), string_id(r.level), r.weight,
                            None if r.needs is None else [set_id(n) for n in r.needs], r.needs_anywhere,
                            r.needs_affirmed],
                           separators=(",", ":"))
                for r in found]

    def index(found: Index, numbers: dict[int, int]) -> dict[str, Any]:
        return {"firsts": {str(a): _numbers(numbers[id(r)] for r in rs) for a, rs in found.firsts.items()},
                "pairs": {f"{a} {b}": _numbers(numbers[id(r)] for r in rs) for (a, b), rs in found.pairs.items()},
                "anchored": {str(a): _numbers(x for r, at in rs for x in (numbers[id(r)], at))
                             for a, rs in found.anchored.items()},
                "pair_starts": sorted(found.pair_starts)}

    atoms = table.atoms
    data = {
        "format": FORMAT,
        "aliases": table.aliases, "slash_words": table.slash_words, "plus_words": table.plus_words,
        "rate_words": table.rate_words, "clitic_words": table.clitic_words,
        "words": {name: sorted(getattr(table, name)) for name in _WORD_SETS},
        "families": [[f.name, f.reason, f.reminder, f.remind_past, f.reach] for f in table.families.values()],
        "signals": rules(table.signals), "marks": rules(table.marks), "child_atoms": sorted(table.child_atoms),
        "signal_index": index(table.signal_index, {id(r): i for i, r in enumerate(table.signals)}),
        "mark_index": index(table.mark_index, {id(r): i for i, r in enumerate(table.marks)}),
        "atoms": {**{name: getattr(atoms, name) for name in _ATOM_TABLES},
                  "numbers": [[low, high, a] for (low, high), a in atoms.numbers.items()],
                  "weight": atoms.weight, "typo_prone": sorted(atoms.typo_prone),
                  "not_typos": sorted(atoms.not_typos), "aliases": atoms.aliases},
    }
    data["sets"] = [_numbers(sorted(atom_set)) for atom_set in sets]
    data["strings"] = list(strings)
    return data


class _Rules(Sequence[Rule]):
    """Rules made from their rows when first asked for, each once (rules are told apart by identity)."""

    def __init__(self, rows: list[str], make: Callable[[list[Any]], Rule]):
        self._rows, self._make = rows, make
        self._built: list[Rule | None] = [None] * len(rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, n: int) -> Rule:  # type: ignore[override]
        rule = self._built[n]
        if rule is None:
            rule = self._built[n] = self._make(json.loads(self._rows[n]))
        return rule


class _Entries(Mapping[Any, list]):
    """Index entries kept as text by their key's text, read when first looked up."""

    def __init__(self, raw: dict[str, str], key: Callable[[Any], str], parse_key: Callable[[str], Any],
                 entry: Callable[[str], list]):
        self._raw, self._key, self._parse_key, self._entry = raw, key, parse_key, entry
        self._read: dict[Any, list] = {}

    def get(self, key: Any, default: Any = None) -> Any:
        found = self._read.get(key)
        if found is None:
            text = self._raw.get(self._key(key))
            if text is None:
                return default
            found = self._read[key] = self._entry(text)
        return found

    def __getitem__(self, key: Any) -> list:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[Any]:
        return map(self._parse_key, self._raw)

    def __len__(self) -> int:
        return len(self._raw)


def _pair_key(key: tuple[int, int]) -> str:
    return f"{key[0]} {key[1]}"


def _from_data(data: dict[str, Any]) -> Signals:
    table = Signals.__new__(Signals)
    sets_text = data["sets"]
    sets: dict[int, frozenset[int]] = {}
    strings = data["strings"]
    elements: dict[tuple[int, int], Element] = {}

    def atom_set(n: int) -> frozenset[int]:
        found = sets.get(n)
        if found is None:
            found = sets[n] = frozenset(map(int, sets_text[n].split()))
        return found

    def element(n: int, gap: int) -> Element:
        found = elements.get((n, gap))
        if found is None:
            found = elements[n, gap] = Element(atom_set(n), gap)
        return found

    def rule(row: list[Any]) -> Rule:
        source, flat, specificity, kind, family, level, weight, needs, anywhere, affirmed = row
        return Rule(Phrase(strings[source], tuple(element(flat[i], flat[i + 1]) for i in range(0, len(flat), 2)),
                           specificity), strings[kind], strings[family], strings[level], weight,
                    None if needs is None else tuple(atom_set(n) for n in needs), anywhere, affirmed)

    def index(found: dict[str, Any], listed: _Rules) -> Index:
        def rules(text: str) -> list[Rule]:
            return [listed[int(n)] for n in text.split()]

        def anchored(text: str) -> list[tuple[Rule, int]]:
            numbers = list(map(int, text.split()))
            return [(listed[numbers[i]], numbers[i + 1]) for i in range(0, len(numbers), 2)]

        return Index(_Entries(found["firsts"], str, int, rules),
                     _Entries(found["pairs"], _pair_key, lambda k: tuple(map(int, k.split())), rules),
                     _Entries(found["anchored"], str, int, anchored),
                     set(found["pair_starts"]), {})

    stored = data["atoms"]
    atoms = Atoms(frozenset(stored["not_typos"]), stored["aliases"])
    for name in _ATOM_TABLES:
        setattr(atoms, name, stored[name])
    atoms.numbers = {(low, high): a for low, high, a in stored["numbers"]}
    atoms.weight = stored["weight"]
    atoms.typo_prone = set(stored["typo_prone"])
    table.atoms = atoms
    table.aliases, table.slash_words, table.plus_words = data["aliases"], data["slash_words"], data["plus_words"]
    table.rate_words, table.clitic_words = data["rate_words"], data["clitic_words"]
    for name in _WORD_SETS:
        setattr(table, name, frozenset(data["words"][name]))
    table.families = {name: Family(name, reason, reminder, remind_past, reach)
                      for name, reason, reminder, remind_past, reach in data["families"]}
    table.signals, table.marks = _Rules(data["signals"], rule), _Rules(data["marks"], rule)  # type: ignore[assignment]
    table.signal_index = index(data["signal_index"], table.signals)  # type: ignore[arg-type]
    table.mark_index = index(data["mark_index"], table.marks)  # type: ignore[arg-type]
    table.child_atoms = frozenset(data["child_atoms"])
    table.spellings = {}
    return table
