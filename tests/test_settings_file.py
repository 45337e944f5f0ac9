"""A settings.json that is a FIFO, a device, huge or garbage never blocks or breaks the start."""

import os
import subprocess
import sys

import pytest

from gpguide.tui.settings import Settings


@pytest.fixture
def path(tmp_path):
    folder = tmp_path / "gpguide"
    folder.mkdir()
    return folder / "settings.json"


def test_a_fifo_does_not_block(path):
    os.mkfifo(path)
    code = f"from gpguide.tui.settings import Settings; from pathlib import Path; print(Settings.load(Path({str(path)!r})))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "Settings(kommune=None, theme=None)", done.stderr


@pytest.mark.parametrize("content", [b"\xff\xfe\x00garbage", b"[" * 100_000, b"{}" * 100_000, b"0" * 10_000_000,
                                     b'{"kommune": "nes"' + b" " * 70_000 + b"}"])
def test_garbage_gives_the_defaults(path, content):
    path.write_bytes(content)
    assert Settings.load(path) == Settings()


def test_devices_and_folders_give_the_defaults(path):
    path.symlink_to("/dev/zero")
    assert Settings.load(path) == Settings()
    path.unlink()
    path.mkdir()
    assert Settings.load(path) == Settings()
