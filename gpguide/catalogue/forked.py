"""Work shared with a forked helper process on the other core: a national catalogue's folder scan and the files a
cold load examines. The helper's result comes back marshalled, as plain data."""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable, Iterator
from typing import Any


def can_fork() -> bool:
    """A second core, and no other thread running: a fork is safe only then."""
    import threading

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    return cores > 1 and hasattr(os, "fork") and threading.active_count() == 1


def start(work: Callable[[], Any]) -> Callable[[], Any] | None:
    """Run work() in a forked process; a function that waits for its result (None if it failed), or None when no
    process could be started. The result must be plain data that marshal can carry."""
    try:
        read, write = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid == 0:  # the helper: whatever happens, it ends here, without running the parent's exit handlers
        try:
            os.close(read)
            body = marshal.dumps(work())
            with os.fdopen(write, "wb") as out:
                out.write(body)
        finally:
            os._exit(0)
    os.close(write)

    def wait() -> Any:
        try:
            with os.fdopen(read, "rb") as source:
                body = source.read()
        finally:
            _, status = os.waitpid(pid, 0)
        if status != 0:
            return None
        try:
            return marshal.loads(body)
        except (EOFError, ValueError, TypeError):
            return None

    return wait


class Tickets:
    """The numbers 0 to n-1 (n ≤ 256) for this process and a helper forked after it to take turns at, each number
    taken once: one byte each in a pipe, read one at a time (a read from a pipe is atomic)."""

    def __init__(self, n: int):
        self._read, write = os.pipe()
        try:
            os.write(write, bytes(range(n)))
        finally:
            os.close(write)

    def __iter__(self) -> Iterator[int]:
        while taken := os.read(self._read, 1):
            yield taken[0]

    def close(self) -> None:
        os.close(self._read)
