"""Every key, in Norwegian."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from gpguide.tui.screens.base import SubScreen


KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Samtalen", (
        ("Enter", "Still spørsmålet, eller svar på oppfølgingsspørsmålet"),
        ("↑ / ↓", "Hent tidligere spørsmål (bare i minnet, lagres aldri)"),
        ("Tab", "Gå til kortene i siste svar"),
        ("Shift+Tab", "Gå til det gpguide har forstått (brikkene)"),
        ("PgUp / PgDn", "Bla i samtalen"),
        ("F5", "Rett siste spørsmål: samme pasient som før, eller ny pasient"),
        ("Ctrl+L", "Avslutt saken: neste spørsmål blir en ny sak"),
        ("Ctrl+N", "Ny samtale: tømmer samtalen og historikken"),
    )),
    ("Saker", (
        ("", "Hver pasient er en sak med overskrift («Sak 2 · ny pasient»); tidligere saker vises dempet."),
        ("", "Et svar på gpguides spørsmål («17», «Strand») eller «hun er 17», «og hun ruser seg», "
             "«samme pasient» fortsetter saken. Alder, kjønn eller nye plager gir en ny sak."),
    )),
    ("Kortene", (
        ("↑ / ↓", "Forrige / neste kort; kortet med markøren viser alt"),
        ("Enter", "Vis alle detaljer og kilder"),
        ("Ctrl+C", "Kopier kontaktinformasjonen (og vis teksten)"),
        ("Ctrl+R", "Kopier et utkast til henvisning (uten personopplysninger)"),
        ("Esc", "Tilbake til spørsmålet; å skrive går alltid til spørsmålet"),
    )),
    ("Brikkene (forstått)", (
        ("← / →", "Forrige / neste brikke"),
        ("Enter, Del, Backspace", "Fjern brikken og få et nytt svar"),
        ("Esc", "Tilbake til spørsmålet"),
    )),
    ("Overalt", (
        ("F1", "Denne hjelpen"),
        ("F2", "Bytt kommune"),
        ("F3", "Oversikt over tjenestene i kommunen"),
        ("F4", "Ordliste for turnusleger"),
        ("F9", "Katalogfiler som ble hoppet over"),
        ("Ctrl+T", "Bytt mellom lyst og mørkt tema"),
        ("Ctrl+P", "Kommandopaletten: søk etter kommandoer"),
        ("Esc", "Lukk skjermbildet (detaljer, oversikt, ordliste, hjelp)"),
        ("Ctrl+Q", "Avslutt"),
    )),
)


def help_table() -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for i, (group, keys) in enumerate(KEYS):
        if i:
            table.add_row("", "")
        table.add_row(Text(group, style="bold underline"), "")
        for key, what in keys:
            table.add_row(key, what)
    return table


class HelpScreen(SubScreen):
    TYPING_RETURNS = True
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Lukk"),
        Binding("f1", "app.pop_screen", "Lukk", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-scroll") as scroll:
            scroll.border_title = "Hjelp – taster"
            scroll.border_subtitle = "Esc lukk"
            yield Static(help_table(), id="help-body")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()
