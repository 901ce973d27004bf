"""Every Cypher statement of the Neo4j store, linted by Neo4j's own front end.

``tools/cypher-lint/lint.mjs`` runs ``@neo4j-cypher/language-support`` (pinned) with the
built-in function and procedure signatures of its ``testData.mockSchema``, the labels,
relationship types and property keys of the model, and each statement's ``$params``
declared. Any diagnostic, error or warning (deprecations included), fails the build.
Skipped only when ``node`` is missing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from graph.neo4j_lint import (
    LINTED_HOPS,
    Statement,
    all_statements,
    lint_schema,
    unbounded_patterns,
)
from graph.neo4j_traverse import (
    MAX_HOPS,
    chain_statement,
    neighborhood_statement,
    path_statement,
)
from graph.store import ChainDirection

LINT_DIR = Path(__file__).resolve().parents[2] / "tools" / "cypher-lint"
NODE = shutil.which("node")

needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed: cannot lint Cypher")


def run_lint(statements: Sequence[Statement]) -> list[dict[str, Any]]:
    """Lint ``statements`` in one node process; the per-statement results."""
    assert NODE is not None
    assert (LINT_DIR / "node_modules").is_dir(), "run scripts/setup (npm ci in tools/cypher-lint)"
    payload = {
        "schema": lint_schema(),
        "statements": [{"name": s.name, "query": s.query, "params": s.params} for s in statements],
    }
    done = subprocess.run(
        [NODE, "lint.mjs"],
        cwd=LINT_DIR,
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=280,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    results: list[dict[str, Any]] = json.loads(done.stdout)
    assert [r["name"] for r in results] == [s.name for s in statements]
    assert (done.returncode == 1) == any(r["diagnostics"] for r in results)
    return results


def lint_parallel(statements: Sequence[Statement]) -> list[dict[str, Any]]:
    """Lint in one node process per core (the front end takes ~0.3 s a statement)."""
    workers = max(1, min(os.cpu_count() or 1, 4))
    shares = [statements[i::workers] for i in range(workers)]
    with ThreadPoolExecutor(workers) as pool:
        return [r for results in pool.map(run_lint, shares) for r in results]


def declared_but_unused(statement: Statement) -> list[str]:
    return [p for p in statement.params if not re.search(rf"\${p}\b", statement.query)]


@needs_node
def test_every_statement_of_the_store_lints_clean() -> None:
    statements = all_statements()
    failures = {r["name"]: r["diagnostics"] for r in lint_parallel(statements) if r["diagnostics"]}
    assert failures == {}


BROKEN = {
    "neo4j4_constraint": "CREATE CONSTRAINT ON (n:Node) ASSERT n.id IS UNIQUE",
    "neo4j4_exists": "MATCH (n:Node) WHERE exists(n.label) RETURN n.id",
    "undefined_variable": "MATCH (n:Node {id: $id}) RETURN m.id",
    "unknown_function": "MATCH (n:Node {id: $id}) RETURN frobnicate(n.label)",
    "undeclared_param": "MATCH (n:Node {id: $nope}) RETURN n.id",
    "misspelt_label": "MATCH (n:Cabel {id: $id}) RETURN n.id",
    "deprecated_call_scope": "MATCH (n:Node {id: $id}) CALL { WITH n RETURN 1 AS x } RETURN x",
}


@needs_node
def test_a_deliberately_broken_statement_fails_the_lint() -> None:
    broken = [Statement(name, query, {"id": "cable:X"}) for name, query in BROKEN.items()]
    good = all_statements()[0]
    results = run_lint([good, *broken])
    assert results[0]["diagnostics"] == []
    missed = [r["name"] for r in results[1:] if not r["diagnostics"]]
    assert missed == []
    messages = {r["name"]: r["diagnostics"][0]["message"] for r in results[1:]}
    assert "ASSERT" in messages["neo4j4_constraint"]
    assert "m" in messages["undefined_variable"]
    assert "frobnicate" in messages["unknown_function"]
    assert "$nope" in messages["undeclared_param"]


@needs_node
def test_the_lint_script_exits_nonzero_on_a_broken_statement() -> None:
    done = subprocess.run(
        [NODE or "node", "lint.mjs"],
        cwd=LINT_DIR,
        input=json.dumps([{"name": "bad", "query": BROKEN["neo4j4_exists"], "params": {}}]),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    severities = {d["severity"] for d in json.loads(done.stdout)[0]["diagnostics"]}
    assert "error" in severities


def test_every_statement_declares_only_the_params_it_uses() -> None:
    unused = {s.name: declared_but_unused(s) for s in all_statements() if declared_but_unused(s)}
    assert unused == {}


def test_every_variable_length_pattern_is_bounded() -> None:
    unbounded = {s.name: unbounded_patterns(s.query) for s in all_statements()}
    assert {k: v for k, v in unbounded.items() if v} == {}
    assert unbounded_patterns("MATCH p = shortestPath((a)-[*]-(b)) RETURN p") == ["[*]"]
    assert unbounded_patterns("MATCH (a)-[:CITES*2..]->(b) RETURN b") == ["[:CITES*2..]"]
    assert unbounded_patterns("MATCH (a) ((x)-[:CITES]->(y)){1,} (b) RETURN b") == ["{1,}"]
    assert unbounded_patterns("MATCH (a) ((x)-[:CITES]->(y))+ (b) RETURN b") == ["+ ("]


def test_statement_names_are_unique() -> None:
    names = [s.name for s in all_statements()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("hops", range(1, MAX_HOPS + 1))
def test_other_bounds_only_change_the_number(hops: int) -> None:
    """Bounds not linted give the linted text with another number, so they lint alike."""
    low = LINTED_HOPS[0]
    for direction in ChainDirection:
        linted = chain_statement(direction, low)
        assert chain_statement(direction, hops) == linted.replace(f"{{1,{low}}}", f"{{1,{hops}}}")
    near = neighborhood_statement(low).replace(f"{{1,{low}}}", f"{{1,{hops}}}")
    assert neighborhood_statement(hops) == near
    assert path_statement(hops) == path_statement(low).replace(f"{{1,{low}}}", f"{{1,{hops}}}")
