"""api.limits on a small schema over the corpus' cable ids: every limit rejects with a
GraphQL error naming the limit and its value, and stays out of the way of fair queries.
(The same limits through the real HTTP app: tests/api/test_limits_http.py.)"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import strawberry
from graphql import get_introspection_query

from api.limits import build_extensions
from api.settings import Settings


def corpus_ids(cablegate_dir: Path) -> list[str]:
    return sorted(p.stem for p in cablegate_dir.glob("*.html"))


@strawberry.type
class Cable:
    id: strawberry.ID

    @strawberry.field
    def references(self, info: strawberry.Info, first: int = 10) -> list[Cable]:
        return [Cable(id=strawberry.ID(i)) for i in info.context["ids"][:first]]


@strawberry.type
class Query:
    """A schema shaped like the real one: paged lists, a traversal, a slow field."""

    @strawberry.field
    def cables(self, info: strawberry.Info, first: int = 20) -> list[Cable]:
        info.context["calls"].append("cables")
        return [Cable(id=strawberry.ID(i)) for i in info.context["ids"][:first]]

    @strawberry.field
    def reference_chain(self, id: strawberry.ID, max_depth: int = 3) -> list[Cable]:
        return [Cable(id=id)] * max_depth

    @strawberry.field
    def neighborhood(self, ids: list[strawberry.ID], depth: int = 1, limit: int = 200) -> int:
        return len(ids) * depth

    @strawberry.field
    async def slow(self, seconds: float) -> str:
        await asyncio.sleep(seconds)
        return "done"


@dataclass(frozen=True, slots=True)
class LimitedSchema:
    schema: strawberry.Schema
    ids: list[str]
    calls: list[str] = field(default_factory=list)


def make_schema(settings: Settings, ids: list[str]) -> LimitedSchema:
    return LimitedSchema(strawberry.Schema(Query, extensions=build_extensions(settings)), ids)


def run(limited: LimitedSchema, query: str, **variables: Any) -> tuple[Any, list[str]]:
    context = {"ids": limited.ids, "calls": limited.calls}
    execute = limited.schema.execute(
        query, variable_values=variables or None, context_value=context
    )
    result = asyncio.run(execute)
    return result.data, [e.message for e in result.errors or []]


@pytest.fixture(scope="module")
def ids(cablegate_dir: Path) -> list[str]:
    found = corpus_ids(cablegate_dir)
    assert len(found) > 600
    return found


@pytest.fixture(scope="module")
def schema(ids: list[str]) -> LimitedSchema:
    return make_schema(Settings.for_tests(max_depth=6, max_aliases=5, max_tokens=400), ids)


def test_fair_query_passes(schema: LimitedSchema, ids: list[str]) -> None:
    data, errors = run(schema, "{ cables(first: 3) { id references(first: 2) { id } } }")
    assert errors == []
    assert [c["id"] for c in data["cables"]] == ids[:3]


def test_deep_query_names_the_depth_limit(schema: LimitedSchema) -> None:
    nested = "references { " * 8 + "id" + " }" * 8
    data, errors = run(schema, f"query Deep {{ cables {{ {nested} }} }}")
    assert data is None
    assert errors == ["'Deep' exceeds maximum operation depth of 6"]


def test_alias_flood_names_the_alias_limit(schema: LimitedSchema) -> None:
    aliases = " ".join(f"a{n}: cables(first: 1) {{ id }}" for n in range(6))
    data, errors = run(schema, f"{{ {aliases} }}")
    assert data is None
    assert errors == ["6 aliases found. Allowed: 5"]


def test_alias_flood_through_fragments_is_counted(schema: LimitedSchema) -> None:
    query = """
      query { cables { ...A ...A } }
      fragment A on Cable { x1: id x2: id x3: id }
    """
    _, errors = run(schema, query)
    assert errors == ["6 aliases found. Allowed: 5"]


def test_token_flood_names_the_token_limit(schema: LimitedSchema) -> None:
    fields = " ".join(["id"] * 400)
    data, errors = run(schema, f"{{ cables {{ {fields} }} }}")
    assert data is None
    assert errors == ["Syntax Error: Document contains more than 400 tokens. Parsing aborted."]


@pytest.mark.parametrize("first", [1_000_000, 501])
def test_first_over_500_is_rejected_not_clamped(schema: LimitedSchema, first: int) -> None:
    data, errors = run(schema, f"{{ cables(first: {first}) {{ id }} }}")
    assert data is None
    assert errors == [f"first: {first} is over the limit first ≤ 500"]


def test_first_from_a_variable_is_checked(schema: LimitedSchema) -> None:
    query = "query Q($n: Int!) { cables { references(first: $n) { id } } }"
    _, errors = run(schema, query, n=1_000_000)
    assert errors == ["first: 1000000 is over the limit first ≤ 500"]


def test_cached_checks_follow_the_variables(ids: list[str]) -> None:
    """The check cache (api.cost_cache) keys on the variables: the same query is
    rejected, accepted and rejected again as its variables change, twice each."""
    limited = make_schema(Settings.for_tests(), ids)
    query = "query Q($n: Int!) { cables(first: $n) { id } }"
    for _ in range(2):
        assert run(limited, query, n=1_000_000) == (
            None,
            ["first: 1000000 is over the limit first ≤ 500"],
        )
        data, errors = run(limited, query, n=2)
        assert errors == []
        assert [c["id"] for c in data["cables"]] == ids[:2]
    assert limited.calls == ["cables", "cables"]


def test_negative_first_is_rejected(schema: LimitedSchema) -> None:
    _, errors = run(schema, "{ cables(first: -1) { id } }")
    assert errors == ["first: -1 is under the limit first ≥ 0"]


def test_depth_50_reference_chain_names_the_traversal_limit(
    schema: LimitedSchema, ids: list[str]
) -> None:
    data, errors = run(schema, f'{{ referenceChain(id: "{ids[0]}", maxDepth: 50) {{ id }} }}')
    assert data is None
    assert errors == ["maxDepth: 50 is over the limit maxDepth ≤ 10"]


def test_result_node_limit(schema: LimitedSchema, ids: list[str]) -> None:
    _, errors = run(schema, f'{{ neighborhood(ids: ["{ids[0]}"], limit: 100000) }}')
    assert errors == ["limit: 100000 is over the limit limit ≤ 5000"]


def test_complexity_budget_rejects_before_execution(ids: list[str]) -> None:
    settings = Settings.for_tests(complexity_budget=10_000)
    schema = make_schema(settings, ids)
    query = "{ cables(first: 500) { id references(first: 500) { id } } }"
    data, errors = run(schema, query)
    assert data is None
    # 1 + 500 * (id + references * (1 + 500 * id))
    assert errors == ["query cost 251001 is over the limit complexity ≤ 10000"]
    assert schema.calls == []
    _, errors = run(schema, "{ cables(first: 50) { id references(first: 50) { id } } }")
    assert errors == []
    assert schema.calls == ["cables"]


def test_complexity_counts_nested_fragments_once_each(ids: list[str]) -> None:
    # 2^12 spreads if expanded naively; the walk costs each fragment once.
    fragments = "\n".join(
        f"fragment F{n} on Cable {{ ...F{n + 1} ...F{n + 1} }}" for n in range(12)
    )
    query = f"{{ cables(first: 1) {{ ...F0 }} }}\n{fragments}\nfragment F12 on Cable {{ id }}"
    settings = Settings.for_tests(complexity_budget=1000, max_tokens=4000)
    _, errors = run(make_schema(settings, ids), query)
    assert errors == ["query cost 4097 is over the limit complexity ≤ 1000"]


def test_request_timeout_names_the_limit(ids: list[str]) -> None:
    schema = make_schema(Settings.for_tests(request_timeout=0.2), ids)
    data, errors = run(schema, "{ slow(seconds: 5) }")
    assert data is None
    assert errors == ["request timed out: over the limit request_timeout = 0.2 s"]
    data, errors = run(schema, "{ slow(seconds: 0.01) }")
    assert (data, errors) == ({"slow": "done"}, [])


def test_graphiql_introspection_passes_the_default_limits(ids: list[str]) -> None:
    schema = make_schema(Settings(), ids)
    query = get_introspection_query(
        descriptions=True,
        specified_by_url=True,
        directive_is_repeatable=True,
        schema_description=True,
        input_value_deprecation=True,
    )
    data, errors = run(schema, query)
    assert errors == []
    assert data["__schema"]["queryType"]["name"] == "Query"


@pytest.mark.parametrize(
    ("query", "limit", "maximum"),
    [
        ("{ cables { " + "references { " * 8 + "id" + " }" * 10, "max_depth", 6),
        ("{ " + " ".join(f"a{n}: cables {{ id }}" for n in range(6)) + " }", "max_aliases", 5),
        ("{ cables { " + "id " * 400 + "} }", "max_tokens", 400),
        ("{ cables(first: 1000000) { id } }", "first", 500),
    ],
    ids=["depth", "aliases", "tokens", "first"],
)
def test_every_rejection_carries_the_limit_in_extensions(
    schema: LimitedSchema, query: str, limit: str, maximum: int
) -> None:
    context = {"ids": schema.ids, "calls": schema.calls}
    result = asyncio.run(schema.schema.execute(query, context_value=context))
    assert result.errors is not None and len(result.errors) == 1
    extensions = result.errors[0].extensions or {}
    assert (extensions["code"], extensions["limit"], extensions["max"]) == (
        "LIMIT_EXCEEDED",
        limit,
        maximum,
    )
