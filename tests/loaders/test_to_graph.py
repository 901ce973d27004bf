"""cable_to_batch: the seed cable's graph, edge by edge, and the mapping rules on small
records (levels, NOFORN, self-citation, officials merged)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from graph.model import (
    NEVER,
    NODE_PROPS,
    EdgeKind,
    GraphBatch,
    NodeKind,
    check_endpoints,
    kind_of_id,
)
from loaders.read import iter_path
from loaders.record import (
    Cable,
    ClassifiedBy,
    Official,
    PostRef,
    Reference,
    RefKind,
    Tag,
    TagKind,
)
from loaders.to_graph import cable_to_batch

SEED = "cable:08STATE68633"
PLACEHOLDERS = {"cable:08TOKYO1464", "cable:08TOKYO1593", "cable:08TOKYO1623", "cable:08TOKYO1657"}
REQUESTED = {"OTTAWA", "PARIS", "BERLIN", "ROME", "LONDON", "KABUL", "CANBERRA", "USNATO", "TOKYO"}
GEO = {"AF": "Afghanistan", "AS": "Australia", "CA": "Canada", "GM": "Germany"}
GEO |= {"IT": "Italy", "FR": "France", "JA": "Japan"}


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> GraphBatch:
    (cable,) = list(iter_path(seed_path))
    assert isinstance(cable, Cable)
    return cable_to_batch(cable)


def targets(batch: GraphBatch, kind: EdgeKind, source: str = SEED) -> dict[str, dict[str, object]]:
    return {e.target: dict(e.props) for e in batch.edges if e.kind is kind and e.source == source}


def test_seed_batch_is_well_formed(seed: GraphBatch) -> None:
    ids = [n.id for n in seed.nodes]
    assert len(ids) == len(set(ids))
    keys = [e.key for e in seed.edges]
    assert len(keys) == len(set(keys))
    for edge in seed.edges:
        assert edge.source in ids and edge.target in ids
        check_endpoints(edge.kind, kind_of_id(edge.source), kind_of_id(edge.target))
    assert all(kind_of_id(n.id) is n.kind for n in seed.nodes)


def test_seed_cable_node(seed: GraphBatch) -> None:
    cable = next(n for n in seed.nodes if n.id == SEED)
    assert set(cable.props) == set(NODE_PROPS[NodeKind.CABLE])
    assert cable.label == "08STATE68633"
    assert (cable.level, cable.level_rel) == (1, 1)  # CONFIDENTIAL, releasable
    assert cable.props["in_corpus"] is True
    assert cable.props["date"] == "2008-06-26"
    assert cable.props["classification"] == "CONFIDENTIAL"
    assert isinstance(cable.props["caveats"], tuple)
    assert "ACTION REQUEST" in str(cable.props["body"])
    assert "FM SECSTATE WASHDC" in str(cable.props["header"])


def test_seed_sent_and_sent_to(seed: GraphBatch) -> None:
    senders = [e.source for e in seed.edges if e.kind is EdgeKind.SENT]
    assert senders == ["post:STATE"]
    sent_to = targets(seed, EdgeKind.SENT_TO)
    assert sent_to["post:USNATO"] == {"role": "action", "precedence": "IMMEDIATE"}


def test_seed_cites_four_placeholders_and_one_reference(seed: GraphBatch) -> None:
    cites = targets(seed, EdgeKind.CITES)
    assert set(cites) == PLACEHOLDERS | {"reference:08STATE68633/C"}
    assert cites["cable:08TOKYO1464"] == {"bullet": "A"}
    nodes = {n.id: n for n in seed.nodes}
    for placeholder in PLACEHOLDERS:
        node = nodes[placeholder]
        assert node.props == {"in_corpus": False}
        assert node.label == placeholder.removeprefix("cable:")
        assert (node.level, node.level_rel) == (1, 1)
    ref = nodes["reference:08STATE68633/C"]
    assert ref.kind is NodeKind.REFERENCE
    assert ref.props["kind"] == "message"
    assert ref.props["text"] == "SECDEF DTG 031932Z JUN 08"


def test_seed_requests_nine_posts_with_deadline(seed: GraphBatch) -> None:
    requests = targets(seed, EdgeKind.REQUESTS)
    assert {t.removeprefix("post:") for t in requests} == REQUESTED
    assert all(props["deadline"] == "2008-06-25" for props in requests.values())
    assert all(props["action"] for props in requests.values())


def test_seed_posts_are_located_in_their_countries(seed: GraphBatch) -> None:
    located = {e.source: e.target for e in seed.edges if e.kind is EdgeKind.LOCATED_IN}
    assert located["post:TOKYO"] == "country:JA"
    assert located["post:OTTAWA"] == "country:CA"
    assert located["post:STATE"] == "country:US"
    assert "post:USNATO" not in located
    posts = {n.id: n for n in seed.nodes if n.kind is NodeKind.POST}
    assert posts["post:TOKYO"].props["country"] == "JA"
    assert posts["post:STATE"].props["kind"] == "department"


def test_seed_tags_and_what_they_denote(seed: GraphBatch) -> None:
    assert len(targets(seed, EdgeKind.TAGGED)) == 12
    denotes = {e.source: e.target for e in seed.edges if e.kind is EdgeKind.DENOTES}
    assert {f"tag:{code}": f"country:{code}" for code in GEO}.items() <= denotes.items()
    assert denotes["tag:NATO"] == "organization:NATO"
    names = {n.id: n.props.get("name") for n in seed.nodes if n.kind is NodeKind.COUNTRY}
    assert all(names[f"country:{code}"] == name for code, name in GEO.items())


def test_seed_mentions_with_counts(seed: GraphBatch) -> None:
    mentions = targets(seed, EdgeKind.MENTIONS)
    for official in ("KOUMURA", "RASSOUL", "JASON-HAMM", "DAVID-SCHLAEFER"):
        assert f"official:{official}" in mentions
    assert {"asset:CH-47", "asset:C-130", "organization:ISAF"} <= mentions.keys()
    counts = {t: int(str(p["count"])) for t, p in mentions.items()}
    assert counts["country:JA"] > 5  # Japan runs through the whole cable
    assert all(count >= 1 for count in counts.values())


def test_seed_classified_and_signed(seed: GraphBatch) -> None:
    assert list(targets(seed, EdgeKind.CLASSIFIED_BY)) == ["official:GLYN-DAVIES"]
    assert list(targets(seed, EdgeKind.SIGNED_BY)) == ["official:RICE"]
    davies = next(n for n in seed.nodes if n.id == "official:GLYN-DAVIES")
    assert davies.props["titles"] == ("EAP Acting A/S",)
    assert davies.props["name"] == "Glyn Davies"


def test_seed_every_other_node_carries_the_cable_level(seed: GraphBatch) -> None:
    assert {(n.level, n.level_rel) for n in seed.nodes} == {(1, 1)}
    kinds = Counter(n.kind for n in seed.nodes)
    assert kinds[NodeKind.CABLE] == 5


def small(**fields: object) -> Cable:
    base: dict[str, object] = {"id": "08TOKYO5", "date": "2008-01-02", "dtg": None}
    return Cable(**(base | fields))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("classification", "caveats", "levels"),
    [
        ("UNCLASSIFIED", (), (0, 0)),
        ("CONFIDENTIAL", ("NOFORN",), (1, NEVER)),
        ("SECRET", ("SIPDIS",), (2, 2)),
        (None, (), (2, 2)),
        ("TOP SECRET", (), (2, 2)),
    ],
)
def test_levels_from_classification_and_noforn(
    classification: str | None, caveats: tuple[str, ...], levels: tuple[int, int]
) -> None:
    origin = PostRef("TOKYO", "AMEMBASSY TOKYO")
    batch = cable_to_batch(small(classification=classification, caveats=caveats, origin=origin))
    assert {(n.level, n.level_rel) for n in batch.nodes} == {levels}


def test_a_cable_never_cites_itself_and_odd_values_are_dropped() -> None:
    refs = (
        Reference("A", RefKind.CABLE, "08TOKYO5", "TOKYO 5"),
        Reference("B", RefKind.CABLE, "08TOKYO4", "TOKYO 4"),
        Reference(None, RefKind.EMAIL, None, "LAKHDHIR E-MAIL 12/01/09"),
    )
    tags = (Tag("--", TagKind.SUBJECT, None), Tag("PREL", TagKind.SUBJECT, None))
    batch = cable_to_batch(small(classification="UNCLASSIFIED", references=refs, tags=tags))
    cites = targets(batch, EdgeKind.CITES, "cable:08TOKYO5")
    assert set(cites) == {"cable:08TOKYO4", "reference:08TOKYO5/LAKHDHIR-E-MAIL-12-01-09"}
    assert set(targets(batch, EdgeKind.TAGGED, "cable:08TOKYO5")) == {"tag:PREL"}


def test_an_official_mentioned_and_classifying_is_one_node_with_both_titles() -> None:
    batch = cable_to_batch(
        small(
            classification="SECRET",
            classified_by=ClassifiedBy("Glyn Davies", "EAP Acting A/S"),
            officials=(Official("Glyn Davies", "Ambassador", None),),
            body="Ambassador Davies met Davies.",
        )
    )
    davies = [n for n in batch.nodes if n.id == "official:GLYN-DAVIES"]
    assert len(davies) == 1
    assert set(davies[0].props["titles"]) == {"EAP Acting A/S", "Ambassador"}  # type: ignore[arg-type]
    assert targets(batch, EdgeKind.MENTIONS, "cable:08TOKYO5")["official:GLYN-DAVIES"] == {
        "count": 2
    }
