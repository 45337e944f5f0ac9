"""The app's screens: kommune picker, service details, copied text, overview, glossary, help and catalogue problems."""

from gpguide.tui.screens.copy import CopyScreen
from gpguide.tui.screens.detail import DetailScreen
from gpguide.tui.screens.glossary import GlossaryScreen
from gpguide.tui.screens.help import HelpScreen
from gpguide.tui.screens.kommune import NO_KOMMUNE, KommunePicker
from gpguide.tui.screens.overview import OverviewScreen
from gpguide.tui.screens.problems import ProblemsScreen

__all__ = [
    "NO_KOMMUNE",
    "CopyScreen",
    "DetailScreen",
    "GlossaryScreen",
    "HelpScreen",
    "KommunePicker",
    "OverviewScreen",
    "ProblemsScreen",
]
