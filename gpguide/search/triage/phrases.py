"""The phrase language of signals.yaml, compiled to token matchers.

A phrase is a sequence of words separated by spaces. Each word is one of:
  ord        the word itself (folded: «Sjølvmord» and «sjolvmord» meet), or within one typo of it (two in long words)
  ord*       any word starting with «ord»; *ord: any word ending in it
  =SI        exactly this spelling, case included
  @navn      any word of the class «navn»
  #5+ #0-4   a number in the range
  (a|b c|)   one of the alternatives; an empty one makes the group optional
  ~3         up to three other words (never across a negation, a clause break or a sentence break)
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "ae", "ö": "o", "ü": "u"})
_PART = re.compile(r"\([^)]*\)|\S+")
_NUMBER = re.compile(r"#(\d+)(?:\+|-(\d+))")
_GAP = re.compile(r"~(\d+)")
_WORD = re.compile(r"=?\*?[^\W_]+\*?|#\d+(?:\+|-\d+)|@\w+")
_HYPHEN = re.compile(r"(?<=[^\W_])-(?=[^\W\d_])")  # «S-tanker» is two words in the text, so in phrases too
FUZZY_LITERAL = 6  # shortest word or prefix that may be matched with a typo
FUZZY_PREFIX = 7
SUBSTITUTION = 9  # shorter words match a typo only by a letter left out, added or swapped: «henting» is no «henging»
TWO_EDITS = 10


def fold(word: str) -> str:
    """Lowercase, Norwegian letters to ASCII, accents off; in longer words 'aa'/'oe' as 'a'/'o' («forsoek» is
    «forsøk»), but not in short ones, where «noe» would become «no» (nynorsk for «nå»)."""
    word = unicodedata.normalize("NFKC", word).casefold().translate(_FOLD)
    if not word.isascii():
        word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return word.replace("aa", "a").replace("oe", "o") if len(word) >= 5 else word


@dataclass(frozen=True)
class Element:
    atoms: frozenset[int]  # the word matches when it carries any of these atoms
    gap: int = 0  # how many other words may come before it


@dataclass(frozen=True)
class Phrase:
    source: str  # as written in signals.yaml
    elements: tuple[Element, ...]
    specificity: int  # longer and more literal phrases win over shorter and vaguer ones


class Atoms:
    """Every distinct single-word matcher, numbered; a word's labels are the atoms it matches."""

    def __init__(self, not_typos: frozenset[str], aliases: dict[str, str]):
        self.literal: dict[str, int] = {}
        self.exact: dict[str, int] = {}
        self.prefix: dict[str, int] = {}
        self.suffix: dict[str, int] = {}
        self.numbers: dict[tuple[int, int], int] = {}
        self.weight: list[int] = []
        self.typo_prone: set[int] = set()  # atoms of signal words: only these are matched with a typo
        self.not_typos = not_typos
        self.aliases = aliases
        self._fuzzy: dict[str, list[tuple[str, bool, int]]] | None = None
        self._known: dict[str, int] = {}

    def atom(self, word: str) -> int:
        """The atom for one word of a phrase (no classes, groups or gaps)."""
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = self._new_atom(word)
        return known

    def _new_atom(self, word: str) -> int:
        number = _NUMBER.fullmatch(word)
        if number:
            low, high = int(number.group(1)), int(number.group(2) or 10**9)
            return self._add(self.numbers, (low, high), 1)
        if word.startswith("="):
            return self._add(self.exact, word[1:], len(word))
        if word.endswith("*"):
            return self._add(self.prefix, fold(word[:-1]), len(word) - 1)
        if word.startswith("*"):
            return self._add(self.suffix, fold(word[1:]), len(word) - 1)
        return self._add(self.literal, fold(word), len(word) + 2)

    def _add(self, table: dict, key, weight: int) -> int:
        if key not in table:
            table[key] = len(self.weight)
            self.weight.append(weight)
            self._fuzzy = None
        return table[key]

    def labels(self, raw: str) -> tuple[frozenset[int], frozenset[int]]:
        """The atoms a word matches as written, and with a typo allowed in signal words (the caller caches)."""
        word = fold(raw)
        found = self._word(word)
        if raw in self.exact:
            found.add(self.exact[raw])
        if word in self.aliases:
            standard = self.aliases[word]
            found |= self._word(standard)
            if standard in self.exact:  # «reb» (Danish) is «=tau»
                found.add(self.exact[standard])
        exact = frozenset(found)
        # A word that already is a signal word is not a typo of another («overdose» is not «overdoser»).
        if len(word) >= FUZZY_LITERAL and word not in self.not_typos and self.typo_prone.isdisjoint(found):
            return exact, exact | self._typos(word)
        return exact, exact

    def _word(self, word: str) -> set[int]:
        found = set()
        if word in self.literal:
            found.add(self.literal[word])
        for length in range(1, len(word) + 1):
            if word[:length] in self.prefix:
                found.add(self.prefix[word[:length]])
            if word[-length:] in self.suffix:
                found.add(self.suffix[word[-length:]])
        if word.isdecimal() and len(word) <= 9:  # «⓵» and «²» are digits but no number int() reads
            value = int(word)
            found.update(a for (low, high), a in self.numbers.items() if low <= value <= high)
        return found

    def _typos(self, word: str) -> set[int]:
        """Atoms the word matches with a slip of the keyboard: one edit, two in long words, first letter kept."""
        if self._fuzzy is None:
            self._fuzzy = {}
            keys = [(w, False, a) for w, a in self.literal.items()
                    if len(w) >= FUZZY_LITERAL and not w.isdigit() and a in self.typo_prone]
            keys += [(w, True, a) for w, a in self.prefix.items() if len(w) >= FUZZY_PREFIX and a in self.typo_prone]
            for key in keys:
                for bucket in {key[0][:2], key[0][0] + key[0][2]}:
                    self._fuzzy.setdefault(bucket, []).append(key)
        found = set()
        seen = set()
        for bucket in (word[:2], word[0] + word[2]):
            for key, is_prefix, atom in self._fuzzy.get(bucket, ()):
                if atom in seen:
                    continue
                seen.add(atom)
                if is_prefix:
                    heads = [word[:len(key)], word[:len(key) + 1]] + ([word[:len(key) - 1]] if len(key) >= 8 else [])
                    if any(_slip(h, key) for h in heads):
                        found.add(atom)
                elif _slip(word, key):
                    found.add(atom)
        return found


def _slip(word: str, key: str) -> bool:
    if len(key) >= TWO_EDITS:
        return _distances()[0](word, key, score_cutoff=2) <= 2
    if len(key) >= SUBSTITUTION:
        return _distances()[0](word, key, score_cutoff=1) <= 1
    if len(word) != len(key):
        return _distances()[1](word, key, score_cutoff=1) <= 1
    diff = [i for i in range(len(word)) if word[i] != key[i]]
    if len(diff) == 1:  # nynorsk and bokmål endings: «kverka» is «kverke», «tankar» is «tanker»
        return diff[0] >= len(word) - 2 and {word[diff[0]], key[diff[0]]} == {"a", "e"}
    return len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == key[diff[1]] and word[diff[1]] == key[diff[0]]


@functools.cache
def _distances() -> tuple[Callable[..., int], Callable[..., int]]:
    """Damerau-Levenshtein and Indel distances, imported when first needed: a question with no long unknown word
    needs none."""
    from rapidfuzz.distance import DamerauLevenshtein, Indel

    return DamerauLevenshtein.distance, Indel.distance


class Compiler:
    def __init__(self, classes: dict[str, list[str]], not_typos: list[str], aliases: dict[str, str]):
        self.atoms = Atoms(frozenset(fold(w) for w in not_typos), {fold(k): fold(v) for k, v in aliases.items()})
        self.classes = {name: frozenset(self.atoms.atom(w) for w in words) for name, words in classes.items()}
        self._words: dict[str, tuple[frozenset[int] | None, int]] = {}

    def compile(self, source: str, typos: bool = False) -> list[Phrase]:
        """One phrase of signals.yaml, as one matcher per spelled-out variant of its multi-word groups.
        With `typos`, its words also match misspelt (signal words; context words such as «pasienter» must not)."""
        choices: list[list[str]] = []
        for part in _PART.findall(_HYPHEN.sub(" ", source)):
            if part.startswith("(") and any(" " in alt or not alt for alt in part[1:-1].split("|")):
                choices.append([alt.strip() for alt in part[1:-1].split("|")])
            else:
                choices.append([part])
        phrases = []
        for variant in itertools.product(*choices):
            words = " ".join(v for v in variant if v).split()
            while words and _GAP.fullmatch(words[-1]):  # «~2 (lenger|)»: the gap went with the empty choice
                words.pop()
            phrases.append(self._phrase(source, words))
        if typos:
            for phrase in phrases:
                for element in phrase.elements:
                    self.atoms.typo_prone.update(element.atoms)
            self.atoms._fuzzy = None
        return phrases

    def _word(self, source: str, word: str) -> tuple[frozenset[int] | None, int]:
        """A phrase word's atoms and its weight in the phrase's specificity, or (None, n) for a gap of n words.
        Words recur across phrases, so each is read once."""
        if _GAP.fullmatch(word):
            return None, int(word[1:])
        if not (_WORD.fullmatch(word) or word.startswith("(") and word.endswith(")")
                and all(_WORD.fullmatch(w) for w in word[1:-1].split("|"))):
            raise ValueError(f"{source!r}: cannot read {word!r}")
        alternatives = word[1:-1].split("|") if word.startswith("(") else [word]
        atoms = frozenset().union(*(self._atoms(source, w) for w in alternatives))
        weight = min(1 if w.startswith("@") else self.atoms.weight[self.atoms.atom(w)] for w in alternatives)
        self._words[word] = atoms, weight
        return atoms, weight

    def _atoms(self, source: str, word: str) -> frozenset[int]:
        if not word.startswith("@"):
            return frozenset({self.atoms.atom(word)})
        if word[1:] not in self.classes:
            raise ValueError(f"{source!r}: unknown class {word}")
        return self.classes[word[1:]]

    def _phrase(self, source: str, words: list[str]) -> Phrase:
        elements: list[Element] = []
        gap, specificity = 0, 0
        for word in words:
            atoms, weight = self._words.get(word) or self._word(source, word)
            if atoms is None:
                gap += weight
                continue
            specificity += weight
            elements.append(Element(atoms, gap))
            gap = 0
        if not elements or elements[0].gap or gap:
            raise ValueError(f"{source!r}: a phrase starts and ends with a word")
        return Phrase(source, tuple(elements), specificity)
