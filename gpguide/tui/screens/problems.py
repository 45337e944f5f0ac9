"""The catalogue's problems, on demand: skipped files first, then the warnings."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from gpguide.catalogue import Catalogue, Problem
from gpguide.tui.screens.base import SubScreen


def _path(path: Path, root: Path) -> Path:
    try:
        return path.relative_to(root)
    except ValueError:
        return path


def _relative(problem: Problem, root: Path) -> str:
    """'sandnes/x.yaml:3:1: error: …', relative to the catalogue folder."""
    return f"{_path(problem.path, root)}:{problem.line}:{problem.col}: {problem.severity}: {problem.message}"


def problems_text(catalogue: Catalogue) -> Text:
    text = Text()
    skipped = set(catalogue.skipped)
    count = len(catalogue.skipped)
    if count:
        text.append(f"{count} fil{'er' if count > 1 else ''} ble hoppet over og er ikke med i svarene:\n",
                    style="bold")
    else:
        text.append("Ingen filer ble hoppet over.\n", style="bold")
    for path in catalogue.skipped:
        text.append(f"  • {_path(path, catalogue.root)}\n")
    errors = [p for p in catalogue.problems if p.severity == "error"]
    warnings = [p for p in catalogue.problems if p.severity != "error"]
    for title, group in (("Feil", errors), ("Advarsler", warnings)):
        if not group:
            continue
        text.append(f"\n{title} ({len(group)}):\n", style="bold")
        for problem in group:
            style = "red" if problem.path in skipped and problem.severity == "error" else ""
            text.append(_relative(problem, catalogue.root) + "\n", style=style)
    text.append("\nKjør «gpguide check» for å se dem i terminalen.", style="dim")
    return text


class ProblemsScreen(SubScreen):
    TYPING_RETURNS = True
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Lukk"),
        Binding("f9", "app.pop_screen", "Lukk", show=False),
    ]

    def __init__(self, catalogue: Catalogue) -> None:
        super().__init__()
        self.catalogue = catalogue

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="problems-scroll") as scroll:
            scroll.border_title = "Problemer i katalogen"
            scroll.border_subtitle = "Esc lukk"
            yield Static(problems_text(self.catalogue), id="problems-body")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#problems-scroll").focus()
