"""signals.yaml, checked and compiled once: families of danger signals and the context words that qualify them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

from gpguide.search.triage.phrases import Compiler, Phrase, fold

Level = Literal["acute", "reminder", "none"]
DATA = Path(__file__).with_name("signals.yaml")
NEAR = 8  # words: how far a sign that makes danger worse may stand from it, beyond its own sentence

MARK_KINDS = ("negate", "negate_after", "negate_final", "soften", "resolved", "resolved_after", "affirm", "uncertain",
              "doubt", "conditional", "general", "past", "recent", "current")
# A longer context phrase of these kinds overrides the shorter ones inside it («ingen plan» is not a plan,
# «nå stabil» is not «nå»); others add up («i går kveld» is still «i går»).
OVERRIDING = frozenset({"negate", "negate_after", "negate_final", "soften", "resolved", "resolved_after", "affirm",
                        "uncertain", "doubt", "conditional", "past", "mitigate"})


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


class Signals:
    """The compiled table: phrase rules indexed by the atoms of their first word."""

    def __init__(self, data: dict[str, Any]):
        context = data["context"]
        self.aliases = {fold(k): fold(v) for k, v in data["aliases"].items()}
        self.slash_words = {fold(k): fold(v) for k, v in context["slash_words"].items()}
        self.compiler = Compiler(data["classes"], context["not_typos"], data["aliases"])
        words = {key: frozenset(fold(w) for w in context[key])
                 for key in ("filler", "clause_words", "abbreviations", "negation_words", "negation_stops",
                             "inherit_time", "history_headings", "current_headings", "plan_headings", "example_headings",
                             "months")}
        self.fillers = words["filler"]
        self.clause_words = words["clause_words"]
        self.abbreviations = words["abbreviations"]
        self.negation_words = words["negation_words"]
        self.negation_stops = words["negation_stops"]
        self.inherit_time = words["inherit_time"]
        self.history_headings = words["history_headings"]
        self.current_headings = words["current_headings"]
        self.plan_headings = words["plan_headings"]
        self.example_headings = words["example_headings"]
        self.months = words["months"]
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

    def _add(self, rules: list[Rule], entries: list[str | dict[str, str]], kind: str, family: str | None = None,
             level: Level = "acute", weight: int = 0, typos: bool = False) -> None:
        for entry in entries:
            source, needs = (entry["phrase"], entry["needs"]) if isinstance(entry, dict) else (entry, None)
            needs = [needs] if isinstance(needs, str) else needs or []
            needed = tuple(self._word_group(source, n) for n in needs) or None
            for phrase in self.compiler.compile(source, typos):
                rules.append(Rule(phrase, kind, family, level, weight, needed))

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
    firsts: dict[int, list[Rule]]
    pairs: dict[tuple[int, int], list[Rule]]
    anchored: dict[int, list[tuple[Rule, int]]]  # rules found from a rarer word than their first
    pair_starts: set[int]
    cache: dict  # labels → what may be found there (filled as texts are read)


def _cost(element, common: frozenset[int]) -> int:
    """How often a phrase word is likely to occur: a class or a common word often."""
    return len(element.atoms) + (100 if not common.isdisjoint(element.atoms) else 0)


class _StrictLoader(_BaseLoader):
    """YAML that a clinician edits: a key given twice or a phrase read as a number or yes/no is an error."""

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


def load(text: str) -> Signals:
    return Signals(yaml.load(text, Loader=_StrictLoader))  # noqa: S506 (a SafeLoader)


@cache
def signals() -> Signals:
    return load(DATA.read_text(encoding="utf-8"))
