"""referenceChain, path and neighborhood through the HTTP app, on the corpus store."""

from __future__ import annotations

import itertools
from typing import Any

from tests.api.graphql_client import GraphQLClient

SEED = "cable:08STATE68633"
SUBGRAPH = (
    "truncated json nodes { id kind label date inCorpus depth } edges { id source target type }"
)

#: A Cablegate chain resolved over three loaded cables:
#: 10ZAGREB97 cites 10ZAGREB53, which cites 09ZAGREB644, which cites 09ZAGREB633 (missing).
ZAGREB = ("cable:10ZAGREB97", "cable:10ZAGREB53", "cable:09ZAGREB644", "cable:09ZAGREB633")


def chain(client: GraphQLClient, cable: str, args: str = "") -> dict[str, Any]:
    query = f'{{ referenceChain(id: "{cable}" {args}) {{ {SUBGRAPH} }} }}'
    result: dict[str, Any] = client.query(query).ok()["referenceChain"]
    return result


def test_seed_chain_has_four_tokyo_placeholders_and_the_secdef_reference(
    client: GraphQLClient,
) -> None:
    sub = chain(client, "08STATE68633", ", direction: CITES, maxDepth: 1")
    by_id = {n["id"]: n for n in sub["nodes"]}
    tokyo = sorted(i for i in by_id if i.startswith("cable:08TOKYO"))
    assert len(tokyo) == 4 and all(by_id[i]["inCorpus"] is False for i in tokyo)
    assert all(by_id[i]["depth"] == 1 for i in tokyo)
    references = [n for n in sub["nodes"] if n["kind"] == "Reference"]
    assert len(references) == 1 and "SECDEF" in references[0]["label"]
    assert by_id[SEED]["depth"] == 0 and by_id[SEED]["inCorpus"] is True
    assert len(sub["nodes"]) == 6
    assert {(e["source"], e["type"]) for e in sub["edges"]} == {(SEED, "CITES")}
    assert len(sub["edges"]) == 5 and sub["truncated"] is False


def test_corpus_chain_resolves_several_levels_deep(client: GraphQLClient) -> None:
    sub = chain(client, ZAGREB[0], ", direction: CITES, maxDepth: 5")
    by_id = {n["id"]: n for n in sub["nodes"]}
    assert [by_id[i]["depth"] for i in ZAGREB] == [0, 1, 2, 3]
    assert [by_id[i]["inCorpus"] for i in ZAGREB] == [True, True, True, False]
    links = {(e["source"], e["target"]) for e in sub["edges"]}
    assert set(itertools.pairwise(ZAGREB)) <= links


def test_chain_direction_and_depth(client: GraphQLClient) -> None:
    cited_by = chain(client, ZAGREB[2], ", direction: CITED_BY, maxDepth: 2")
    assert {n["id"] for n in cited_by["nodes"]} >= {ZAGREB[0], ZAGREB[1], ZAGREB[2]}
    assert ZAGREB[3] not in {n["id"] for n in cited_by["nodes"]}
    shallow = chain(client, ZAGREB[0], ", direction: CITES, maxDepth: 1")
    assert max(n["depth"] for n in shallow["nodes"]) == 1
    both = chain(client, ZAGREB[1])  # defaults: BOTH, maxDepth 3
    assert {ZAGREB[0], ZAGREB[2], ZAGREB[3]} <= {n["id"] for n in both["nodes"]}


def test_chain_json_is_the_explorer_payload(client: GraphQLClient) -> None:
    sub = chain(client, ZAGREB[0], ", maxDepth: 3")
    payload = sub["json"]
    assert set(payload) == {"nodes", "edges", "truncated"}
    node_keys = {"id", "kind", "label", "date", "inCorpus", "depth", "degree", "props"}
    assert all(set(n) == node_keys for n in payload["nodes"])
    assert all(set(e) == {"id", "source", "target", "type", "props"} for e in payload["edges"])
    typed = {(n["id"], n["depth"], n["inCorpus"]) for n in sub["nodes"]}
    assert {(n["id"], n["depth"], n["inCorpus"]) for n in payload["nodes"]} == typed
    assert {e["id"] for e in payload["edges"]} == {e["id"] for e in sub["edges"]}
    assert all(n["degree"] >= 1 for n in payload["nodes"])
    assert all("body" not in n["props"] for n in payload["nodes"])


def test_chain_of_unknown_cable_names_it(client: GraphQLClient) -> None:
    reply = client.query('{ referenceChain(id: "99NOWHERE1") { truncated } }')
    assert reply.codes == ["NOT_FOUND"]
    assert "cable:99NOWHERE1" in reply.errors[0]["message"]


def test_path_between_two_cables_over_a_shared_post(client: GraphQLClient) -> None:
    query = f"""{{ path(from: "{ZAGREB[0]}", to: "{SEED}", maxLength: 6) {{
      nodes {{ id depth }} edges {{ source target type }} }} }}"""
    path = client.query(query).ok()["path"]
    ids = [n["id"] for n in path["nodes"]]
    assert ids[0] == ZAGREB[0] and ids[-1] == SEED
    assert [n["depth"] for n in path["nodes"]] == list(range(len(ids)))
    assert len(path["edges"]) == len(ids) - 1
    for edge, (a, b) in zip(path["edges"], itertools.pairwise(ids), strict=True):
        assert {edge["source"], edge["target"]} == {a, b}


def test_path_restricted_to_cites_follows_the_chain(client: GraphQLClient) -> None:
    query = f"""{{ path(from: "{ZAGREB[0]}", to: "{ZAGREB[3]}", edgeTypes: [CITES]) {{
      nodes {{ id }} edges {{ type }} }} }}"""
    path = client.query(query).ok()["path"]
    assert [n["id"] for n in path["nodes"]] == list(ZAGREB)
    assert {e["type"] for e in path["edges"]} == {"CITES"}


def test_no_path_is_null(client: GraphQLClient) -> None:
    query = f'{{ path(from: "{ZAGREB[0]}", to: "{SEED}", edgeTypes: [CITES]) {{ truncated }} }}'
    assert client.query(query).ok() == {"path": None}


def test_neighborhood_of_the_seed(client: GraphQLClient) -> None:
    query = f'{{ neighborhood(ids: ["{SEED}"]) {{ {SUBGRAPH} }} }}'
    sub = client.query(query).ok()["neighborhood"]
    by_id = {n["id"]: n for n in sub["nodes"]}
    assert by_id[SEED]["depth"] == 0
    assert {"post:STATE", "post:USNATO", "tag:PREL", "official:GLYN-DAVIES"} <= set(by_id)
    assert all(n["depth"] <= 1 for n in sub["nodes"])
    ends = {e["source"] for e in sub["edges"]} | {e["target"] for e in sub["edges"]}
    assert ends <= set(by_id)


def test_neighborhood_filters_and_limit(client: GraphQLClient) -> None:
    query = f"""{{ posts: neighborhood(ids: ["{SEED}"], edgeTypes: [SENT, SENT_TO],
        nodeKinds: [Post]) {{ nodes {{ kind }} edges {{ type }} }}
      cut: neighborhood(ids: ["post:STATE"], depth: 2, limit: 25) {{ truncated nodes {{ id }} }}
      dated: neighborhood(ids: ["tag:PREL"], nodeKinds: [Cable], dateFrom: "2009-01-01",
        dateTo: "2009-12-31", limit: 500) {{ nodes {{ kind date }} }} }}"""
    data = client.query(query).ok()
    assert {n["kind"] for n in data["posts"]["nodes"]} == {"Cable", "Post"}
    assert {e["type"] for e in data["posts"]["edges"]} <= {"SENT", "SENT_TO"}
    assert data["cut"]["truncated"] is True and len(data["cut"]["nodes"]) == 25
    dated = [n for n in data["dated"]["nodes"] if n["kind"] == "Cable"]
    assert dated and all(n["date"].startswith("2009") for n in dated)


def test_chain_limit_keeps_the_nearest_and_says_truncated(client: GraphQLClient) -> None:
    sub = chain(client, ZAGREB[0], ", direction: CITES, maxDepth: 5, limit: 2")
    assert sub["truncated"] is True
    assert [n["id"] for n in sub["nodes"]] == list(ZAGREB[:2])
    over = client.query(f'{{ referenceChain(id: "{ZAGREB[0]}", limit: 100000) {{ truncated }} }}')
    assert over.codes == ["LIMIT_EXCEEDED"]


def test_json_without_degrees(client: GraphQLClient) -> None:
    query = f'{{ neighborhood(ids: ["{SEED}"]) {{ json(degrees: false) }} }}'
    payload = client.query(query).ok()["neighborhood"]["json"]
    assert payload["nodes"] and all(n["degree"] is None for n in payload["nodes"])
