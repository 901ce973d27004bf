"""schema.graphql is generated from the code: this fails when it drifts."""

from __future__ import annotations

import re

from api.schema.export import SCHEMA_FILE, main, render_sdl


def test_schema_file_matches_the_code() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render_sdl(), (
        "schema.graphql is out of date: run .venv/bin/python -m api.schema.export"
    )
    assert main(["--check"]) == 0


def test_schema_has_the_explorer_contract() -> None:
    sdl = render_sdl()
    contract = [
        "enum NodeKind {\n  Cable\n  Post\n  Country\n  Official\n  Organization\n  Asset\n"
        "  Tag\n  Reference\n}",
        "search(text: String!, kinds: [NodeKind!] = null, first: Int = 20): [SearchHit!]!",
        # one additive argument: limit (500, at most CABLEGRAPH_MAX_RESULT_NODES)
        "referenceChain(id: ID!, direction: ChainDirection = BOTH, maxDepth: Int = 3, limit: Int",
        "path(from: ID!, to: ID!, maxLength: Int = 6, edgeTypes: [EdgeKind!] = null): Subgraph\n",
        "timeline(where: CableWhere = null, bucket: Bucket = MONTH): [TimelineBucket!]!",
        "node(id: ID!): Node\n",
    ]
    for piece in contract:
        assert piece in sdl, piece
    hood = re.search(r"neighborhood\((.*)\): Subgraph!", sdl)
    assert hood is not None
    assert hood.group(1) == (
        "ids: [ID!]!, depth: Int = 1, edgeTypes: [EdgeKind!] = null, "
        "nodeKinds: [NodeKind!] = null, dateFrom: String = null, dateTo: String = null, "
        "limit: Int = 200"
    )
    for name, fields in {
        "SearchHit": "id: ID!  kind: NodeKind!  label: String!  date: String",
        "TimelineBucket": "period: String!  count: Int!",
        "GraphNode": "id: ID!  kind: NodeKind!  label: String!  date: String  inCorpus: Boolean"
        "  depth: Int",
        "GraphEdge": "id: ID!  source: ID!  target: ID!  type: EdgeKind!",
    }.items():
        block = re.search(r"type " + name + r" \{\n(.*?)\n\}", sdl, re.S)
        assert block is not None, name
        lines = [ln.strip() for ln in block.group(1).splitlines() if ":" in ln and '"' not in ln]
        assert "  ".join(lines) == fields, name
    subgraph = re.search(r"type Subgraph \{\n(.*?)\n\}", sdl, re.S)
    assert subgraph is not None
    for field in (
        "truncated: Boolean!",
        "nodes: [GraphNode!]!",
        "edges: [GraphEdge!]!",
        "json(degrees: Boolean! = true): JSON!",
    ):
        assert field in subgraph.group(1)
