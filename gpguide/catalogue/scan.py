"""Which files make up a catalogue, and what the file system says about each: the input of a load and the key
of its cache. Only names and stat results are looked at here; nothing is opened."""

from __future__ import annotations

import hashlib
import operator
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from gpguide.catalogue import forked
from gpguide.catalogue.model import Problem
from gpguide.files import printable, reason

SHARED_FILES = {"sources.yaml": "sources", "vocabulary.yaml": "vocabulary", "glossary.yaml": "glossary"}
REQUIRED_FILES = ("vocabulary.yaml", "sources.yaml")

Key = tuple[int, ...]  # mode, size, mtime_ns, ctime_ns, inode, device; () when stat failed


@dataclass
class Scan:
    root: Path
    folders: list[str] = field(default_factory=list)  # in catalogue order
    files: dict[str, list[tuple[str, Key]]] = field(default_factory=dict)  # by folder ("" is the root): name, key
    problems: list[Problem] = field(default_factory=list)  # files and folders that are not read, and why

    def digest(self, salt: str) -> str:
        """Changes whenever a file is added, removed, renamed, replaced or written, whatever its timestamps say:
        the inode and ctime change too, and ctime cannot be set back. The stat numbers go through Python's own
        tuple hash (stable for integers, and quick at 15,000 files); names and the rest through SHA-256."""
        names = [(folder, zlib.crc32("\0".join(map(_first, entries)).encode("utf-8", "surrogateescape")))
                 for folder, entries in self.files.items()]
        keys = hash(tuple(key for entries in self.files.values() for key in map(_second, entries)))
        summary = repr((salt, str(self.root), self.folders, names, keys, [str(p) for p in self.problems]))
        return hashlib.sha256(summary.encode("utf-8", "surrogateescape")).hexdigest()

    def problem(self, path: Path, message: str) -> None:
        self.problems.append(Problem(Path(printable(path)), 1, 1, "error", message))


def scan(root: Path) -> Scan:
    return scanning(root)()


def scanning(root: Path) -> Callable[[], Scan]:
    """Start a scan; the function returned finishes it. The caller may do work of its own in between, while a
    helper process still looks at its folders."""
    found = Scan(root)
    shared: list[tuple[str, Key]] = []
    for name in _names(found, str(root), "kan ikke lese katalogmappen"):
        if name in SHARED_FILES:
            shared.append((name, _key(os.path.join(root, name))))
        elif name.endswith(".yaml"):
            found.problem(root / name, "filen blir ikke lest: i katalogmappen hører bare vocabulary.yaml, sources.yaml "
                                       "og glossary.yaml hjemme; legg tjenester i en kommunemappe")
        elif _is_yaml_name(name):
            found.problem(root / name, _suffix_message(name))
        elif os.path.isdir(os.path.join(root, name)):
            found.folders.append(name)
    found.files[""] = shared
    folders = found.folders
    # At national scale a cached start is mostly these stats, one per file, which no listing can spare (an edit in
    # place changes no folder): a forked helper makes the second half's on the other core meanwhile.
    half = len(folders) // 2
    helper = _fork(root, folders[half:]) if len(folders) >= FORK_FROM and forked.can_fork() else None
    for folder in folders[:half] if helper is not None else folders:
        _scan_folder(found, root, folder)

    def finish() -> Scan:
        other = helper() if helper is not None else None
        if helper is not None and other is None:  # the helper failed: its folders are looked at here
            for folder in folders[half:]:
                _scan_folder(found, root, folder)
        elif other is not None:
            files, problems = other
            found.files.update(files)
            found.problems.extend(Problem(Path(path), 1, 1, "error", message) for path, message in problems)
        return found

    return finish


FORK_FROM = 64  # folders; for fewer, a fork costs more than it saves


Part = tuple[dict[str, list[tuple[str, Key]]], list[tuple[str, str]]]  # files by folder; problems: path, message


def _fork(root: Path, folders: list[str]) -> Callable[[], Part | None] | None:
    """Scan folders in a forked process; a function that waits for its files and problems (None if it failed)."""

    def work() -> Part:
        part = Scan(root)
        for folder in folders:
            _scan_folder(part, root, folder)
        return part.files, [(str(p.path), p.message) for p in part.problems]

    started = forked.start(work)
    if started is None:
        return None

    def wait() -> Part | None:
        try:
            files, problems = started()
        except (TypeError, ValueError):
            return None
        return (files, problems) if isinstance(files, dict) and list(files) == folders else None

    return wait


def _scan_folder(found: Scan, root: Path, folder: str) -> None:
    stat = os.stat
    by_fd = os.stat in os.supports_dir_fd and os.listdir in os.supports_fd
    base = os.path.join(root, folder, "")
    entries: list[tuple[str, Key]] = []
    found.files[folder] = entries
    # The folder is opened once and listed and looked into relative to it, which spares the kernel the walk
    # from the root.
    try:
        fd = os.open(base, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)) if by_fd else None
    except OSError:
        fd = None
    try:
        for name in _names(found, base, "kan ikke lese mappen", fd):
            if name.endswith(".yaml"):  # a folder or a FIFO so named too: reading it says what it is
                try:
                    s = stat(name, dir_fd=fd) if fd is not None else stat(base + name)
                    entries.append((name, (s.st_mode, s.st_size, s.st_mtime_ns, s.st_ctime_ns, s.st_ino, s.st_dev)))
                except OSError:
                    entries.append((name, ()))
            elif _is_yaml_name(name):
                found.problem(root / folder / name, _suffix_message(name))
            elif os.path.isdir(base + name):
                _report_nested(found, root / folder / name, folder)
    finally:
        if fd is not None:
            os.close(fd)


def _names(found: Scan, directory: str, failure: str, fd: int | None = None) -> list[str]:
    """The names gpguide reads in a directory (listed through fd when it is open), sorted; hidden and _-prefixed
    names are left alone."""
    try:
        names = [name for name in os.listdir(directory if fd is None else fd) if name[0] not in "._"]
    except OSError as exc:
        found.problem(Path(directory), f"{failure}: {reason(exc)}")
        return []
    names.sort()
    if all(map(str.isascii, names)):
        return names
    good = []
    for name in names:
        if name.isascii() or _utf8(name):
            good.append(name)
        else:
            found.problem(Path(directory) / name, "navnet er ikke gyldig UTF-8, så det blir ikke lest; gi filen eller "
                                                  "mappen et nytt navn")
    return good


def _report_nested(found: Scan, directory: Path, folder: str) -> None:
    for parent, dirs, files in os.walk(directory, onerror=lambda exc: found.problem(
            Path(exc.filename or directory), f"kan ikke lese mappen: {reason(exc)}")):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for name in sorted(files):
            if _is_yaml_name(name):
                found.problem(Path(parent) / name,
                              f"filen ligger i en undermappe og blir ikke lest; flytt den til {folder}/")


_first, _second = operator.itemgetter(0), operator.itemgetter(1)


def _key(path: str) -> Key:
    try:
        s = os.stat(path)
    except OSError:
        return ()
    return (s.st_mode, s.st_size, s.st_mtime_ns, s.st_ctime_ns, s.st_ino, s.st_dev)


def _utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes come through as lone surrogates
        return False
    return True


def _is_yaml_name(name: str) -> bool:
    return name.lower().endswith((".yaml", ".yml"))


def _suffix_message(name: str) -> str:
    return f"filen blir ikke lest: bare filer som slutter på .yaml leses; gi '{name}' endelsen .yaml"
