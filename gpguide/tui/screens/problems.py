"""The catalogue's problems, on demand: the files that were skipped, with their errors."""

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
    """What a GP needs: which files were skipped, and why. The owners' findings are counted, not listed."""
    text = Text()
    count = len(catalogue.skipped)
    if count:
        text.append(f"{count} fil{'er' if count > 1 else ''} ble hoppet over og er ikke med i svarene:\n",
                    style="bold")
    else:
        text.append("Ingen filer ble hoppet over: hele katalogen er med i svarene.\n", style="bold")
    for path in catalogue.skipped:
        text.append(f"\n{_path(path, catalogue.root)}\n")
        for problem in catalogue.problems:
            if problem.path == path and problem.severity == "error":
                text.append(f"  {_relative(problem, catalogue.root)}\n", style="dim")
    others = sum(1 for p in catalogue.problems if p.path not in set(catalogue.skipped))
    if others:
        text.append(f"\n{others} merknader til tjenesteeierne (for eksempel felt som mangler) endrer ikke svarene.",
                    style="dim")
    text.append("\nTjenesteeierne ser alt med «gpguide check».", style="dim")
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
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#problems-scroll").focus()
