"""Reading a file that may be hostile: what stat promised is checked again while reading."""

import os

import pytest

from gpguide import files


def test_a_file_larger_than_stat_said_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "grows.yaml"
    path.write_bytes(b"x" * 5000)
    real_fstat = os.fstat

    def shrunk(fd):  # as if the file grew between fstat and read
        info = real_fstat(fd)
        return os.stat_result((info.st_mode, *info[1:6], 10, *info[7:]))

    monkeypatch.setattr(files.os, "fstat", shrunk)
    with pytest.raises(files.Unreadable, match="for stor"):
        files.read_regular(path, 1000)
    assert files.read_regular(path, 10_000) == b"x" * 5000


def test_files_without_a_size_are_read_whole():
    assert b"Name:" in files.read_regular("/proc/self/status", 1_000_000)
