"""For turnus doctors: every active service in the kommune, grouped by age band and problem area."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static, Tree
from textual.widgets.tree import TreeNode

from gpguide.catalogue import Catalogue, Service
from gpguide.search.explain import access_summary
from gpguide.search.retrieve import age_range_text
from gpguide.tui.screens.base import SubScreen
from gpguide.tui.texts import overview, services_in


class OverviewTree(Tree[Service | None]):
    """A tree whose long lines end in «…» instead of being cut."""

    def render_label(self, node: TreeNode[Service | None], base_style: Style, style: Style) -> Text:
        label = super().render_label(node, base_style, style)
        depth, parent = 0, node.parent
        while parent is not None:
            depth, parent = depth + 1, parent.parent
        width = self.scrollable_content_region.width - (depth - 1) * self.guide_depth - 1
        if 1 < width < label.cell_len:
            label.truncate(width, overflow="ellipsis")
        return label


class OverviewScreen(SubScreen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Lukk"),
        Binding("f3", "app.pop_screen", "Lukk", show=False),
        Binding("plus", "expand_all", "Åpne alle"),
        Binding("minus", "collapse_all", "Lukk alle"),
    ]

    def __init__(self, catalogue: Catalogue, kommune: str | None) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.kommune = kommune

    def compose(self) -> ComposeResult:
        place = self.catalogue.kommuner.get(self.kommune or "")
        where = place.name if place else "alle kommuner"
        count = len(services_in(self.catalogue, self.kommune))
        yield Static(Text.assemble(("Oversikt: ", "bold"), f"{count} aktive tjenester for pasienter i {where}. ",
                                   ("Enter åpner en tjeneste; + / − åpner og lukker alle.", "dim")),
                     id="overview-intro")
        tree = OverviewTree(f"Tjenester i {where}", id="overview-tree")
        tree.show_root = False
        tree.guide_depth = 3
        for band, groups in overview(self.catalogue, self.kommune):
            total = len({s.id for _, services in groups for s in services})
            band_node = tree.root.add(Text.assemble((band, "bold"), (f"  {total}", "dim")), expand=True)
            for area, services in groups:
                area_node = band_node.add(Text.assemble(area, (f"  {len(services)}", "dim")), expand=False)
                for service in services:
                    area_node.add_leaf(self._label(service), data=service)
        yield tree
        yield Footer(compact=True, show_command_palette=False)

    def _label(self, service: Service) -> Text:
        label = Text(service.name)
        label.append(f"  {age_range_text(service)} · {access_summary(service)}", style="dim")
        return label

    def on_mount(self) -> None:
        tree = self.query_one(Tree)
        tree.focus()
        tree.move_cursor(tree.root.children[0] if tree.root.children else None)

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        service = event.node.data
        if isinstance(service, Service):
            event.stop()
            from gpguide.tui.screens.detail import DetailScreen

            self.app.push_screen(DetailScreen(service, self.catalogue))

    def action_expand_all(self) -> None:
        for node in self.query_one(Tree).root.children:
            node.expand_all()

    def action_collapse_all(self) -> None:
        for node in self.query_one(Tree).root.children:
            node.collapse_all()
            node.expand()
