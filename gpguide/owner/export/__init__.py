"""`gpguide export`: the printable overview (markdown, html) and Open Referral HSDS 3.x JSON (hsds)."""

from __future__ import annotations

import datetime as dt

from gpguide.catalogue.model import Catalogue

FORMATS = ("markdown", "html", "hsds")


def render(catalogue: Catalogue, fmt: str, *, kommune: str | None = None, today: dt.date | None = None) -> str:
    """The export as text. `kommune` (id or name) limits it to the services a kommune's GPs use."""
    today = today or dt.date.today()
    place = None
    if kommune:
        place = catalogue.require_kommune(kommune)
    if fmt == "hsds":
        from gpguide.owner.export import hsds

        return hsds.render(catalogue, place, today)
    from gpguide.owner.export import overview

    document = overview.build(catalogue, place, today)
    if fmt == "markdown":
        from gpguide.owner.export import markdown

        return markdown.render(document)
    if fmt == "html":
        from gpguide.owner.export import html

        return html.render(document)
    raise ValueError(f"ukjent format '{fmt}'; velg {', '.join(FORMATS)}")
