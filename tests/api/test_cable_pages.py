"""``cables`` pages without ``totalCount`` (no count run) match the counted pages."""

from __future__ import annotations

import itertools

import pytest

from api.schema.cable_pages import page_without_total
from graph.model import FULL_CLEARANCE, Clearance, Level
from graph.store import CableFilter, CableOrder, Store
from tests.api.graphql_client import GraphQLClient

PAGE = "nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }"
FILTERS = (
    CableFilter(),
    CableFilter(origin="post:ZAGREB"),
    CableFilter(tag="tag:PREL", date_from="2009-01-01"),
    CableFilter(text="japan"),
)


@pytest.mark.parametrize("clearance", [FULL_CLEARANCE, Clearance(Level.UNCLASSIFIED)], ids=str)
def test_page_without_total_is_the_counted_page(corpus_store: Store, clearance: Clearance) -> None:
    seen_more = set()
    for where, order, (first, offset) in itertools.product(
        FILTERS, list(CableOrder), [(5, 0), (5, 5), (50, 0), (0, 0)]
    ):
        counted = corpus_store.find_cables(where, clearance, order, first, offset)
        nodes, more = page_without_total(corpus_store, where, clearance, order, first, offset)
        assert [n.id for n in nodes] == [n.id for n in counted.nodes]
        assert nodes == list(counted.nodes)
        assert more == (offset + len(counted.nodes) < counted.total)
        seen_more.add(more)
    assert seen_more == {True, False}


def test_the_api_gives_the_same_page_with_or_without_total(client: GraphQLClient) -> None:
    pages = []
    for after in ("", ', after: "b2Zmc2V0OjQ="'):
        args = f"orderBy: DATE_DESC, first: 5{after}"
        lean = client.query(f"{{ cables({args}) {{ {PAGE} }} }}").ok()["cables"]
        full = client.query(f"{{ cables({args}) {{ totalCount {PAGE} }} }}").ok()["cables"]
        assert full.pop("totalCount") > 5
        assert lean == full and len(lean["nodes"]) == 5
        pages.append(lean)
    assert pages[0]["pageInfo"]["hasNextPage"] and pages[1]["pageInfo"]["hasPreviousPage"]
    assert not {n["id"] for n in pages[0]["nodes"]} & {n["id"] for n in pages[1]["nodes"]}


def test_total_through_a_fragment_is_counted(client: GraphQLClient) -> None:
    query = """{ cables(where: {origin: "post:ZAGREB"}, first: 1) { ...Total nodes { id } } }
    fragment Total on CableConnection { totalCount }"""
    assert client.query(query).ok()["cables"]["totalCount"] > 1
