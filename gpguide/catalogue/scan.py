"""Which files make up a catalogue, and what the file system says about each: the input of a load and the key
of its cache. Only names and stat results are looked at here; nothing is opened."""

from __future__ import annotations

import hashlib
import marshal
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from gpguide.catalogue import forked
from gpguide.catalogue.model import Problem
from gpguide.files import printable, reason

SHARED_FILES = {"sources.yaml": "sources", "vocabulary.yaml": "vocabulary", "glossary.yaml": "glossary"}
REQUIRED_FILES = ("vocabulary.yaml", "sources.yaml")

Key = tuple[int, ...]  # mode, size, mtime_ns, ctime_ns, inode, device; () when stat failed
_NO_KEY = (0,) * 6  # a key in a Listing when stat failed
Listing = tuple[list[str], bytes]  # a folder's file names, sorted, and their keys one after another (_pack)


@dataclass
class Scan:
    root: Path
    folders: list[str] = field(default_factory=list)  # in catalogue order
    sums: dict[str, bytes] = field(default_factory=dict)  # by folder ("" is the root): the digest of its listing
    listed: dict[str, Listing] = field(default_factory=dict)  # by folder: the listings at hand (see scanning)
    problems: list[Problem] = field(default_factory=list)  # files and folders that are not read, and why

    @cached_property
    def files(self) -> dict[str, list[tuple[str, Key]]]:
        """By folder: each file's name and key. A cached start needs only the digest; what changed since then is
        at worst seen at the next start."""
        files = {}
        for folder in self.sums:
            names, packed = self.listed.get(folder) or _scan_chunk(self.root, [folder]).listed[folder]
            keys = marshal.loads(packed)
            files[folder] = [(name, tuple(keys[i:i + 6]) if keys[i] else ())
                             for i, name in zip(range(0, len(keys), 6), names)]
        return files

    def digest(self, salt: str) -> str:
        """Changes whenever a file is added, removed, renamed, replaced or written, whatever its timestamps say:
        the inode and ctime change too, and ctime cannot be set back."""
        summary = hashlib.sha256(repr((salt, str(self.root), self.folders, [str(p) for p in self.problems]))
                                 .encode("utf-8", "surrogateescape"))
        for folder_sum in self.sums.values():
            summary.update(folder_sum)
        return summary.hexdigest()

    def problem(self, path: Path, message: str) -> None:
        self.problems.append(Problem(Path(printable(path)), 1, 1, "error", message))

    def add(self, folder: str, names: list[str], keys: list[int]) -> None:
        packed = _pack(keys)
        self.listed[folder] = (names, packed)
        text = "\0".join([folder, *names]).encode("utf-8", "surrogateescape")
        self.sums[folder] = hashlib.sha256(b"%d:%d\0%s%s" % (len(names), len(text), text, packed)).digest()


def scan(root: Path) -> Scan:
    return scanning(root, listings=True)()


FORK_FROM = 64  # folders; for fewer, a fork costs more than it saves
CHUNKS = 64  # the folders are taken in turns in this many chunks (at most 256)

# What the helper sends back of a chunk: each folder's digest, its listing (or None), and problems (path, message).
Part = tuple[list[bytes], list[Listing] | None, list[tuple[str, str]]]


def scanning(root: Path, listings: bool = False) -> Callable[[], Scan]:
    """Start a scan; the function returned finishes it. At national scale a cached start is mostly the stats, one
    per file, which no listing can spare (an edit in place changes no folder): a forked helper starts on them at
    once, while the caller does work of its own in between, and then this process takes its turns too. The
    helper sends back the digests of its folders, and their listings only when asked to (`listings`)."""
    found = Scan(root)
    shared: list[str] = []
    keys: list[int] = []
    for name in _names(found, str(root), "kan ikke lese katalogmappen"):
        if name in SHARED_FILES:
            shared.append(name)
            keys += _key(os.path.join(root, name))
        elif name.endswith(".yaml"):
            found.problem(root / name, "filen blir ikke lest: i katalogmappen hører bare vocabulary.yaml, sources.yaml "
                                       "og glossary.yaml hjemme; legg tjenester i en kommunemappe")
        elif _is_yaml_name(name):
            found.problem(root / name, _suffix_message(name))
        elif os.path.isdir(os.path.join(root, name)):
            found.folders.append(name)
    found.add("", shared, keys)
    folders = found.folders
    size = max(-(-len(folders) // CHUNKS), 1)
    chunks = [folders[i:i + size] for i in range(0, len(folders), size)]
    tickets = forked.Tickets(len(chunks)) if len(folders) >= FORK_FROM and forked.can_fork() else None
    wait = forked.start(lambda: {n: _sent(_scan_chunk(root, chunks[n]), listings) for n in tickets}) \
        if tickets else None

    def finish() -> Scan:
        mine: dict[int, Scan] = {}
        theirs = None
        try:
            for n in tickets if wait is not None else range(len(chunks)):  # type: ignore[union-attr]
                mine[n] = _scan_chunk(root, chunks[n])
        finally:
            if tickets is not None:
                tickets.close()
            if wait is not None:
                theirs = wait()
        for n, chunk in enumerate(chunks):
            part = mine.get(n)
            sent = theirs.get(n) if part is None and isinstance(theirs, dict) else None
            if part is None and _complete(sent, len(chunk), listings):
                sums, listed, problems = sent  # type: ignore[misc]
                found.sums.update(zip(chunk, sums))
                found.listed.update(zip(chunk, listed or ()))
                found.problems.extend(Problem(Path(path), 1, 1, "error", message) for path, message in problems)
                continue
            part = part or _scan_chunk(root, chunk)  # the helper failed
            found.sums.update(part.sums)
            found.listed.update(part.listed)
            found.problems.extend(part.problems)
        return found

    return finish


def _scan_chunk(root: Path, folders: list[str]) -> Scan:
    part = Scan(root)
    for folder in folders:
        _scan_folder(part, root, folder)
    return part


def _sent(part: Scan, listings: bool) -> Part:
    return (list(part.sums.values()), list(part.listed.values()) if listings else None,
            [(str(p.path), p.message) for p in part.problems])


def _complete(sent: object, folders: int, listings: bool) -> bool:
    return (isinstance(sent, tuple) and len(sent) == 3 and isinstance(sent[0], list) and len(sent[0]) == folders
            and all(isinstance(s, bytes) for s in sent[0]) and (not listings or len(sent[1] or ()) == folders))


def _scan_folder(found: Scan, root: Path, folder: str) -> None:
    stat = os.stat
    by_fd = os.stat in os.supports_dir_fd and os.listdir in os.supports_fd
    base = os.path.join(root, folder, "")
    names: list[str] = []
    keys: list[int] = []
    # The folder is opened once and listed and looked into relative to it, which spares the kernel the walk
    # from the root.
    try:
        fd = os.open(base, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)) if by_fd else None
    except OSError:
        fd = None
    try:
        for name in _names(found, base, "kan ikke lese mappen", fd):
            if name.endswith(".yaml"):  # a folder or a FIFO so named too: reading it says what it is
                names.append(name)
                try:
                    s = stat(name, dir_fd=fd) if fd is not None else stat(base + name)
                    keys += (s.st_mode, s.st_size, s.st_mtime_ns, s.st_ctime_ns, s.st_ino, s.st_dev)
                except OSError:
                    keys += _NO_KEY
            elif _is_yaml_name(name):
                found.problem(root / folder / name, _suffix_message(name))
            elif os.path.isdir(base + name):
                _report_nested(found, root / folder / name, folder)
    finally:
        if fd is not None:
            os.close(fd)
    found.add(folder, names, keys)


def _pack(keys: list[int]) -> bytes:
    """Keys as bytes, the same for the same numbers in any process (marshal version 2 shares no objects)."""
    return marshal.dumps(keys, 2)


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


def _key(path: str) -> tuple[int, ...]:
    try:
        s = os.stat(path)
    except OSError:
        return _NO_KEY
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
