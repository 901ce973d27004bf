"""The node tuples the mapping shares between cables (loaders.to_graph_build,
loaders.to_graph_posts): every batch still carries its own cable's levels, nothing
that reads a batch changes a shared tuple, and the repeat filter's shortcut for a
tuple sent again drops exactly what comparing values drops."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from graph.export import iter_dump
from graph.model import NEVER, FlatEdge, FlatNode
from graph.sqlite_store import SQLiteStore
from loaders.ingest_flat import FlatBatch, RepeatFilter, merge_flat
from loaders.record import Cable, ClassifiedBy, Official
from loaders.to_graph import cable_to_batch, cable_to_flat
from loaders.to_graph_build import count_lowered, count_words, official_node
from loaders.to_graph_posts import country_node
from tests.corpus_cables import first_cables


@pytest.fixture(scope="module")
def cables(cablegate_dir: Path) -> list[Cable]:
    return first_cables(cablegate_dir, 120)


def test_each_batch_carries_its_own_cable_levels(cables: list[Cable]) -> None:
    """The same cables mapped at three levels, interleaved: no node of one batch
    comes from another level's cached tuple."""
    levels = {"UNCLASSIFIED": (0, 0), "SECRET": (2, 2), "CONFIDENTIAL": (1, NEVER)}
    for cable in cables[:40]:
        for classification, expected in levels.items():
            caveats = ("NOFORN",) if expected[1] == NEVER else ()
            variant = replace(cable, classification=classification, caveats=caveats)
            nodes, _ = cable_to_flat(variant)
            assert {node[4:] for node in nodes} == {expected}, (cable.id, classification)


def test_reading_batches_changes_no_shared_tuple(cables: list[Cable], tmp_path: Path) -> None:
    """Batches kept from a first mapping are unchanged after everything downstream
    read them (the filter, the merge, both write paths) and after a second mapping."""
    first = [cable_to_flat(cable) for cable in cables]
    before = repr(first)
    repeats = RepeatFilter()
    kept: list[FlatBatch] = [repeats.drop(flat) for flat in first]
    store = SQLiteStore.open(str(tmp_path / "s.db"))
    try:
        store.write_flat(kept[:60])
        store.write(merge_flat(kept[60:]))
        assert len(list(iter_dump(store))) > len(cables)
    finally:
        store.close()
    again = [cable_to_flat(cable) for cable in cables]
    assert repr(first) == before
    assert repr(again) == before
    shared = sum(a is b for flat, other in zip(first, again, strict=True) for a, b in
                 zip(flat[0], other[0], strict=True))  # fmt: skip
    assert shared > len(cables), "recurring nodes are the very same tuples"


def test_a_tuple_sent_again_is_dropped_unless_it_may_change_the_store() -> None:
    repeats = RepeatFilter()
    post: FlatNode = ("post:TOKYO", "Post", "TOKYO", {"key": "TOKYO"}, 1, 1)
    assert repeats.drop(([post], [])) == ([post], [])
    assert repeats.drop(([post], [])) == ([], [])
    lower: FlatNode = ("post:TOKYO", "Post", "TOKYO", {"key": "TOKYO"}, 0, 1)
    assert repeats.drop(([lower], []))[0][0][4:] == (0, 1)
    assert repeats.drop(([post], [])) == ([], []), "levels no lower than those sent"
    titled: FlatNode = ("official:A", "Official", "A", {"titles": ("Amb", "Dr")}, 1, 1)
    assert repeats.drop(([titled], [])) == ([titled], [])
    assert repeats.drop(([titled], [])) == ([titled], []), "several titles: always sent"
    plain = official_node("Glyn Davies", "Ambassador", 1, 1)
    assert plain is not None
    assert repeats.drop(([plain], [])) == ([plain], [])
    assert repeats.drop(([plain], [])) == ([], [])
    japan = [country_node("JA", "Japan", *levels) for levels in ((1, 1), (2, 2), (0, 2), (1, 1))]
    assert all(node is not None and node[3] is japan[0][3] for node in japan)  # type: ignore[index]
    sent = [repeats.drop(([node], []))[0] for node in japan if node is not None]
    assert sent == [[japan[0]], [], [japan[2]], []], "levels lower in one of the two only"
    edge: FlatEdge = ("post:TOKYO", "LOCATED_IN", "country:JA", {})
    assert repeats.drop(([], [edge, edge])) == ([], [edge])
    changed: FlatEdge = ("post:TOKYO", "LOCATED_IN", "country:JA", {"x": 1})
    assert repeats.drop(([], [changed, edge, edge])) == ([], [changed, edge])


def test_an_official_seen_twice_in_a_cable_merges_into_a_new_tuple(cables: list[Cable]) -> None:
    node = official_node("Glyn Davies", "Ambassador", 1, 1)
    assert node is not None
    snapshot = repr(node)
    cable = replace(
        cables[0],
        classification="CONFIDENTIAL",
        caveats=(),
        officials=(Official("Glyn Davies", "Ambassador", None),),
        classified_by=ClassifiedBy("Glyn Davies", "EAP Acting A/S"),
        signers=("Glyn Davies",),
    )
    (davies,) = [n for n in cable_to_batch(cable).nodes if n.id == "official:GLYN-DAVIES"]
    assert davies.props["titles"] == ("Ambassador", "EAP Acting A/S")
    assert repr(node) == snapshot
    assert official_node("Glyn Davies", "Ambassador", 1, 1) is node


def test_counting_all_names_at_once_is_counting_each(cables: list[Cable]) -> None:
    """``count_words`` (compiled when the checkout was built with it) against the
    reference, on corpus bodies and on small random texts full of edge cases."""
    for cable in cables:
        lowered = cable.body.lower()
        names = [c.name.lower() for c in cable.countries] + [o.lower() for o in cable.organizations]
        names += [o.name.split()[-1].lower() for o in cable.officials if o.name.split()]
        assert count_words(lowered, names) == [count_lowered(lowered, n) for n in names]
    rng = random.Random(3)
    letters = "aab b-.,'1_ \n\u00e9\u2019\u00d8\u0130\u212a"
    for _ in range(3000):
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 24)))
        start, end = sorted((rng.randint(0, len(text)), rng.randint(0, len(text))))
        needles = ["".join(rng.choice(letters) for _ in range(rng.randint(0, 4))), text[start:end]]
        assert count_words(text, needles) == [count_lowered(text, n) for n in needles], text


def test_the_compiled_counter_is_built() -> None:
    # CI builds it (pip install -e .): a checkout that fell back to count_each would be
    # 4x slower at counting mentions without any test noticing.
    from loaders.to_graph_build import count_each

    assert count_words is not count_each
    assert type(count_words).__name__ == "cython_function_or_method"
