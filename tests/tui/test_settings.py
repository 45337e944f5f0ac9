"""The settings file: where it lives, atomic writes, and that only known keys are ever stored."""

from __future__ import annotations

import json
import os
from pathlib import Path

from gpguide.tui.settings import Settings, config_dir, settings_path


def test_honours_xdg_config_home(isolated_dirs: Path):
    assert settings_path() == isolated_dirs / "config" / "gpguide" / "settings.json"


def test_relative_xdg_config_home_is_ignored(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/dir")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert config_dir() == tmp_path / ".config" / "gpguide"


def test_round_trip_and_atomic_write(isolated_dirs: Path, monkeypatch):
    replaced: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(src, dst):
        replaced.append((str(src), str(dst)))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    assert Settings(kommune="strand", theme="textual-light").save()
    path = settings_path()
    assert json.loads(path.read_text("utf-8")) == {"kommune": "strand", "theme": "textual-light"}
    (src, dst), = replaced
    assert Path(src).parent == path.parent and dst == str(path)  # temp file in the same directory
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temp file left behind
    assert Settings.load() == Settings(kommune="strand", theme="textual-light")


def test_unknown_keys_and_bad_files_are_ignored(isolated_dirs: Path):
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"kommune": "nes", "question": "gutt 17", "theme": 3}), "utf-8")
    assert Settings.load() == Settings(kommune="nes")
    path.write_text("{not json", "utf-8")
    assert Settings.load() == Settings()
    path.write_text("[1, 2]", "utf-8")
    assert Settings.load() == Settings()


def test_unwritable_directory_returns_false(isolated_dirs: Path, monkeypatch):
    blocker = isolated_dirs / "config"
    blocker.write_text("a file where the directory should be")
    assert Settings(kommune="nes").save() is False
