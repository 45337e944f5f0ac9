"""Loading never fails as a whole: each broken file is reported with file:line and skipped, the rest is served."""

import shutil
import textwrap
import time

import pytest

from gpguide.catalogue import load_catalogue
from tests.conftest import CATALOG

GOOD = textwrap.dedent(
    """\
    id: testby-samtaler
    name: Samtaletilbud
    kommune: testby
    level: kommune
    status: active
    target:
      min_age: 18
      problems: [angst]
    sources:
      - key: a
        doc: sandnes-2021
        lines: 1-2
    """
)


@pytest.fixture
def root(tmp_path):
    for name in ("vocabulary.yaml", "sources.yaml"):
        shutil.copy(CATALOG / name, tmp_path / name)
    town = tmp_path / "testby"
    town.mkdir()
    (town / "kommune.yaml").write_text("id: testby\nname: Testby\nsources:\n  - key: a\n    doc: sandnes-2021\n    lines: '1'\n")
    (town / "good.yaml").write_text(GOOD)
    return tmp_path


def load(root):
    return load_catalogue(root, cache=False)


def errors_for(catalogue, name):
    return [p for p in catalogue.errors if p.path.name == name]


def test_bundled_catalogue_loads_without_errors(catalogue):
    assert catalogue.errors == [], "\n".join(map(str, catalogue.errors))
    assert len(catalogue.services) >= 100
    assert {"sandnes", "strand", "nes"} <= set(catalogue.kommuner)


def test_good_file_loads(root):
    catalogue = load(root)
    assert list(catalogue.services) == ["testby-samtaler"]
    assert catalogue.errors == []


def test_yaml_syntax_error_is_reported_at_its_line_and_the_rest_loads(root):
    (root / "testby" / "broken.yaml").write_text("id: x\nname: [unclosed\nstatus: active\n")
    catalogue = load(root)
    (problem,) = errors_for(catalogue, "broken.yaml")
    assert problem.line == 3 and "YAML" in problem.message
    assert "testby-samtaler" in catalogue.services


def test_unknown_key_gets_did_you_mean_at_its_line(root):
    (root / "testby" / "typo.yaml").write_text(GOOD.replace("testby-samtaler", "testby-typo").replace("  min_age:", "  min_ag:"))
    (problem,) = errors_for(load(root), "typo.yaml")
    assert problem.line == 7
    assert "min_ag" in problem.message and "min_age" in problem.message


def test_a_duplicate_id_is_reported_at_both_files_and_neither_is_served(root):
    (root / "testby" / "zz-copy.yaml").write_text(GOOD)
    (root / "testby" / "other.yaml").write_text(GOOD.replace("testby-samtaler", "testby-other"))
    catalogue = load(root)
    (first,) = errors_for(catalogue, "good.yaml")
    (second,) = errors_for(catalogue, "zz-copy.yaml")
    assert (first.line, second.line) == (1, 1)
    assert "også brukt i testby/zz-copy.yaml" in first.message and "også brukt i testby/good.yaml" in second.message
    assert "testby-samtaler" not in catalogue.services and "testby-other" in catalogue.services
    assert {p.name for p in catalogue.skipped} == {"good.yaml", "zz-copy.yaml"}


def test_unknown_concept_and_impossible_ages(root):
    text = GOOD.replace("testby-samtaler", "testby-bad").replace("[angst]", "[angts]").replace("min_age: 18", "min_age: 18\n  max_age: 12")
    (root / "testby" / "bad.yaml").write_text(text)
    messages = {p.line: p.message for p in errors_for(load(root), "bad.yaml")}
    assert "angts" in messages[9] and "angst" in messages[9]
    assert "umulig aldersspenn" in messages[8]


def test_non_utf8_file(root):
    (root / "testby" / "latin1.yaml").write_bytes("id: testby-x\nname: Pårørende\n".encode("latin-1"))
    (problem,) = errors_for(load(root), "latin1.yaml")
    assert problem.line == 2 and "UTF-8" in problem.message


def test_yaml_bomb_is_refused_quickly(root):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n" for p, c in zip("abcdefgh", "bcdefghi")
    )
    (root / "testby" / "bomb.yaml").write_text(bomb)
    started = time.perf_counter()
    catalogue = load(root)
    assert time.perf_counter() - started < 5
    (problem,) = errors_for(catalogue, "bomb.yaml")
    assert "YAML-bombe" in problem.message


def test_deep_nesting_is_refused(root):
    (root / "testby" / "deep.yaml").write_text("a: " + "[" * 200 + "]" * 200 + "\n")
    (problem,) = errors_for(load(root), "deep.yaml")
    assert "nøstet" in problem.message


def test_huge_file_is_refused(root):
    (root / "testby" / "huge.yaml").write_text("# " + "x" * 3_000_000 + "\n")
    (problem,) = errors_for(load(root), "huge.yaml")
    assert "for stor" in problem.message


def test_unreadable_and_vanished_files(root):
    (root / "testby" / "folder.yaml").mkdir()
    (root / "testby" / "gone.yaml").symlink_to(root / "nowhere.yaml")
    catalogue = load(root)
    assert errors_for(catalogue, "folder.yaml") and errors_for(catalogue, "gone.yaml")
    assert "testby-samtaler" in catalogue.services


def test_empty_file_and_wrong_top_level(root):
    (root / "testby" / "empty.yaml").write_text("")
    (root / "testby" / "list.yaml").write_text("- a\n- b\n")
    catalogue = load(root)
    assert errors_for(catalogue, "empty.yaml") and errors_for(catalogue, "list.yaml")


def test_missing_and_empty_catalogue(tmp_path):
    missing = load(tmp_path / "nope")
    assert not missing.services and "fant ikke katalogmappen" in missing.errors[0].message
    empty = load(tmp_path)
    assert not empty.services and empty.errors


def test_problem_prints_compiler_style(root):
    (root / "testby" / "broken.yaml").write_text("id: [\n")
    (problem,) = errors_for(load(root), "broken.yaml")
    assert str(problem).startswith(f"{root / 'testby' / 'broken.yaml'}:{problem.line}:{problem.col}: error: ")


def test_cache_is_reused_and_invalidated(root, monkeypatch, tmp_path_factory):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    first = load_catalogue(root)
    assert load_catalogue(root).services.keys() == first.services.keys()
    (root / "testby" / "more.yaml").write_text(GOOD.replace("testby-samtaler", "testby-more"))
    assert "testby-more" in load_catalogue(root).services


def test_a_file_that_changes_while_loading(root, monkeypatch):
    """Each file is read once, whole: a file rewritten half-way through a load is judged as it was read."""
    from gpguide.catalogue import load as loader

    later = root / "testby" / "zz-later.yaml"
    later.write_text(GOOD.replace("testby-samtaler", "testby-later"))
    real_read = loader.read_regular

    def read_and_meddle(path, limit):
        data = real_read(path, limit)
        if str(path).endswith("good.yaml"):
            later.write_text("id: [half written")  # another editor saves mid-load
        return data

    monkeypatch.setattr(loader, "read_regular", read_and_meddle)
    catalogue = load(root)
    assert "testby-samtaler" in catalogue.services
    assert errors_for(catalogue, "zz-later.yaml")


def test_the_quick_resolver_gives_the_tags_of_pyyamls_patterns():
    import random

    import yaml

    from gpguide.catalogue import yamlpos

    def by_pattern(value: str) -> str:
        for tag, regexp in yamlpos._BY_FIRST.get(value[:1], yamlpos._WILDCARD):
            if regexp.match(value):
                return tag
        return yamlpos._STR

    loader = yamlpos._Loader("")
    chance = random.Random(15)
    values = {*yamlpos._WORDS, "1", "-1.5", "+.5", "1e5", "0x1F", "0o17", "1_000", "1:30", ".inf", "-.Inf", ".NaN",
              "2024-05-31", "name", "note", "offers", "<<<", "nulls", "~~"}
    values |= {"".join(chance.choice("yYnNtTfFoO-+.0123456789<=!&*~ eEx_:abinfINFul") for _ in range(chance.randint(1, 6)))
               for _ in range(20_000)}
    for value in values:
        assert loader.resolve(yaml.ScalarNode, value, (True, False)) == by_pattern(value), value
    assert loader.resolve(yaml.ScalarNode, "yes", (False, True)) == yamlpos._STR  # quoted: text
    loader.dispose()
