"""The overview as Markdown (for the intranet, a wiki, or pandoc)."""

from __future__ import annotations

import re

from gpguide.owner.export.overview import Entry, Overview, Section

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def esc(text: str) -> str:
    """Catalogue text as literal Markdown: no accidental emphasis, links, tables or HTML."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render(overview: Overview) -> str:
    """One part per kommune, each with its own title (a single kommune gives one part)."""
    lines: list[str] = []
    for part in overview.parts:
        lines += [f"# {esc(part.title)}", "", f"Generert {overview.date} fra gpguide-katalogen. {esc(part.intro)}", ""]
        has_emergency = any(s.title == "Akutt" for s in part.sections)
        if part.emergency_note and not has_emergency:
            lines += ["## Akutt", "", f"> {esc(part.emergency_note)}", ""]
        for section in part.sections:
            lines += _section(section, 2, note=part.emergency_note if section.title == "Akutt" else None)
        if part.documents:
            lines += ["## Kildedokumenter", ""]
            lines += [f"- {esc(d)}" for d in part.documents]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _section(section: Section, level: int, note: str | None = None) -> list[str]:
    lines = [f"{'#' * level} {esc(section.title)}", ""]
    if section.intro:
        lines += [f"*{esc(section.intro)}*", ""]
    if note:
        lines += [f"> {esc(note)}", ""]
    for e in section.entries:
        lines += _compact(e) if section.compact else _entry(e, level + 1)
    for sub in section.subsections:
        lines += _section(sub, level + 1)
    return lines


def _compact(e: Entry) -> list[str]:
    """An emergency number: who to call and when, with its sources."""
    hours = dict(e.details).get("Åpningstid")
    parts = ["; ".join(e.contacts)] + ([f"Status: {e.status_note}"] if e.status_note else [])
    parts += [f"Åpningstid: {hours}"] if hours else []
    text = f"- **{esc(e.name)}:** {esc(sentences(parts))} *Kilder: {esc('; '.join(e.sources))}. {esc(e.assured)}.*"
    return [text, ""]


def _entry(e: Entry, level: int) -> list[str]:
    lines = [f"{'#' * min(level, 6)} {esc(e.name)}", ""]
    if e.subtitle:
        lines += [f"*{esc(e.subtitle)}*", ""]
    if e.status_note:
        lines += [f"**Status:** {esc(e.status_note)}", ""]
    if e.description:
        lines += [esc(e.description), ""]
    bullets = [f"**{label}:** {esc(text)}" for label, text in e.who]
    bullets.append("**Tilgang:** " + esc(sentences(e.access)))
    bullets.append("**Kontakt:** " + esc("; ".join(e.contacts)))
    bullets += [f"**{label}:** {esc(text)}" for label, text in e.details]
    if e.alternatives:
        bullets.append("**Alternativer:** " + esc("; ".join(e.alternatives)))
    bullets += [f"**Merk:** {esc(n)}" for n in e.notes]
    if e.also_in:
        bullets.append(f"*Står også under {esc(e.also_in)}.*")
    bullets.append(f"**Kilder:** {esc('; '.join(e.sources))}. *{esc(e.assured)}.*")
    lines += [f"- {b}" for b in bullets]
    lines.append("")
    return lines


def sentences(parts: list[str]) -> str:
    """['Pasienten kan ta kontakt selv', 'Ring 113.'] → 'Pasienten kan ta kontakt selv. Ring 113.'"""
    return " ".join(p if p.endswith((".", "!", "?", "»")) else p + "." for p in (p.strip() for p in parts) if p)
