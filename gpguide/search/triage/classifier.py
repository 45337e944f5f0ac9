"""The second net: a small linear model on character n-grams that can only raise the triage to acute.

Trained from the repository (`python -m gpguide.search.triage.train`): the safety corpus and the gold questions.
A long text is read in parts of a few sentences, a short one also without its first sentences, and the most
alarming piece counts.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from gpguide.search.triage.phrases import fold

WEIGHTS = Path(__file__).with_name("weights.json")
_WORD = re.compile(r"[^\W\d_]+|\d+")
_SENTENCE = re.compile(r"(?<=[.!?;\n])\s+")
_BREAK = re.compile(r"(?<=[.!?;])\s+|\s*\n\s*")  # between sentences, also where about_now() joined them
PART = 300  # characters: a long text is scored in parts of whole sentences of about this length
MIN_TAIL = 16  # words: a shorter tail says too little on its own
MIN_WORDS = 6  # a shorter text («Takk.», «Hva gjør jeg nå?») says too little for the model to judge
TAIL_MARGIN = 0.5  # a tail has lost what was said first, so it must score that much surer
# Greetings and thanks tell the model nothing about the patient (a farewell «takk for alt» is the rules' to read).
COURTESY = frozenset({"takk", "tusen", "hei", "heisann", "hallo", "mvh", "hilsen", "helsing"})
# A sentence of only these asks the colleague and tells nothing of the patient («Hva gjør jeg nå?», «Hvem kan hjelpe?»);
# one that asks for a referral or a service («Hvem henviser jeg til?», «Hva finnes?») does tell: the case is ordinary.
ASKING = frozenset(fold(w) for w in """
    hva hvor hvem hvordan hvilken hvilket hvilke hvorfor kva kvar kven korleis kvifor ka kor kem koss åssen
    gjør gjøre gjer gjere gjera anbefaler anbefale anbefales tilrår foreslår foreslå tenker tenkjer går gå bør burde
    skal kan må
    hjelpe hjelpa hjelp vet veit har er blir vert
    jeg eg æ e vi me du dere de man en ein det dette den her da så nå no videre vidare best beste
    noen nokon noe noko nokre tips råd forslag ideer idear innspill med til om på for i
    han ham hun ho henne dem pasienten pas pt""".split())
_CACHE_LIMIT = 200_000
_folded: dict[str, str] = {}


def words(text: str) -> list[str]:
    """The folded words; «min» only as minutes («for 20 min siden»), not as «min pasient», which it learned from."""
    found = []
    for raw in _WORD.findall(text):
        word = _folded.get(raw)
        if word is None:
            if len(_folded) > _CACHE_LIMIT:
                _folded.clear()
            word = _folded[raw] = fold(raw)
        if word == "min" and not (found and found[-1].isdigit()) or word in COURTESY:
            continue
        found.append(word)
    return found


@lru_cache(maxsize=65536)
def word_features(word: str) -> tuple[str, ...]:
    """The word itself and its 3- to 5-letter pieces (so that typos and compounds still share most of them)."""
    padded = f" {word} "
    return ("w:" + word, *("c:" + padded[i:i + n] for n in (3, 4, 5) for i in range(len(padded) - n + 1)))


def features(text: str) -> list[str]:
    """The features of each distinct word, and each distinct pair of neighbouring words."""
    found = words(text)
    return [f for w in dict.fromkeys(found) for f in word_features(w)] + \
        list(dict.fromkeys(f"b:{a}_{b}" for a, b in zip(found, found[1:])))


def parts(text: str) -> list[str]:
    """The text in parts of whole sentences, each about PART characters (a short text is one part)."""
    if len(text) <= PART:
        return [text]
    found, current = [], ""
    for sentence in _SENTENCE.split(text):
        if current and len(current) + len(sentence) > PART:
            found.append(current)
            current = ""
        current = f"{current} {sentence}" if current else sentence
    return found + [current] if current else found


def told(text: str) -> str:
    """The text without the sentences that only ask the colleague something (ASKING)."""
    sentences = _BREAK.split(text)
    kept = [s for s in sentences if not set(words(s)) <= ASKING]
    return text if len(kept) == len(sentences) else "\n".join(kept)


def tails(text: str) -> list[str]:
    """The text without its first sentence, without its first two, …, while MIN_TAIL words are left in sentences that
    tell rather than ask: a harmless opening («Hei, et kort spørsmål om en pasient.») must not outweigh the danger
    told after it, and the questions at the end («Må han ha henvisning? Hva finnes?») tell nothing on their own."""
    sentences = [s for s in _BREAK.split(text) if s.strip()]
    found = []
    for k in range(1, len(sentences)):
        tail = "\n".join(sentences[k:])
        if telling(tail) < MIN_TAIL:
            break
        found.append(tail)
    return found


def telling(text: str) -> int:
    """How many words the text's sentences that tell rather than ask hold."""
    return len(words(" ".join(s for s in _BREAK.split(text) if not s.rstrip().endswith("?"))))


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float  # the score (log-odds) from which a part counts as acute
    _word_scores: dict[str, float] = field(default_factory=dict, compare=False, repr=False)

    def score(self, text: str) -> float:
        found = words(text)
        score = self.bias + sum(self._word_score(w) for w in dict.fromkeys(found))
        return score + sum(self.weights.get(f"b:{a}_{b}", 0.0) for a, b in dict.fromkeys(zip(found, found[1:])))

    def _word_score(self, word: str) -> float:
        score = self._word_scores.get(word)
        if score is None:
            if len(self._word_scores) > _CACHE_LIMIT:
                self._word_scores.clear()
            score = self._word_scores[word] = sum(self.weights.get(f, 0.0) for f in word_features(word))
        return score

    def alarming(self, text: str, margin: float = 0.0, whole: bool = False) -> str | None:
        """The first piece of the text the model finds acute (by `margin` above its threshold; a tail by TAIL_MARGIN
        more), if any, in a text of at least MIN_WORDS words. A part of a long text too short to tell much («Han har
        gitt samtykke til at jeg svarer henne.») is read with its neighbour. `whole`: no tails, where what is said
        first may soften what follows (a danger the rules weighed)."""
        text = told(text)
        if len(words(text)) < MIN_WORDS:
            return None
        found = []
        for part in parts(text):
            if found and (telling(part) < MIN_TAIL or telling(found[-1]) < MIN_TAIL):
                found[-1] = f"{found[-1]}\n{part}"
            else:
                found.append(part)
        pieces = [(part, 0.0) for part in found]
        if not whole and len(found) == 1:
            pieces += [(tail, TAIL_MARGIN) for tail in tails(text)]
        return next((piece for piece, extra in pieces if self.score(piece) >= self.threshold + margin + extra), None)

    def to_json(self) -> str:
        data = {"bias": round(self.bias, 6), "threshold": round(self.threshold, 6),
                "weights": {f: round(w, 5) for f, w in sorted(self.weights.items())}}
        return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Model:
        data = json.loads(text)
        return cls(data["weights"], data["bias"], data["threshold"])


@cache
def model() -> Model | None:
    return Model.from_json(WEIGHTS.read_text(encoding="utf-8")) if WEIGHTS.exists() else None
