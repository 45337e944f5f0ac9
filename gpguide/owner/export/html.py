"""The overview as one self-contained HTML file (inline CSS, no scripts, fonts or images) that prints well on A4."""

from __future__ import annotations

from html import escape

from gpguide.owner.export.markdown import sentences
from gpguide.owner.export.overview import NOT_REGISTERED, Entry, KommuneOverview, Overview, Section

CSS = """
@page { size: A4; margin: 15mm 14mm 17mm 14mm; }
@page { @bottom-right { content: "Side " counter(page) " av " counter(pages); font: 8pt sans-serif; color: #555; } }
* { box-sizing: border-box; }
html { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-size: 9.5pt;
       line-height: 1.35; color: #111; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
main { max-width: 182mm; margin: 0 auto; }
h1 { font-size: 17pt; margin: 0 0 1.5mm; color: #17375e; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; padding-bottom: 0.8mm; border-bottom: 1.2pt solid #17375e; color: #17375e;
     break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; color: #17375e; break-after: avoid; page-break-after: avoid; }
h4 { font-size: 10.5pt; margin: 0; }
p { margin: 0 0 1.5mm; }
.meta { color: #444; margin-bottom: 3mm; }
.intro { font-style: italic; color: #333; break-after: avoid; page-break-after: avoid; }
nav.toc { columns: 2; column-gap: 8mm; font-size: 9pt; margin: 2mm 0 3mm; padding: 2mm 3mm; background: #f2f5f9;
          break-inside: avoid; }
nav.toc ul { margin: 0; padding-left: 4mm; }
nav.toc > ul { padding-left: 0; list-style: none; }
nav.toc > ul > li { break-inside: avoid; page-break-inside: avoid; }
article.service { border-left: 2.2pt solid #8eaad0; padding: 1mm 0 1mm 3mm; margin: 0 0 3mm;
                  break-inside: avoid; page-break-inside: avoid; }
article.status-uncertain { border-left-color: #d39e00; }
article.status-planned, article.status-closed, article.status-absent { border-left-color: #999; }
.sub { color: #444; font-style: italic; }
.status { display: inline-block; background: #fff4d6; border: 0.8pt solid #c98f00; padding: 0.3mm 1.5mm;
          margin: 0.8mm 0 1.5mm; }
dl { display: grid; grid-template-columns: 25mm 1fr; column-gap: 3mm; row-gap: 0.5mm; margin: 1mm 0; }
dt { font-weight: 600; color: #333; }
dd { margin: 0; overflow-wrap: anywhere; }
.missing { color: #666; font-style: italic; }
.sources { font-size: 8pt; color: #444; margin-top: 1mm; overflow-wrap: anywhere; }
.also { font-size: 8.5pt; color: #555; }
section.akutt { border: 1.6pt solid #a4001d; padding: 1mm 4mm 2mm; margin: 3mm 0 4mm; }
.compact { break-inside: avoid; page-break-inside: avoid; margin: 0 0 2mm; }
.compact h4 { display: inline; font-size: 10pt; }
.compact p { margin: 0.3mm 0 0; }
section.akutt h2 { color: #a4001d; border-bottom-color: #a4001d; margin-top: 2mm; }
section.akutt article.service { border-left-color: #a4001d; }
.legevakt { background: #fbeaea; padding: 1.5mm 2.5mm; }
section.kommune + section.kommune { break-before: page; page-break-before: always; }
a { color: #17375e; text-decoration: none; }
footer { margin-top: 6mm; font-size: 8pt; color: #555; border-top: 0.6pt solid #999; padding-top: 1.5mm; }
@media screen {
  body { background: #e9ecef; padding: 8mm 0; }
  main { background: #fff; padding: 14mm; box-shadow: 0 1px 6px rgba(0, 0, 0, .25); }
}
"""


def render(overview: Overview) -> str:
    body = "\n".join(_part(part, overview.date) for part in overview.parts)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nb">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(overview.title)}</title>\n"
        '<meta name="generator" content="gpguide export">\n'
        f"<style>{CSS}</style>\n</head>\n<body>\n<main>\n{body}\n"
        f"<footer>Generert {escape(overview.date)} av gpguide fra katalogen for psykisk helse og rus. "
        "Hver opplysning har en kilde; «ikke registrert» betyr at ingen kilde oppgir den.</footer>\n"
        "</main>\n</body>\n</html>\n"
    )


def _part(part: KommuneOverview, date: str) -> str:
    out = [f'<section class="kommune" id="{_anchor(part.kommune.id)}">',
           f"<h1>{escape(part.title)}</h1>",
           f'<p class="meta">Generert {escape(date)} fra gpguide-katalogen.</p>',
           f'<p class="intro">{escape(part.intro)}</p>',
           _toc(part)]
    has_emergency = any(s.title == "Akutt" for s in part.sections)
    if part.emergency_note and not has_emergency:
        out.append(f'<section class="akutt"><h2>Akutt</h2><p class="legevakt">{escape(part.emergency_note)}</p></section>')
    for i, section in enumerate(part.sections):
        out.append(_section(section, 2, f"{part.kommune.id}-{i}",
                            note=part.emergency_note if section.title == "Akutt" else None))
    if part.documents:
        out.append("<section><h2>Kildedokumenter</h2><ul>"
                   + "".join(f"<li>{escape(d)}</li>" for d in part.documents) + "</ul></section>")
    out.append("</section>")
    return "\n".join(out)


def _toc(part: KommuneOverview) -> str:
    items = []
    for i, section in enumerate(part.sections):
        anchor = _anchor(f"{part.kommune.id}-{i}")
        subs = "".join(f"<li>{escape(s.title)} ({s.count()})</li>" for s in section.subsections)
        items.append(f'<li><a href="#{anchor}">{escape(section.title)}</a> ({section.count()})'
                     + (f"<ul>{subs}</ul>" if subs else "") + "</li>")
    return f'<nav class="toc" aria-label="Innhold"><ul>{"".join(items)}</ul></nav>'


def _section(section: Section, level: int, anchor: str, note: str | None = None) -> str:
    css = ' class="akutt"' if section.title == "Akutt" else ""
    out = [f'<section{css} id="{_anchor(anchor)}">', f"<h{level}>{escape(section.title)}</h{level}>"]
    if section.intro:
        out.append(f'<p class="intro">{escape(section.intro)}</p>')
    if note:
        out.append(f'<p class="legevakt">{escape(note)}</p>')
    out += [_compact(e) if section.compact else _entry(e, min(level + 1, 4)) for e in section.entries]
    out += [_section(sub, level + 1, f"{anchor}-{i}") for i, sub in enumerate(section.subsections)]
    out.append("</section>")
    return "\n".join(out)


def _entry(e: Entry, level: int) -> str:
    out = [f'<article class="service status-{escape(e.status)}" id="{_anchor("svc-" + e.id)}">',
           f"<h{max(level, 4)}>{escape(e.name)}</h{max(level, 4)}>"]
    if e.subtitle:
        out.append(f'<p class="sub">{escape(e.subtitle)}</p>')
    if e.status_note:
        out.append(f'<p class="status"><strong>Status:</strong> {escape(e.status_note)}</p>')
    if e.description:
        out.append(f"<p>{escape(e.description)}</p>")
    rows = list(e.who)
    rows.append(("Tilgang", sentences(e.access)))
    rows.append(("Kontakt", e.contacts))
    rows += e.details
    if e.alternatives:
        rows.append(("Alternativer", "; ".join(e.alternatives)))
    rows += [("Merk", n) for n in e.notes]
    out.append("<dl>" + "".join(f"<dt>{escape(label)}</dt><dd>{_value(label, value)}</dd>" for label, value in rows)
               + "</dl>")
    if e.also_in:
        out.append(f'<p class="also">Står også under {escape(e.also_in)}.</p>')
    out.append(f'<p class="sources"><strong>Kilder:</strong> {escape("; ".join(e.sources))}. '
               f"<em>{escape(e.assured)}.</em></p>")
    out.append("</article>")
    return "\n".join(out)


def _compact(e: Entry) -> str:
    """An emergency number: who to call and when, with its sources."""
    hours = dict(e.details).get("Åpningstid")
    lines = [f'<div class="compact" id="{_anchor("svc-" + e.id)}">', f"<h4>{escape(e.name)}</h4>"]
    if e.status_note:
        lines.append(f'<p class="status"><strong>Status:</strong> {escape(e.status_note)}</p>')
    lines.append(f"<p><strong>Kontakt:</strong> {_value('Kontakt', e.contacts)}"
                 + (f" · <strong>Åpningstid:</strong> {_value('Åpningstid', hours)}" if hours else "") + "</p>")
    lines.append(f'<p class="sources"><strong>Kilder:</strong> {escape("; ".join(e.sources))}. '
                 f"<em>{escape(e.assured)}.</em></p>")
    lines.append("</div>")
    return "\n".join(lines)


def _value(label: str, value: str | list[str]) -> str:
    if isinstance(value, list):
        return "<br>".join(_value(label, v) for v in value)
    if value == NOT_REGISTERED or value == f"Tilgang: {NOT_REGISTERED}.":
        return f'<span class="missing">{NOT_REGISTERED}</span>'
    if label == "Nettside" and value.startswith(("http://", "https://")):
        return f'<a href="{escape(value, quote=True)}">{escape(value)}</a>'
    return escape(value)


def _anchor(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in text)
