"""api.schema: the read queries through the HTTP app, on the corpus store."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.graphql_client import GraphQLClient

SEED = "08STATE68633"

CABLE_FIELDS = """
  id cableId subject classification date dtg inCorpus caveats label kind degree
  origin { id key name }
  recipients(first: 50) { totalCount edges { role precedence node { id key } } }
  requests(first: 50) { totalCount edges { action deadline node { id } } }
  references { totalCount edges { bullet type node { id kind label ... on Cable { inCorpus } } } }
  tags(first: 50) { totalCount nodes { id code } }
  mentions(first: 100) { totalCount nodes { id kind } }
  classifiedBy { nodes { id name titles } }
  citedBy { totalCount }
  signedBy { totalCount }
"""


def seed(client: GraphQLClient) -> dict[str, Any]:
    data = client.query(f'{{ cable(id: "{SEED}") {{ {CABLE_FIELDS} }} }}').ok()
    cable: dict[str, Any] = data["cable"]
    return cable


def test_cable_by_bare_id_and_by_node_id_is_the_same_cable(client: GraphQLClient) -> None:
    bare = client.query(f'{{ cable(id: "{SEED}") {{ id subject }} }}').ok()["cable"]
    full = client.query(f'{{ cable(id: "cable:{SEED}") {{ id subject }} }}').ok()["cable"]
    assert bare == full
    assert bare["id"] == f"cable:{SEED}"
    assert "JAPAN" in bare["subject"]


def test_seed_cable_fields_and_relationships(client: GraphQLClient) -> None:
    cable = seed(client)
    assert (cable["cableId"], cable["kind"], cable["inCorpus"]) == (SEED, "Cable", True)
    assert cable["classification"] == "CONFIDENTIAL"
    assert cable["date"] == "2008-06-26"
    assert cable["origin"]["id"] == "post:STATE"
    recipients = {e["node"]["id"] for e in cable["recipients"]["edges"]}
    assert "post:USNATO" in recipients
    assert cable["recipients"]["totalCount"] == len(recipients)
    assert all(e["role"] in ("action", "info") for e in cable["recipients"]["edges"])
    assert cable["requests"]["totalCount"] == 9
    assert all(e["action"] for e in cable["requests"]["edges"])
    tags = {n["code"] for n in cable["tags"]["nodes"]}
    assert {"PREL", "NATO", "JA"} <= tags
    assert cable["classifiedBy"]["nodes"][0]["id"] == "official:GLYN-DAVIES"
    kinds = {n["kind"] for n in cable["mentions"]["nodes"]}
    assert "Country" in kinds
    assert cable["degree"] >= cable["recipients"]["totalCount"] + cable["tags"]["totalCount"]


def test_seed_references_are_four_tokyo_placeholders_and_the_secdef_message(
    client: GraphQLClient,
) -> None:
    edges = seed(client)["references"]["edges"]
    cables = sorted(e["node"]["id"] for e in edges if e["node"]["kind"] == "Cable")
    assert cables == [f"cable:08TOKYO{n}" for n in (1464, 1593, 1623, 1657)]
    assert all(e["node"]["inCorpus"] is False for e in edges if e["node"]["kind"] == "Cable")
    others = [e for e in edges if e["node"]["kind"] == "Reference"]
    assert len(others) == 1 and "SECDEF" in others[0]["node"]["label"]
    assert sorted(e["bullet"] for e in edges) == ["A", "B", "C", "D", "E"]


def test_unknown_cable_is_null_not_an_error(client: GraphQLClient) -> None:
    reply = client.query('{ cable(id: "99NOWHERE1") { id } node(id: "post:NOWHERE") { id } }')
    assert reply.ok() == {"cable": None, "node": None}


@pytest.mark.parametrize(
    ("node_id", "typename"),
    [
        ("post:TOKYO", "Post"),
        ("official:GLYN-DAVIES", "Official"),
        ("tag:PREL", "Tag"),
        ("country:JA", "Country"),
        (f"cable:{SEED}", "Cable"),
        ("cable:08TOKYO1464", "Cable"),
    ],
)
def test_node_resolves_each_kind_to_its_type(
    client: GraphQLClient, node_id: str, typename: str
) -> None:
    node = client.query(f'{{ node(id: "{node_id}") {{ __typename id kind }} }}').ok()["node"]
    assert node == {"__typename": typename, "id": node_id, "kind": typename}


def test_entity_connections_lead_back_to_the_seed(client: GraphQLClient) -> None:
    query = """{
      official: node(id: "official:GLYN-DAVIES") { ... on Official { cables(first: 500) {
        totalCount nodes { id } } } }
      tag: node(id: "tag:PREL") { ... on Tag { cables(first: 500) { totalCount } } }
      country: node(id: "country:JA") { ... on Country { cables(first: 500) { totalCount } } }
      state: node(id: "post:STATE") { ... on Post { sent(first: 500) { totalCount nodes { id } } } }
      nato: node(id: "post:USNATO") { ... on Post { received(first: 500) { nodes { id } } } }
      tokyo: node(id: "cable:08TOKYO1464") { ... on Cable { citedBy { nodes { id } } } }
    }"""
    data = client.query(query).ok()
    seed_id = f"cable:{SEED}"
    assert seed_id in {n["id"] for n in data["official"]["cables"]["nodes"]}
    assert data["tag"]["cables"]["totalCount"] > 10
    assert data["country"]["cables"]["totalCount"] >= 1
    assert seed_id in {n["id"] for n in data["state"]["sent"]["nodes"]}
    assert data["state"]["sent"]["totalCount"] == len(data["state"]["sent"]["nodes"])
    assert seed_id in {n["id"] for n in data["nato"]["received"]["nodes"]}
    assert seed_id in {n["id"] for n in data["tokyo"]["citedBy"]["nodes"]}


def test_relationship_pages_walk_with_cursors(client: GraphQLClient) -> None:
    query = """query($after: String) { node(id: "tag:PREL") { ... on Tag {
      cables(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor }
        nodes { id } } } } }"""
    seen: list[str] = []
    after = None
    while True:
        page = client.query(query, {"after": after}).ok()["node"]["cables"]
        seen += [n["id"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == page["totalCount"] > 7


def cable_ids(client: GraphQLClient, where: str, first: int = 500) -> tuple[list[str], int]:
    query = f"{{ cables(where: {where}, first: {first}) {{ totalCount nodes {{ id date }} }} }}"
    page = client.query(query).ok()["cables"]
    return [n["id"] for n in page["nodes"]], page["totalCount"]


def test_cables_filters(client: GraphQLClient, corpus_cables: dict[str, Any]) -> None:
    _everything, total = cable_ids(client, "{}")
    assert total == len(corpus_cables)  # the anonymous loopback caller sees all
    madrid, n_madrid = cable_ids(client, '{origin: "MADRID"}')
    assert n_madrid == len(madrid) and all("MADRID" in i for i in madrid) and madrid
    _secret, n_secret = cable_ids(client, '{classification: "SECRET"}')
    assert n_secret == sum(c.props["classification"] == "SECRET" for c in corpus_cables.values())
    in_2008, _ = cable_ids(client, '{dateFrom: "2008-01-01", dateTo: "2008-12-31"}')
    assert in_2008 and all(corpus_cables[i].props["date"].startswith("2008") for i in in_2008)
    tagged, _ = cable_ids(client, '{tag: "NATO", addressee: "USNATO"}')
    assert f"cable:{SEED}" in tagged
    mentions, _ = cable_ids(client, '{mentions: "country:AF"}')
    assert f"cable:{SEED}" in mentions
    text, _ = cable_ids(client, '{text: "Daykundi"}')
    assert f"cable:{SEED}" in text
    japan, _ = cable_ids(client, '{country: "JA"}')
    assert f"cable:{SEED}" in japan


def test_cables_and_or(client: GraphQLClient) -> None:
    madrid, _ = cable_ids(client, '{origin: "MADRID"}')
    paris, _ = cable_ids(client, '{origin: "PARIS"}')
    either, n_either = cable_ids(client, '{OR: [{origin: "MADRID"}, {origin: "PARIS"}]}')
    assert set(either) == set(madrid) | set(paris) and n_either == len(madrid) + len(paris)
    both, n_both = cable_ids(client, '{AND: [{origin: "MADRID"}, {origin: "PARIS"}]}')
    assert (both, n_both) == ([], 0)
    secret_madrid, _ = cable_ids(client, '{origin: "MADRID", AND: [{classification: "SECRET"}]}')
    assert set(secret_madrid) < set(madrid)


def test_cables_pagination_and_order(client: GraphQLClient) -> None:
    query = """query($after: String) { cables(where: {origin: "MADRID"}, orderBy: DATE_DESC,
      first: 10, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { id date } } } }"""
    dates: list[str] = []
    ids: list[str] = []
    after = None
    pages = 0
    while True:
        page = client.query(query, {"after": after}).ok()["cables"]
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        dates += [e["node"]["date"] for e in page["edges"]]
        ids += [e["node"]["id"] for e in page["edges"]]
        pages += 1
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(ids) == len(set(ids)) == page["totalCount"] > 10
    assert pages == -(-page["totalCount"] // 10)
    assert dates == sorted(dates, reverse=True)


def test_search_finds_ids_subjects_and_names(client: GraphQLClient) -> None:
    hits = client.query(f'{{ search(text: "{SEED}") {{ id kind label date }} }}').ok()["search"]
    assert hits[0] == {"id": f"cable:{SEED}", "kind": "Cable", "label": SEED, "date": "2008-06-26"}
    posts = client.query('{ search(text: "TOKYO", kinds: [Post], first: 5) { id kind } }').ok()
    assert posts["search"] and {h["kind"] for h in posts["search"]} == {"Post"}
    assert "post:TOKYO" in {h["id"] for h in posts["search"]}
    davies = client.query('{ search(text: "Glyn Davies", kinds: [Official]) { id } }').ok()
    assert {"id": "official:GLYN-DAVIES"} in davies["search"]


def test_timeline_counts_add_up(client: GraphQLClient) -> None:
    query = """{ years: timeline(where: {origin: "MADRID"}, bucket: YEAR) { period count }
      months: timeline(where: {origin: "MADRID"}) { period count }
      cables(where: {origin: "MADRID"}, first: 0) { totalCount } }"""
    data = client.query(query).ok()
    total = data["cables"]["totalCount"]
    assert sum(b["count"] for b in data["years"]) == total
    assert sum(b["count"] for b in data["months"]) == total
    assert all(len(b["period"]) == 4 for b in data["years"])
    assert all(len(b["period"]) == 7 for b in data["months"])
    assert [b["period"] for b in data["months"]] == sorted(b["period"] for b in data["months"])


def test_stats(client: GraphQLClient, corpus_cables: dict[str, Any]) -> None:
    query = """{ stats { visibleCables cablesInCorpus placeholders
      nodes { kind count } edges { kind count } } }"""
    stats = client.query(query).ok()["stats"]
    assert stats["visibleCables"] == stats["cablesInCorpus"] == len(corpus_cables)
    nodes = {row["kind"]: row["count"] for row in stats["nodes"]}
    assert nodes["Cable"] == stats["cablesInCorpus"] + stats["placeholders"]
    assert {row["kind"] for row in stats["edges"]} >= {"CITES", "SENT", "SENT_TO"}


def test_mentions_filtered_by_kind_carry_their_counts(client: GraphQLClient) -> None:
    query = f"""{{ cable(id: "{SEED}") {{
      countries: mentions(kinds: [Country], first: 50) {{ totalCount
        edges {{ count type props node {{ id kind }} }} }}
      all: mentions(first: 500) {{ totalCount }} }} }}"""
    cable = client.query(query).ok()["cable"]
    edges = cable["countries"]["edges"]
    assert edges and {e["node"]["kind"] for e in edges} == {"Country"}
    assert {e["type"] for e in edges} == {"MENTIONS"}
    counts = {e["node"]["id"]: e["count"] for e in edges}
    assert counts["country:JA"] > 10 and counts["country:AF"] > 10
    assert all(e["props"]["count"] == e["count"] for e in edges)
    assert cable["all"]["totalCount"] > cable["countries"]["totalCount"]
