"""The compiled triage table kept as data between runs: the same verdicts, and never trusted when damaged."""

import glob
import json

import yaml

from gpguide import cachefile
from gpguide.search.triage import detect
from gpguide.search.triage import table as T


def _verdicts(monkeypatch, table, texts):
    monkeypatch.setattr(detect, "signals", lambda: table)
    return [repr(detect.triage(text)) for text in texts]


def test_the_cached_table_reads_every_question_as_the_compiled_one(monkeypatch):
    compiled = T.load(T.DATA.read_text(encoding="utf-8"))
    cached = T._from_data(json.loads(json.dumps(T._to_data(compiled))))
    texts = [c["text"] for f in sorted(glob.glob("tests/safety/*.yaml")) for c in yaml.safe_load(open(f))]
    texts += ["mann 38 spiller bort lønna", "hei, gutt 17 med angst", "Kasus 1: tok 40 Paracet"]
    assert len(texts) > 800
    assert _verdicts(monkeypatch, cached, texts) == _verdicts(monkeypatch, compiled, texts)


def test_the_table_is_kept_and_a_damaged_copy_is_compiled_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("GPGUIDE_NO_CACHE", raising=False)
    T.signals.cache_clear()
    try:
        first = T.signals()
        (kept,) = (tmp_path / "gpguide" / "triage").glob("signals-*.marshal")
        assert cachefile.read_data(kept)["format"] == T.FORMAT
        T.signals.cache_clear()
        assert len(T.signals().signals) == len(first.signals)  # read back
        kept.write_bytes(kept.read_bytes()[:-10] + b"0000000000")  # fails its checksum
        T.signals.cache_clear()
        again = T.signals()
        assert len(again.signals) == len(first.signals) and cachefile.read_data(kept) is not None
    finally:
        T.signals.cache_clear()


def test_no_cache_is_written_when_asked_not_to(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("GPGUIDE_NO_CACHE", "1")
    T.signals.cache_clear()
    try:
        T.signals()
        assert not list(tmp_path.rglob("signals-*"))
    finally:
        T.signals.cache_clear()
