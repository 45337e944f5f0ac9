"""Two plain baselines for the benchmark: BM25 (bm25s) and rapidfuzz WRatio over each service's text.

Like gpguide, they only see the question's kommune (its services, the regional, specialist and national ones; with
no kommune, the services that belong to none) and only services that can be offered. They read no ages, severity
or safety signals: that is what they are baselines for."""

from __future__ import annotations

import time
from collections.abc import Callable

from gpguide.catalogue import Catalogue, Service

TOP = 5


def service_text(service: Service, catalogue: Catalogue) -> str:
    """Name, alternate names, organisation, description, target description and the labels of its concepts."""
    tags = (*service.target.problems, *service.offers)
    concepts = [catalogue.concepts[c].label for c in tags if c in catalogue.concepts]
    parts = [service.name, *service.alternate_names, service.organization, service.description,
             service.target.description, *concepts]
    return " ".join(p for p in parts if p)


class Baseline:
    """Ranks a scope's services for a question; one index per kommune, built the first time it is asked for."""

    name = ""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self._scopes: dict[str | None, tuple[list[Service], Callable[[str], list[int]]]] = {}

    def ask(self, question: str, kommune: str | None) -> list[Service]:
        services, search = self._scope(kommune)
        return [services[i] for i in search(question)]

    def timed(self, question: str, kommune: str | None) -> float:
        """Seconds for one question once the kommune's index is built."""
        _, search = self._scope(kommune)
        started = time.perf_counter()
        search(question)
        return time.perf_counter() - started

    def _scope(self, kommune: str | None) -> tuple[list[Service], Callable[[str], list[int]]]:
        if kommune not in self._scopes:
            services = [s for s in self.catalogue.services_for(kommune) if s.available]
            self._scopes[kommune] = (services, self.index([service_text(s, self.catalogue) for s in services]))
        return self._scopes[kommune]

    def index(self, texts: list[str]) -> Callable[[str], list[int]]:
        raise NotImplementedError


class BM25(Baseline):
    """bm25s with its defaults (Lucene BM25, k1 1.5, b 0.75), Norwegian stopwords and the Snowball stemmer."""

    name = "BM25 (bm25s)"

    def __init__(self, catalogue: Catalogue):
        super().__init__(catalogue)
        import Stemmer
        import bm25s

        self._bm25s = bm25s
        self._stem = Stemmer.Stemmer("norwegian").stemWords

    def _tokens(self, texts: list[str]) -> list[list[str]]:
        return self._bm25s.tokenize(texts, stopwords="norwegian", stemmer=self._stem, return_ids=False,
                                    show_progress=False)

    def index(self, texts: list[str]) -> Callable[[str], list[int]]:
        retriever = self._bm25s.BM25()
        retriever.index(self._tokens(texts), show_progress=False)
        vocabulary = retriever.vocab_dict
        k = min(TOP, len(texts))

        def search(question: str) -> list[int]:
            words = [w for w in self._tokens([question])[0] if w in vocabulary]
            if not words or not k:
                return []
            found, scores = retriever.retrieve([words], k=k, show_progress=False)
            return [int(i) for i, score in zip(found[0], scores[0]) if score > 0]

        return search


class WRatio(Baseline):
    """rapidfuzz's WRatio of the question against each service's text, with rapidfuzz's default preprocessing."""

    name = "rapidfuzz WRatio"

    def index(self, texts: list[str]) -> Callable[[str], list[int]]:
        from rapidfuzz import fuzz, process, utils

        choices = [utils.default_process(t) for t in texts]

        def search(question: str) -> list[int]:
            found = process.extract(utils.default_process(question), choices, scorer=fuzz.WRatio, limit=TOP,
                                    processor=None)
            return [i for _, score, i in found if score > 0]

        return search
