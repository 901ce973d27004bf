"""The store contract, part 2: reads over the canonical graph — edges, find_cables,
search, timeline, degrees — each one filtered by clearance."""

from __future__ import annotations

import pytest

from graph.model import FULL_CLEARANCE, EdgeKind, Level, NodeKind
from graph.store import Bucket, CableFilter, CableOrder, Direction, Store
from tests.graph.test_store_contract import (
    CC,
    CN,
    DAVIES,
    POST,
    REF,
    A,
    B,
    C,
    D,
    E,
    N,
    S,
    U,
    cable_batch,
    node_ids,
)

# --- edges --------------------------------------------------------------------------------


def test_edges_out_in_and_both(graph: Store) -> None:
    out = graph.edges([A], FULL_CLEARANCE, Direction.OUT, edge_kinds=[EdgeKind.CITES])[A]
    assert {e.target for e in out.edges} == {B, CC, REF}
    assert all(e.source == A for e in out.edges)
    into = graph.edges([A], FULL_CLEARANCE, Direction.IN)[A]
    assert {(e.source, e.kind) for e in into.edges} == {
        (POST["STATE"], EdgeKind.SENT),
        (N, EdgeKind.CITES),
    }
    both = graph.edges([A], FULL_CLEARANCE)[A]
    assert both.total == out.total + into.total + 4  # + SENT_TO, TAGGED, 2 MENTIONS


def test_edges_far_nodes_follow_each_edge_ordered_by_date_then_id(graph: Store) -> None:
    page = graph.edges([POST["TOKYO"]], FULL_CLEARANCE, edge_kinds=[EdgeKind.SENT])[POST["TOKYO"]]
    assert node_ids(page.nodes) == [E, D, B]  # 2007-11-01, 2007-12-20, 2008-01-05
    assert [e.target for e in page.edges] == [E, D, B]
    assert page.total == 3


def test_edges_page_per_node_with_total(graph: Store) -> None:
    pages = graph.edges(
        [POST["TOKYO"], POST["STATE"]], FULL_CLEARANCE, edge_kinds=[EdgeKind.SENT], first=2
    )
    assert node_ids(pages[POST["TOKYO"]].nodes) == [E, D]
    assert pages[POST["TOKYO"]].total == 3
    assert node_ids(pages[POST["STATE"]].nodes) == [A]
    second = graph.edges([POST["TOKYO"]], FULL_CLEARANCE, edge_kinds=[EdgeKind.SENT], offset=2)
    assert node_ids(second[POST["TOKYO"]].nodes) == [B]


def test_edges_filter_far_node_kind(graph: Store) -> None:
    page = graph.edges([A], FULL_CLEARANCE, node_kinds=[NodeKind.COUNTRY, NodeKind.OFFICIAL])[A]
    assert sorted(e.target for e in page.edges) == ["country:JA", DAVIES]
    assert page.edges[0].kind is EdgeKind.MENTIONS


def test_edges_hide_invisible_far_ends_and_centres(graph: Store) -> None:
    tokyo = POST["TOKYO"]
    assert graph.edges([tokyo], U, edge_kinds=[EdgeKind.SENT])[tokyo].total == 1  # E only
    assert graph.edges([tokyo], C, edge_kinds=[EdgeKind.SENT])[tokyo].total == 2  # + B
    assert graph.edges([D], C) == {}
    assert set(graph.edges([A, D, "cable:NOPE"], C)) == {A}
    cited_by = graph.edges([A], S, Direction.IN, edge_kinds=[EdgeKind.CITES])[A]
    assert cited_by.total == 0  # N is NOFORN
    cited_by = graph.edges([A], CN, Direction.IN, edge_kinds=[EdgeKind.CITES])[A]
    assert node_ids(cited_by.nodes) == [N]


# --- find_cables -----------------------------------------------------------------------------


def test_find_cables_lists_loaded_cables_only_in_date_order(graph: Store) -> None:
    page = graph.find_cables(CableFilter(), FULL_CLEARANCE)
    assert node_ids(page.nodes) == [E, D, B, A, N]
    assert page.total == 5
    desc = graph.find_cables(CableFilter(), FULL_CLEARANCE, order=CableOrder.DATE_DESC)
    assert node_ids(desc.nodes) == [N, A, B, D, E]
    by_id = graph.find_cables(CableFilter(), FULL_CLEARANCE, order=CableOrder.ID_ASC)
    assert node_ids(by_id.nodes) == sorted([E, D, B, A, N])


def test_find_cables_pages_with_total(graph: Store) -> None:
    page = graph.find_cables(CableFilter(), FULL_CLEARANCE, first=2, offset=1)
    assert node_ids(page.nodes) == [D, B]
    assert page.total == 5


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (CableFilter(date_from="2008-01-01"), [B, A, N]),
        (CableFilter(date_to="2007-12-31"), [E, D]),
        (CableFilter(date_from="2007-12-20", date_to="2008-01-05"), [D, B]),
        (CableFilter(origin=POST["TOKYO"]), [E, D, B]),
        (CableFilter(addressee=POST["STATE"]), [B, N]),
        (CableFilter(tag="tag:JA"), [B, A]),
        (CableFilter(country="country:AF"), [N]),
        (CableFilter(country="country:JA"), [B, A]),
        (CableFilter(classification="CONFIDENTIAL"), [B, N]),
        (CableFilter(mentions=DAVIES), [A]),
        (CableFilter(text="helicopters"), [A]),
        (CableFilter(text="japan"), [B, A, N]),
        (CableFilter(origin=POST["TOKYO"], date_from="2007-12-01"), [D, B]),
        (
            CableFilter(any_of=(CableFilter(tag="tag:AF"), CableFilter(origin=POST["STATE"]))),
            [A, N],
        ),
        (
            CableFilter(
                date_from="2008-01-01",
                any_of=(CableFilter(origin=POST["TOKYO"]), CableFilter(tag="tag:AF")),
            ),
            [B, N],
        ),
        (
            CableFilter(all_of=(CableFilter(tag="tag:JA"), CableFilter(addressee=POST["TOKYO"]))),
            [A],
        ),
        (CableFilter(origin="post:NOWHERE"), []),
    ],
)
def test_find_cables_filters(graph: Store, where: CableFilter, expected: list[str]) -> None:
    page = graph.find_cables(where, FULL_CLEARANCE)
    assert node_ids(page.nodes) == expected
    assert page.total == len(expected)


def test_find_cables_respects_clearance(graph: Store) -> None:
    assert node_ids(graph.find_cables(CableFilter(), U).nodes) == [E, A]
    assert graph.find_cables(CableFilter(), C).total == 3
    assert graph.find_cables(CableFilter(), S).total == 4
    assert node_ids(graph.find_cables(CableFilter(), CN).nodes) == [E, B, A, N]
    assert graph.find_cables(CableFilter(text="secret airlift"), C).total == 0


# --- search ----------------------------------------------------------------------------------


def test_search_puts_the_exact_id_first(graph: Store) -> None:
    hits = graph.search("08STATE1", FULL_CLEARANCE)
    assert hits[0].id == A
    assert graph.search("cable:08TOKYO10", FULL_CLEARANCE)[0].id == B
    assert graph.search("tokyo", FULL_CLEARANCE)[0].id == POST["TOKYO"]


def test_search_matches_subject_words_and_labels(graph: Store) -> None:
    assert set(node_ids(graph.search("survey", FULL_CLEARANCE))) == {B}
    hits = node_ids(graph.search("Japan", FULL_CLEARANCE, kinds=[NodeKind.CABLE]))
    assert set(hits) == {A, B, N}
    assert node_ids(graph.search("Glyn Davies", FULL_CLEARANCE)) == [DAVIES]


def test_search_filters_kinds_caps_and_clearance(graph: Store) -> None:
    assert graph.search("Japan", FULL_CLEARANCE, kinds=[NodeKind.POST]) == []
    assert len(graph.search("Japan", FULL_CLEARANCE, first=2)) == 2
    assert graph.search("airlift", C) == []
    assert node_ids(graph.search("airlift", S)) == [D]
    assert graph.search("07TOKYO5", C) == []
    assert set(node_ids(graph.search("Japan", U, kinds=[NodeKind.CABLE]))) == {A}
    assert graph.search("   ", FULL_CLEARANCE) == []


# --- timeline and degrees ----------------------------------------------------------------------


def test_timeline_counts_per_month_and_year(graph: Store) -> None:
    months = graph.timeline(CableFilter(), FULL_CLEARANCE)
    assert months == [("2007-11", 1), ("2007-12", 1), ("2008-01", 2), ("2008-02", 1)]
    years = graph.timeline(CableFilter(), FULL_CLEARANCE, bucket=Bucket.YEAR)
    assert years == [("2007", 2), ("2008", 3)]
    tokyo = graph.timeline(CableFilter(origin=POST["TOKYO"]), FULL_CLEARANCE, Bucket.YEAR)
    assert tokyo == [("2007", 2), ("2008", 1)]


def test_timeline_respects_clearance(graph: Store) -> None:
    assert graph.timeline(CableFilter(), U) == [("2007-11", 1), ("2008-01", 1)]
    assert graph.timeline(CableFilter(), S, Bucket.YEAR) == [("2007", 2), ("2008", 2)]


def test_degrees_count_visible_edges_only(graph: Store) -> None:
    full = graph.degrees([A, POST["TOKYO"], "cable:NOPE"], FULL_CLEARANCE)
    assert set(full) == {A, POST["TOKYO"]}
    # A: SENT in, SENT_TO, TAGGED, 2 MENTIONS, 3 CITES out, 1 CITES in (N)
    assert full[A] == 9
    assert graph.degrees([A], S)[A] == 8
    # TOKYO: SENT E, D, B; SENT_TO from A; LOCATED_IN JA
    assert full[POST["TOKYO"]] == 5
    assert graph.degrees([POST["TOKYO"]], U)[POST["TOKYO"]] == 3
    assert graph.degrees([D], C) == {}


def test_degrees_follow_later_writes(graph: Store) -> None:
    tokyo = POST["TOKYO"]
    before = graph.degrees([tokyo], FULL_CLEARANCE)[tokyo]
    graph.write(cable_batch("cable:08TOKYO77", Level.UNCLASSIFIED, "2008-03-01", "TOKYO"))
    assert graph.degrees([tokyo], FULL_CLEARANCE)[tokyo] == before + 1
    assert graph.degrees([tokyo], U)[tokyo] == 4
