"""Pages of ``cables`` that skip counting every match when nobody asked for the count.

Counting a filtered list costs about as much as reading its first page (the count walks
every match); ``totalCount`` is often not selected. Then the embedded store reads
``first + 1`` cables (the extra one says whether a next page exists) and nothing else.
Any other store, or a query that may read ``totalCount`` (also through a fragment),
takes ``Store.find_cables`` with its count.
"""

from __future__ import annotations

from collections.abc import Sequence

from strawberry.types.nodes import SelectedField

from api.context import GraphInfo
from graph import model as m
from graph import store
from graph.store import FlatReader


def selects_total(info: GraphInfo) -> bool:
    """Whether the current field's selection may read ``totalCount``: True when it
    names it, or holds a fragment (not looked into)."""
    for selected in info.selected_fields:
        for child in selected.selections:
            if not isinstance(child, SelectedField) or child.name == "totalCount":
                return True
    return False


def page_without_total(
    graph: store.Store,
    where: store.CableFilter,
    clearance: m.Clearance,
    order: store.CableOrder,
    first: int,
    offset: int,
) -> tuple[Sequence[m.Node], bool]:
    """A page of cables and whether more follow, counting nothing on the embedded store."""
    if not isinstance(graph, FlatReader):
        page = graph.find_cables(where, clearance, order, first, offset)
        return page.nodes, offset + len(page.nodes) < page.total
    nodes = graph.cable_page(where, clearance, order, first + 1, offset)
    return nodes[:first], len(nodes) > first
