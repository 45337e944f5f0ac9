"""`gpguide check`: every problem in the catalogue, compiler-style, so editors can jump to the line."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import TextIO

from gpguide.catalogue.load import SHARED_FILES, check_file, default_catalog_dir, load_catalogue
from gpguide.catalogue.model import Catalogue, Problem

# Short labels for the summary line, by the start of the message.
KINDS = (
    ("assured_date mangler", "uten assured_date"),
    ("assured_date ", "utdatert assured_date"),
    ("ingen kontaktvei", "uten kontaktvei"),
    ("ingen kilde", "uten kilde"),
    ("navn, telefon eller e-post uten kilde", "kontakt uten kilde"),
    ("ukjent kommune", "ukjent kommune i service_areas"),
    ("kildetype mangler", "kilde uten kind"),
    ("status_note mangler", "status uten status_note"),
    ("ingen kontakt via enheten", "enhet uten kontakt i part_of"),
    ("enheten ", "aktiv del av en enhet som ikke er aktiv"),
)


def run(path: Path | None, out: TextIO, *, errors_only: bool = False, group: bool = False,
        today: dt.date | None = None) -> int:
    """Check a catalogue directory (or one file) and print the problems. Returns the exit code: 1 on errors."""
    catalogue, problems = collect(path, today)
    problems = sorted(problems, key=lambda p: (str(p.path), p.line, p.col, p.severity))
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    for problem in errors if (errors_only or group) else problems:
        out.write(format_problem(problem) + "\n")
    if group and not errors_only:
        write_groups(warnings, out)
    out.write(summary(catalogue, errors, warnings, errors_only=errors_only) + "\n")
    return 1 if errors else 0


def collect(path: Path | None, today: dt.date | None = None) -> tuple[Catalogue, list[Problem]]:
    """The catalogue and its problems. A single file is checked within its catalogue when it lies in one,
    and on its own otherwise."""
    path = Path(path) if path is not None else default_catalog_dir()
    if path.is_file():
        root = catalogue_root(path)
        if root is None:
            catalogue = check_file(path, today)
            return catalogue, list(catalogue.problems)
        catalogue = load_catalogue(root, today=today, cache=False)
        wanted = path.resolve()
        return catalogue, [p for p in catalogue.problems if p.path.resolve() == wanted]
    if path.is_dir() and not _is_root(path) and (root := catalogue_root(path)) is not None:
        # A kommune's own directory: check the whole catalogue, show what concerns this directory.
        catalogue = load_catalogue(root, today=today, cache=False)
        wanted = path.resolve()
        return catalogue, [p for p in catalogue.problems if wanted in p.path.resolve().parents]
    catalogue = load_catalogue(path, today=today, cache=False)
    return catalogue, list(catalogue.problems)


def _is_root(path: Path) -> bool:
    return any((path / name).is_file() for name in SHARED_FILES if name != "glossary.yaml")


def catalogue_root(path: Path) -> Path | None:
    """The catalogue directory a file belongs to: the nearest parent holding vocabulary.yaml or sources.yaml."""
    for parent in list(path.resolve().parents)[:3]:
        if _is_root(parent):
            return parent
    return None


def format_problem(problem: Problem) -> str:
    return f"{display_path(problem.path)}:{problem.line}:{problem.col}: {problem.severity}: {problem.message}"


def display_path(path: Path) -> str:
    """Relative to the working directory when the file is below it, as compilers print paths."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return relative if not relative.startswith("..") else str(path)


def kind(problem: Problem) -> str:
    for prefix, label in KINDS:
        if problem.message.startswith(prefix):
            return label
    text = re.sub(r"'[^']*'", "'…'", problem.message)
    return re.sub(r"\d[\d-]*", "…", text).split(":")[0]


def write_groups(warnings: list[Problem], out: TextIO) -> None:
    """One block per kind of warning, with the files that have it listed per directory."""
    groups: dict[str, list[Problem]] = defaultdict(list)
    for problem in warnings:
        groups[kind(problem)].append(problem)
    for label, members in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        messages = {p.message for p in members}
        header = members[0].message if len(messages) == 1 else label
        out.write(f"warning ×{len(members)}: {header}\n")
        by_dir: dict[str, list[str]] = defaultdict(list)
        for problem in members:
            name = problem.path.stem if problem.path.suffix == ".yaml" else problem.path.name
            by_dir[display_path(problem.path.parent)].append(name)
        for directory, names in sorted(by_dir.items()):
            out.write(f"  {directory}/ ({len(names)}): {', '.join(names)}\n")


def summary(catalogue: Catalogue, errors: list[Problem], warnings: list[Problem], *, errors_only: bool) -> str:
    services = len(catalogue.services)
    kommuner = len(catalogue.kommuner)
    counts = Counter(kind(p) for p in warnings)
    detail = ", ".join(f"{n} {label}" for label, n in counts.most_common())
    parts = [f"{_plural(services, 'tjeneste', 'tjenester')} og {_plural(kommuner, 'kommune', 'kommuner')} lest",
             f"{_plural(len(errors), 'feil', 'feil')}",
             f"{_plural(len(warnings), 'advarsel', 'advarsler')}" + (f" ({detail})" if detail else "")]
    skipped = len(set(catalogue.skipped))
    if skipped:
        parts.append(f"{_plural(skipped, 'fil', 'filer')} hoppet over på grunn av feil")
    text = "gpguide check: " + "; ".join(parts)
    if errors_only and warnings:
        text += "; advarslene er skjult (kjør uten --errors-only for å se dem)"
    return text


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
