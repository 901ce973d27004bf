"""Every limit through the HTTP app over the corpus store: each rejection is a GraphQL
error with code LIMIT_EXCEEDED whose message names the limit and its value, and fair
queries (the explorer's, GraphiQL's introspection) pass the default limits."""

from __future__ import annotations

from graphql import get_introspection_query

from api.settings import Settings
from tests.api.conftest import MakeClient
from tests.api.graphql_client import Reply

SEED = "08STATE68633"


def rejected(reply: Reply, message: str) -> None:
    """Assert ``reply`` is one LIMIT_EXCEEDED error with exactly ``message``."""
    assert reply.data is None, reply.data
    assert [e["message"] for e in reply.errors] == [message]
    assert reply.codes == ["LIMIT_EXCEEDED"]


def nested_cited_by(levels: int) -> str:
    inner = "id"
    for _ in range(levels):
        inner = f"citedBy(first: 3) {{ nodes {{ {inner} }} }}"
    return f'query Deep {{ cable(id: "{SEED}") {{ {inner} }} }}'


def test_deep_query(make_client: MakeClient) -> None:
    client = make_client(Settings.for_tests(max_depth=12))
    rejected(client.query(nested_cited_by(6)), "'Deep' exceeds maximum operation depth of 12")
    assert isinstance(client.query(nested_cited_by(5)).ok()["cable"]["citedBy"]["nodes"], list)


def test_alias_flood(make_client: MakeClient) -> None:
    client = make_client()
    flood = " ".join(f'c{n}: cable(id: "{SEED}") {{ id }}' for n in range(31))
    rejected(client.query(f"{{ {flood} }}"), "31 aliases found. Allowed: 30")
    fair = " ".join(f'c{n}: cable(id: "{SEED}") {{ id }}' for n in range(30))
    assert len(client.query(f"{{ {fair} }}").ok()) == 30


def test_token_flood(make_client: MakeClient) -> None:
    client = make_client()
    fields = "id " * 4000
    rejected(
        client.query(f'{{ cable(id: "{SEED}") {{ {fields} }} }}'),
        "Syntax Error: Document contains more than 4000 tokens. Parsing aborted.",
    )


def test_first_one_million_is_refused_everywhere(make_client: MakeClient) -> None:
    client = make_client()
    message = "first: 1000000 is over the limit first ≤ 500"
    rejected(client.query("{ cables(first: 1000000) { totalCount } }"), message)
    rejected(client.query('{ search(text: "TOKYO", first: 1000000) { id } }'), message)
    nested = f'{{ cable(id: "{SEED}") {{ references(first: 1000000) {{ totalCount }} }} }}'
    rejected(client.query(nested), message)
    by_variable = "query Q($n: Int) { cables(first: $n) { totalCount } }"
    rejected(client.query(by_variable, {"n": 1_000_000}), message)
    assert client.query("{ cables(first: 500) { totalCount } }").ok()["cables"]["totalCount"] > 600


def test_depth_50_reference_chain(make_client: MakeClient) -> None:
    client = make_client()
    query = f'{{ referenceChain(id: "{SEED}", maxDepth: 50) {{ nodes {{ id }} }} }}'
    rejected(client.query(query), "maxDepth: 50 is over the limit maxDepth ≤ 10")
    fair = client.query(f'{{ referenceChain(id: "{SEED}", maxDepth: 10) {{ nodes {{ id }} }} }}')
    assert len(fair.ok()["referenceChain"]["nodes"]) > 1


def test_traversal_and_result_size_limits(make_client: MakeClient) -> None:
    client = make_client()
    rejected(
        client.query(f'{{ neighborhood(ids: ["cable:{SEED}"], limit: 100000) {{ truncated }} }}'),
        "limit: 100000 is over the limit limit ≤ 5000",
    )
    rejected(
        client.query(f'{{ neighborhood(ids: ["cable:{SEED}"], depth: 11) {{ truncated }} }}'),
        "depth: 11 is over the limit depth ≤ 10",
    )
    rejected(
        client.query(
            f'{{ path(from: "cable:{SEED}", to: "post:TOKYO", maxLength: 40) {{ json }} }}'
        ),
        "maxLength: 40 is over the limit maxLength ≤ 10",
    )


def test_long_id_lists_are_refused(make_client: MakeClient) -> None:
    client = make_client()
    query = "query H($ids: [ID!]!) { neighborhood(ids: $ids) { truncated } }"
    ids = [f"cable:{SEED}"] * 501
    rejected(client.query(query, {"ids": ids}), "ids: 501 items is over the limit ids ≤ 500 items")
    assert client.query(query, {"ids": ids[:500]}).ok()["neighborhood"]["truncated"] in (
        True,
        False,
    )


def test_complexity_budget(make_client: MakeClient) -> None:
    client = make_client()
    heavy = "{ cables(first: 500) { nodes { references(first: 500) { nodes { id } } } } }"
    # 1 + 500 * (nodes + references * (1 + 500 * (nodes + id)))
    rejected(client.query(heavy), "query cost 501001 is over the limit complexity ≤ 50000")
    fair = "{ cables(first: 100) { nodes { references(first: 20) { nodes { id } } } } }"
    assert len(client.query(fair).ok()["cables"]["nodes"]) == 100


def test_request_timeout(make_client: MakeClient) -> None:
    client = make_client(Settings.for_tests(request_timeout=1e-6))
    reply = client.query(f'{{ cable(id: "{SEED}") {{ id references {{ totalCount }} }} }}')
    rejected(reply, "request timed out: over the limit request_timeout = 1e-06 s")


def test_explorer_and_graphiql_queries_pass_the_defaults(make_client: MakeClient) -> None:
    client = make_client()
    explorer = f'{{ neighborhood(ids: ["cable:{SEED}"], depth: 2, limit: 500) {{ json }} }}'
    payload = client.query(explorer).ok()["neighborhood"]["json"]
    assert 1 < len(payload["nodes"]) <= 500
    introspection = get_introspection_query(
        descriptions=True, directive_is_repeatable=True, input_value_deprecation=True
    )
    schema = client.query(introspection).ok()["__schema"]
    assert schema["queryType"]["name"] == "Query"
