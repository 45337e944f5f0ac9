"""App keys re-bound quietly on screens and widgets, so they keep working there while the footer shows only
the keys that matter in that place (the footer has to fit 80 columns)."""

from __future__ import annotations

from textual.binding import Binding

APP_KEYS = {
    "f1": ("app.help", "Hjelp"),
    "f2": ("app.change_kommune", "Kommune"),
    "f3": ("app.overview", "Oversikt"),
    "f4": ("app.glossary", "Ordliste"),
    "f9": ("app.problems", "Katalogproblemer"),
}


def quiet_f5() -> list[Binding]:
    """F5 (same or new patient) keeps working where the footer has no room for it."""
    return [Binding("f5", "app.same_patient", "Samme pasient", show=False),
            Binding("f5", "app.new_patient", "Ny pasient", show=False)]


def quiet(*keys: str) -> list[Binding]:
    """Hidden bindings for these app keys."""
    return [Binding(key, APP_KEYS[key][0], APP_KEYS[key][1], show=False) for key in keys]
