"""Reading files that may be hostile: only regular files, size checked before reading, never blocking."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class Unreadable(OSError):
    """Why a file was not read, in Norwegian, ready for a problem report."""


_ERRNO = {
    errno.EACCES: "ingen tilgang (mangler leserettighet)",
    errno.EPERM: "ingen tilgang",
    errno.ENOENT: "finnes ikke (eller er en lenke som peker på noe som ikke finnes)",
    errno.ELOOP: "lenken peker i ring",
    errno.ENOTDIR: "en del av stien er ikke en mappe",
    errno.EISDIR: "er en mappe, ikke en fil",
    errno.ENAMETOOLONG: "navnet er for langt",
    errno.EIO: "lesefeil på disken",
}


def reason(exc: OSError) -> str:
    """An OSError as Norwegian text (the system's own text is often English)."""
    if isinstance(exc, Unreadable):
        return str(exc)
    return _ERRNO.get(exc.errno or 0, f"kan ikke leses (feilkode {exc.errno})")


def kind_of(mode: int) -> str | None:
    """What a non-regular file is, in Norwegian; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "er en mappe, ikke en fil"
    if stat.S_ISFIFO(mode):
        return "er ikke en vanlig fil, men et rør (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "er ikke en vanlig fil, men en enhet (f.eks. en lenke til /dev/…)"
    if stat.S_ISSOCK(mode):
        return "er ikke en vanlig fil, men en socket"
    return "er ikke en vanlig fil"


def read_regular(path: Path | str, limit: int) -> bytes:
    """The whole content of a regular file of at most `limit` bytes. Raises Unreadable (or another OSError) for
    anything else, without reading it: FIFOs and devices are refused before they can block or flood."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        problem = kind_of(info.st_mode)
        if problem:
            raise Unreadable(problem)
        if info.st_size > limit:
            raise Unreadable(f"er for stor ({_size(info.st_size)}; grensen er {_size(limit)})")
        chunks = []
        remaining = limit + 1
        while remaining > 0:
            # Asking for one byte more than stat promised: a shorter answer is the end of the file.
            wanted = min(remaining, info.st_size + 1 if not chunks else 1 << 20)
            chunk = os.read(fd, wanted)
            chunks.append(chunk)
            remaining -= len(chunk)
            if len(chunk) < wanted:
                break
        if remaining <= 0:  # it grew while we read
            raise Unreadable(f"er for stor (over {_size(limit)})")
        return b"".join(chunks)
    finally:
        os.close(fd)


def _size(n: int) -> str:
    if n >= 1 << 30:
        return f"{n / (1 << 30):.1f} GB"
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} MB"
    return f"{max(1, n // 1024)} kB"


def printable(path: Path | str) -> str:
    """A path as text that can always be printed: bytes that are not UTF-8 become �."""
    return os.fsencode(path).decode("utf-8", "replace")
