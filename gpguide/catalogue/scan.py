"""Which files make up a catalogue, and what the file system says about each: the input of a load and the key
of its cache. Only names and stat results are looked at here; nothing is opened."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from gpguide.catalogue.model import Problem
from gpguide.files import printable, reason

SHARED_FILES = {"sources.yaml": "sources", "vocabulary.yaml": "vocabulary", "glossary.yaml": "glossary"}
REQUIRED_FILES = ("vocabulary.yaml", "sources.yaml")


class Found(NamedTuple):
    folder: str  # "" for the catalogue root
    name: str
    key: tuple[int, ...]  # mode, size, mtime_ns, ctime_ns, inode, device; () when stat failed


@dataclass
class Scan:
    root: Path
    files: list[Found] = field(default_factory=list)  # folder by folder, in catalogue order
    folders: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # files and folders that are not read, and why

    def digest(self, salt: str) -> str:
        """Changes whenever a file is added, removed, replaced or written, whatever its timestamps say: the
        inode and ctime change too, and ctime cannot be set back."""
        summary = (salt, str(self.root), self.folders, self.files, [str(p) for p in self.problems])
        return hashlib.sha256(repr(summary).encode("utf-8", "surrogateescape")).hexdigest()

    def problem(self, path: Path, message: str) -> None:
        self.problems.append(Problem(Path(printable(path)), 1, 1, "error", message))


def scan(root: Path) -> Scan:
    found = Scan(root)
    entries = _entries(found, root, "kan ikke lese katalogmappen")
    for name, is_dir in entries:
        if name in SHARED_FILES:
            found.files.append(Found("", name, _key(os.path.join(root, name))))
        elif name.endswith(".yaml"):
            found.problem(root / name, "filen blir ikke lest: i katalogmappen hører bare vocabulary.yaml, sources.yaml "
                                       "og glossary.yaml hjemme; legg tjenester i en kommunemappe")
        elif _is_yaml_name(name):
            found.problem(root / name, _suffix_message(name))
        elif is_dir:
            found.folders.append(name)
    files = found.files
    for folder in found.folders:
        base = os.path.join(root, folder, "")
        for name, is_dir in _entries(found, Path(base), "kan ikke lese mappen"):
            if name.endswith(".yaml"):
                files.append(Found(folder, name, _key(base + name)))
            elif _is_yaml_name(name):
                found.problem(root / folder / name, _suffix_message(name))
            elif is_dir:
                _report_nested(found, root / folder / name, folder)
    return found


def _entries(found: Scan, directory: Path, failure: str) -> list[tuple[str, bool]]:
    """(name, is a directory) for the entries gpguide reads, sorted; hidden and _-prefixed names are left alone."""
    try:
        with os.scandir(directory) as it:
            entries = sorted(((e.name, _is_dir(e)) for e in it if not e.name.startswith((".", "_"))))
    except OSError as exc:
        found.problem(directory, f"{failure}: {reason(exc)}")
        return []
    named = []
    for name, is_dir in entries:
        if _utf8(name):
            named.append((name, is_dir))
        else:
            kind = "mappen" if is_dir else "filen"
            found.problem(directory / name, f"navnet er ikke gyldig UTF-8, så {kind} blir ikke lest; gi den et nytt navn")
    return named


def _report_nested(found: Scan, directory: Path, folder: str) -> None:
    for parent, dirs, files in os.walk(directory, onerror=lambda exc: found.problem(
            Path(exc.filename or directory), f"kan ikke lese mappen: {reason(exc)}")):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for name in sorted(files):
            if _is_yaml_name(name):
                found.problem(Path(parent) / name,
                              f"filen ligger i en undermappe og blir ikke lest; flytt den til {folder}/")


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _key(path: str) -> tuple[int, ...]:
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
