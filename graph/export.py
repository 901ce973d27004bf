"""Export a store: GraphML and GEXF (through networkx, for Gephi), JSON lines, and
the CSV files ``neo4j-admin database import full`` reads (:mod:`graph.export_neo4j`).

JSON lines and neo4j-csv stream from ``store.iter_nodes``/``iter_edges``; GraphML and
GEXF build a networkx graph first (what Gephi opens: one file), leaving out the long
cable texts (``header``, ``body``) unless asked.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING

import orjson

from graph.export_neo4j import write_neo4j_csv
from graph.model import ENDPOINTS, Edge, EdgeKind, Node, NodeKind, PropValue
from graph.store import Store

if TYPE_CHECKING:  # networkx is imported where a graph is built (0.1 s off every CLI start)
    import networkx as nx

#: Cable props left out of GraphML/GEXF unless ``include_text`` (they dwarf the rest).
LONG_TEXT_PROPS = frozenset({"header", "body"})
#: Separator of list values (caveats, titles) in GraphML/GEXF, which have no lists.
LIST_SEPARATOR = "; "
#: Attribute names GraphML/GEXF nodes and edges use for themselves.
RESERVED_NAMES = frozenset({"kind", "label", "level", "level_rel", "id"})


class ExportFormat(StrEnum):
    GRAPHML = "graphml"
    GEXF = "gexf"
    JSONL = "jsonl"
    NEO4J_CSV = "neo4j-csv"


class ExportError(ValueError):
    """An export that cannot be written (bad destination for the format)."""


@dataclass(frozen=True, slots=True)
class ExportSummary:
    nodes: int
    edges: int
    files: tuple[Path, ...]


def node_kinds_for(edge_kinds: Sequence[EdgeKind]) -> list[NodeKind]:
    """The node kinds an export restricted to ``edge_kinds`` holds (all when empty).

    >>> node_kinds_for([EdgeKind.CITES])
    [<NodeKind.CABLE: 'Cable'>, <NodeKind.REFERENCE: 'Reference'>]
    >>> len(node_kinds_for([]))
    8
    """
    if not edge_kinds:
        return list(NodeKind)
    wanted = {kind for edge in edge_kinds for ends in ENDPOINTS[edge] for kind in ends}
    return [kind for kind in NodeKind if kind in wanted]


def export_store(
    store: Store,
    fmt: ExportFormat,
    out: Path,
    *,
    include_text: bool = False,
    edge_kinds: Sequence[EdgeKind] = (),
) -> ExportSummary:
    """Write ``store`` to ``out`` (a file, or a folder for neo4j-csv): everything, or only
    ``edge_kinds`` and the kinds of node they link."""
    if fmt is ExportFormat.NEO4J_CSV:
        if out.exists() and not out.is_dir():
            raise ExportError(f"{out}: neo4j-csv writes a folder, and this is a file")
        nodes, edges, files = write_neo4j_csv(store, out, edge_kinds)
        return ExportSummary(nodes, edges, files)
    with out.open("wb") as handle:
        nodes, edges = export_stream(
            store, fmt, handle, include_text=include_text, edge_kinds=edge_kinds
        )
    return ExportSummary(nodes, edges, (out,))


def export_stream(
    store: Store,
    fmt: ExportFormat,
    handle: IO[bytes],
    *,
    include_text: bool = False,
    edge_kinds: Sequence[EdgeKind] = (),
) -> tuple[int, int]:
    """Write ``store`` in a one-file format to ``handle``; returns (nodes, edges)."""
    if fmt is ExportFormat.JSONL:
        return write_jsonl(store, handle, edge_kinds)
    if fmt is ExportFormat.NEO4J_CSV:
        raise ExportError("neo4j-csv writes a folder of files: give --out FOLDER")
    import networkx as nx

    graph = to_networkx(store, include_text=include_text, edge_kinds=edge_kinds)
    if fmt is ExportFormat.GRAPHML:
        nx.write_graphml(graph, handle, named_key_ids=True)
    else:
        nx.write_gexf(graph, handle)
    return graph.number_of_nodes(), graph.number_of_edges()


def write_jsonl(
    store: Store, handle: IO[bytes], edge_kinds: Sequence[EdgeKind] = ()
) -> tuple[int, int]:
    """One JSON object a line: every node, then every edge.

    Nodes: ``{"type": "node", "id", "kind", "label", "level", "level_rel", "props"}``;
    edges: ``{"type": "edge", "source", "kind", "target", "props"}``.
    """
    nodes = edges = 0
    for node in store.iter_nodes(node_kinds_for(edge_kinds)):
        handle.write(orjson.dumps(node_record(node)) + b"\n")
        nodes += 1
    for edge in store.iter_edges(edge_kinds):
        handle.write(orjson.dumps(edge_record(edge)) + b"\n")
        edges += 1
    return nodes, edges


def node_record(node: Node) -> dict[str, object]:
    """The JSON-lines object of a node.

    >>> from graph.model import NodeKind
    >>> node_record(Node("tag:PREL", NodeKind.TAG, "PREL", {"code": "PREL", "kind": "subject"}))
    {'type': 'node', 'id': 'tag:PREL', 'kind': 'Tag', 'label': 'PREL', 'level': 0, \
'level_rel': 0, 'props': {'code': 'PREL', 'kind': 'subject'}}
    """
    return {
        "type": "node",
        "id": node.id,
        "kind": str(node.kind),
        "label": node.label,
        "level": node.level,
        "level_rel": node.level_rel,
        "props": dict(node.props),
    }


def edge_record(edge: Edge) -> dict[str, object]:
    """The JSON-lines object of an edge.

    >>> from graph.model import EdgeKind
    >>> edge_record(Edge("cable:08STATE68633", EdgeKind.TAGGED, "tag:PREL"))
    {'type': 'edge', 'source': 'cable:08STATE68633', 'kind': 'TAGGED', 'target': 'tag:PREL', \
'props': {}}
    """
    return {
        "type": "edge",
        "source": edge.source,
        "kind": str(edge.kind),
        "target": edge.target,
        "props": dict(edge.props),
    }


def to_networkx(
    store: Store, *, include_text: bool = False, edge_kinds: Sequence[EdgeKind] = ()
) -> nx.MultiDiGraph:
    """The store (or its ``edge_kinds``) as a networkx multigraph, attributes flattened
    for GraphML/GEXF: each edge keyed by its kind, ``None`` props left out, lists joined
    with ``; ``. Memory grows with the edges (about 2-3 kB each): for a full Cablegate
    store, export JSON lines or neo4j-csv, or restrict ``edge_kinds``."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    skip = frozenset() if include_text else LONG_TEXT_PROPS
    for node in store.iter_nodes(node_kinds_for(edge_kinds), with_text=include_text):
        attrs = flat_props(node.props, skip)
        attrs.update(kind=str(node.kind), label=node.label, level=node.level)
        attrs["level_rel"] = node.level_rel
        graph.add_node(node.id, **attrs)
    for edge in store.iter_edges(edge_kinds):
        graph.add_edge(
            edge.source,
            edge.target,
            key=str(edge.kind),
            kind=str(edge.kind),
            **flat_props(edge.props, frozenset()),
        )
    return graph


def flat_props(
    props: Mapping[str, PropValue], skip: frozenset[str]
) -> dict[str, str | int | float | bool]:
    """Props as GraphML/GEXF can hold them: no None, lists joined, and names taken by
    the node itself (``kind``, ``label``, ``level``) prefixed with ``prop_``.

    >>> flat_props({"caveats": ("NOFORN", "SIPDIS"), "summary": None, "kind": "geo"},
    ...            frozenset())
    {'caveats': 'NOFORN; SIPDIS', 'prop_kind': 'geo'}
    """
    flat: dict[str, str | int | float | bool] = {}
    for key, value in props.items():
        if value is None or key in skip:
            continue
        name = f"prop_{key}" if key in RESERVED_NAMES else key
        flat[name] = LIST_SEPARATOR.join(value) if isinstance(value, tuple) else value
    return flat


def iter_dump(store: Store) -> Iterator[str]:
    """Every node and edge as sorted JSON lines: a canonical dump to compare stores."""
    lines = [
        orjson.dumps(node_record(n), option=orjson.OPT_SORT_KEYS).decode()
        for n in store.iter_nodes()
    ]
    lines += [
        orjson.dumps(edge_record(e), option=orjson.OPT_SORT_KEYS).decode()
        for e in store.iter_edges()
    ]
    yield from sorted(lines)
