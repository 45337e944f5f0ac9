"""Every field of one service, and every source behind it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from gpguide.catalogue import Catalogue, Fact, Service
from gpguide.search import Result, Understanding
from gpguide.search.explain import STATUS_TEXT, access_summary, tiers_text
from gpguide.search.retrieve import age_range_text
from gpguide.tui.screens.base import SubScreen
from gpguide.tui.screens.copy import CopyScreen
from gpguide.tui.texts import NOT_REGISTERED, contact_block, place_name, referral_text

LEVEL_TEXT = {
    "kommune": "kommunal tjeneste",
    "spesialist": "spesialisthelsetjenesten",
    "nasjonal": "nasjonal tjeneste",
    "frivillig": "frivillig eller ideell organisasjon",
    "interkommunal": "interkommunal tjeneste",
}
STATUS_LABEL = {"active": "i drift", **STATUS_TEXT}
GP_REFERRAL = {"required": "påkrevd", "possible": "mulig", "no": "nei"}


def _yes_no(value: bool | None) -> str:
    return NOT_REGISTERED if value is None else ("ja" if value else "nei")


class _Doc:
    """A small builder for the detail text: headings, label/value lines and source references."""

    def __init__(self, service: Service, catalogue: Catalogue) -> None:
        self.text = Text()
        self.service = service
        self.catalogue = catalogue

    def heading(self, title: str) -> None:
        if self.text:
            self.text.append("\n")
        self.text.append(title + "\n", style="bold underline")

    def line(self, label: str, value: str | None, source: str | None = None, missing: str = NOT_REGISTERED) -> None:
        self.text.append(f"{label}: ", style="bold")
        if value:
            self.text.append(value)
        else:
            self.text.append(missing, style="italic dim")
        self.ref(source)
        self.text.append("\n")

    def fact(self, label: str, fact: Fact | None) -> None:
        self.line(label, fact.text if fact else None, fact.source if fact else None)

    def ref(self, key: str | None) -> None:
        if not key:
            return
        source = self.service.source(key)
        label = self.catalogue.source_label(source) if source else key
        self.text.append(f"  [{label}]", style="dim")

    def bullet(self, value: str, style: str = "") -> None:
        self.text.append("  • ")
        self.text.append(value + "\n", style=style)


def detail_text(service: Service, catalogue: Catalogue, result: Result | None = None) -> Text:
    doc = _Doc(service, catalogue)
    concepts = catalogue.concepts

    def label(concept: str) -> str:
        return concepts[concept].label if concept in concepts else concept

    text = doc.text
    text.append(service.name + "\n", style="bold")
    where = " · ".join(p for p in (service.organization, place_name(service, catalogue)) if p)
    if where:
        text.append(where + "\n", style="dim")
    if service.alternate_names:
        text.append("Også kalt: " + ", ".join(service.alternate_names) + "\n", style="dim")
    assured = (f"bekreftet av tjenesteeier {service.assured_date}" if service.assured_date
               else "ikke verifisert av tjenesteeier")
    text.append(f"{len(service.sources)} kilde{'r' if len(service.sources) != 1 else ''} (se Kilder nederst) · {assured}\n",
                style="dim italic")

    if result is not None:
        doc.heading("Hvorfor dette treffet")
        for reason in result.why:
            doc.bullet(reason)

    doc.heading("Om tjenesten")
    doc.line("Nivå", LEVEL_TEXT.get(service.level, service.level))
    doc.line("Status", STATUS_LABEL.get(service.status, service.status))
    if service.emergency:
        doc.line("Akutt", "ja, brukes ved akutt fare")
    if service.status_note:
        doc.fact("Statusmerknad", service.status_note)
    if service.service_areas:
        names = [catalogue.kommuner[k].name if k in catalogue.kommuner else k for k in service.service_areas]
        doc.line("Dekker", ", ".join(names))
    doc.line("Beskrivelse", service.description)
    if service.offers:
        doc.line("Tilbyr", ", ".join(label(c) for c in service.offers))

    target = service.target
    doc.heading("Målgruppe")
    doc.line("Alder", age_range_text(service))
    doc.line("Plager", ", ".join(label(c) for c in target.problems) or None)
    doc.line("Alvorlighet", tiers_text(target.severity) or None)
    if target.description:
        doc.line("Beskrivelse", target.description)
    if target.exclusions:
        text.append("Ikke for:\n", style="bold")
        for exclusion in target.exclusions:
            doc.bullet(exclusion)

    access = service.access
    doc.heading("Tilgang")
    doc.line("Kort sagt", result.access if result else access_summary(service), access.source)
    doc.line("Kan ta kontakt selv", _yes_no(access.self_referral))
    doc.line("Henvisning fra fastlege", GP_REFERRAL.get(access.gp_referral or "", None))
    doc.line("Krever søknad og vedtak", _yes_no(access.application))
    if access.referral_to:
        doc.line("Henvisning sendes til", access.referral_to)
    if access.application_to:
        doc.line("Søknad sendes til", access.application_to)
    doc.line("Slik går det til", access.how)
    if access.referral_must_include:
        text.append("Henvisningen skal inneholde:\n", style="bold")
        for item in access.referral_must_include:
            doc.bullet(item)

    doc.heading("Kontakt")
    if not service.contacts:
        doc.line("Kontakt", None)
    for contact in service.contacts:
        text.append(contact.role, style="bold")
        if contact.professionals_only:
            text.append(" (bare for fagfolk)", style="italic")
        doc.ref(contact.source)
        text.append("\n")
        for name, value in (("Navn", contact.name), ("Telefon", contact.phone), ("E-post", contact.email),
                            ("Tid", contact.hours), ("Merknad", contact.note)):
            if value:
                text.append(f"  {name}: ", style="bold")
                text.append(value + "\n")
    doc.fact("Åpningstid", service.opening_hours)
    doc.fact("Pris", service.fees)
    doc.fact("Ventetid", service.waiting_time)
    doc.fact("Adresse", service.address)
    doc.line("Nettside", service.url)

    if service.alternatives or service.related:
        doc.heading("Se også")

        def names(ids: tuple[str, ...]) -> str:
            return ", ".join(catalogue.services[i].name if i in catalogue.services else i for i in ids)

        if service.alternatives:
            doc.line("Alternativer", names(service.alternatives))
        if service.related:
            doc.line("Relaterte tjenester", names(service.related))

    if service.conflicts:
        doc.heading("Uenighet mellom kildene")
        for conflict in service.conflicts:
            doc.bullet(conflict.note)
            for key in conflict.sources:
                source = service.source(key)
                text.append("      " + (catalogue.source_label(source) if source else key) + "\n", style="dim")

    doc.heading("Kilder")
    if not service.sources:
        text.append("Ingen kilde oppgitt.\n", style="italic")
    for source in service.sources:
        text.append(f"[{source.key}] ", style="dim")
        text.append(catalogue.source_label(source))
        date = catalogue.source_date(source)
        if date and source.doc:
            text.append(f" (datert {date})", style="dim")
        text.append("\n")
        if source.url and source.doc:
            text.append(f"      {source.url}\n", style="dim")
        if source.quote:
            text.append(f"      «{source.quote}»\n", style="italic dim")
    doc.line("Bekreftet av tjenesteeier", service.assured_date, missing="nei, ikke verifisert av tjenesteeier")
    if service.owner:
        doc.line("Tjenesteeier", service.owner)
    text.rstrip()
    return text


class DetailScreen(SubScreen):
    """Opened with Enter on a card; Escape goes back to the conversation, typing starts a new question."""

    TYPING_RETURNS = True
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Tilbake"),
        Binding("backspace", "app.pop_screen", "Tilbake", show=False),
        Binding("ctrl+c", "copy_contact", "Kopier kontakt"),
        Binding("ctrl+r", "copy_referral", "Kopier henvisning"),
        Binding("up", "scroll(-1)", "Opp", show=False),
        Binding("down", "scroll(1)", "Ned", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
    ]

    def __init__(self, service: Service, catalogue: Catalogue, result: Result | None = None,
                 query: Understanding | None = None) -> None:
        super().__init__(classes="detail-screen")
        self.service = service
        self.catalogue = catalogue
        self.result = result
        self.case = query

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-scroll") as scroll:
            scroll.border_title = self.service.name
            scroll.border_subtitle = "Esc tilbake"
            yield Static(detail_text(self.service, self.catalogue, self.result), id="detail-body")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#detail-scroll").focus()

    def action_scroll(self, step: int) -> None:
        scroll = self.query_one("#detail-scroll", VerticalScroll)
        scroll.scroll_relative(y=step * 2, animate=False)

    def action_page(self, step: int) -> None:
        scroll = self.query_one("#detail-scroll", VerticalScroll)
        (scroll.scroll_page_down if step > 0 else scroll.scroll_page_up)(animate=False)

    def action_copy_contact(self) -> None:
        access = self.result.access if self.result else None
        self.app.push_screen(CopyScreen(f"Kontaktinfo for {self.service.name}",
                                        contact_block(self.service, self.catalogue, access)))

    def action_copy_referral(self) -> None:
        self.app.push_screen(CopyScreen(f"Henvisningsutkast til {self.service.name}",
                                        referral_text(self.service, self.case, self.catalogue)))
