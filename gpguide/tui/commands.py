"""The command palette (Ctrl+P): gpguide's own commands, in Norwegian."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from gpguide.tui.app import GPGuideApp

# (title, app action, help)
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Bytt kommune", "change_kommune", "Velg hvilken kommune pasienten bor i (F2)"),
    ("Ny samtale", "new_conversation", "Tøm samtalen og start med en ny pasient (Ctrl+N)"),
    ("Oversikt over tjenester", "overview", "Alle aktive tjenester i kommunen etter alder og fagområde (F3)"),
    ("Ordliste", "glossary", "Fagord og forkortelser for turnusleger (F4)"),
    ("Hjelp: alle taster", "help", "Liste over alle hurtigtaster (F1)"),
    ("Bytt tema (lyst/mørkt)", "toggle_theme", "Veksle mellom lyst og mørkt fargetema (Ctrl+T)"),
    ("Fjern det som er forstått", "clear_case", "Start saken på nytt uten å tømme samtalen (Ctrl+L)"),
    ("Problemer i katalogen", "problems", "Vis katalogfiler som ble hoppet over (F9)"),
    ("Velg fargetema", "change_theme", "Velg blant alle fargetemaene"),
    ("Avslutt", "quit", "Lukk gpguide (Ctrl+Q)"),
)


class GPGuideCommands(Provider):
    """Commands for the app, plus one 'Bytt kommune til …' per kommune in the catalogue. The only provider, so
    it alone decides what «no match» says."""

    @property
    def gpguide(self) -> "GPGuideApp":
        return self.app  # type: ignore[return-value]

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app = self.gpguide
        found: list[tuple[str, Callable[[], object], str]] = [
            (title, partial(app.run_action, action), help_text) for title, action, help_text in COMMANDS
        ]
        for kommune in sorted(app.catalogue.kommuner.values(), key=lambda k: k.name):
            found.append((f"Bytt kommune til {kommune.name}", partial(app.set_kommune, kommune.id),
                          f"Pasienten bor i {kommune.name}"))
        return found

    async def discover(self) -> Hits:
        for title, callback, help_text in self._commands()[: len(COMMANDS)]:
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found = False
        for title, callback, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                found = True
                yield Hit(score, matcher.highlight(title), callback, text=title, help=help_text)
        if not found:  # in Norwegian, instead of Textual's own "No matches found"
            yield Hit(0.0, Text(f"Ingen kommandoer passet «{query}»"), partial(self.gpguide.run_action, "help"),
                      help="Enter viser alle taster og kommandoer (F1)")
