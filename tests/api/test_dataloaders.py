"""api.schema.batching: a list query costs a bounded number of store calls."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from api.settings import Settings
from graph.store import Store
from tests.api.conftest import MakeClient


class CountingStore:
    """Passes every call to a real store and counts them by method name."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.calls: Counter[str] = Counter()

    def __getattr__(self, name: str) -> Any:
        target = getattr(self.store, name)
        if not callable(target):
            return target

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.calls[name] += 1
            return target(*args, **kwargs)

        return counted


LIST_QUERY = """query($first: Int) { cables(where: {origin: "MADRID"}, first: $first) {
  totalCount nodes { id subject degree origin { id country { id } }
    recipients { totalCount nodes { id name } }
    references { totalCount nodes { id label ... on Cable { citedBy { totalCount } } } }
    tags { nodes { code } } mentions(kinds: [Official]) { nodes { id } } } } }"""


def run_counted(make_client: MakeClient, store: Store, first: int) -> tuple[int, Counter[str]]:
    counting = CountingStore(store)
    client = make_client(Settings(), counting)
    data = client.query(LIST_QUERY, {"first": first}).ok()
    counting.calls.pop("close", None)
    return len(data["cables"]["nodes"]), counting.calls


@pytest.mark.parametrize("first", [3, 40])
def test_list_query_costs_a_bounded_number_of_store_calls(
    make_client: MakeClient, corpus_store: Store, first: int
) -> None:
    count, calls = run_counted(make_client, corpus_store, first)
    assert count == first
    # one page of cables, then one batched call per relationship level and kind:
    # origin, recipients, references, tags, mentions, post country, citedBy = 7 edges calls
    assert calls["find_cables"] == 1
    assert calls["edges"] == 7
    assert calls["degrees"] == 1
    assert calls["get_nodes"] == 0
    assert sum(calls.values()) == 9


def test_cost_does_not_grow_with_the_page(make_client: MakeClient, corpus_store: Store) -> None:
    _, small = run_counted(make_client, corpus_store, 2)
    _, large = run_counted(make_client, corpus_store, 50)
    # a small page may skip a level (no references, so no citedBy call), never add one
    assert all(small[name] <= large[name] for name in small)
    assert sum(large.values()) == 9


def test_same_node_asked_twice_is_fetched_once(
    make_client: MakeClient, corpus_store: Store
) -> None:
    counting = CountingStore(corpus_store)
    client = make_client(Settings(), counting)
    query = (
        '{ a: node(id: "post:TOKYO") { id } b: node(id: "post:TOKYO") { id } '
        'c: cable(id: "08STATE68633") { id } }'
    )
    data = client.query(query).ok()
    assert data["a"] == data["b"] == {"id": "post:TOKYO"}
    assert counting.calls["get_nodes"] == 1
