"""The neo4j-csv export: the files ``neo4j-admin database import full`` reads.

One ``nodes_<Kind>.csv`` per node kind (``id:ID``, ``:LABEL``, then the props, typed:
``level:int``, ``in_corpus:boolean``, ``caveats:string[]``) and one ``rels_<TYPE>.csv``
per edge kind (``:START_ID``, ``:END_ID``, ``:TYPE``, props). Arrays are joined with
``;`` (the tool's default ``--array-delimiter``); texts may hold newlines, hence
``--multiline-fields=true``. The folder also gets ``import.sh`` with the command line.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO

from graph.model import EDGE_PROPS, ENDPOINTS, NODE_PROPS, Edge, EdgeKind, Node, NodeKind, PropValue
from graph.store import Store

ARRAY_DELIMITER = ";"
#: neo4j-admin types of the props that are not strings.
PROP_TYPES: Mapping[str, str] = {
    "in_corpus": "boolean",
    "caveats": "string[]",
    "titles": "string[]",
    "count": "int",
}


def node_header(kind: NodeKind) -> list[str]:
    """The header row of ``nodes_<Kind>.csv``.

    >>> node_header(NodeKind.OFFICIAL)
    ['id:ID', ':LABEL', 'label', 'level:int', 'level_rel:int', 'key', 'name', 'titles:string[]']
    """
    return ["id:ID", ":LABEL", "label", "level:int", "level_rel:int"] + [
        _typed(prop) for prop in NODE_PROPS[kind]
    ]


def rel_header(kind: EdgeKind) -> list[str]:
    """The header row of ``rels_<TYPE>.csv``.

    >>> rel_header(EdgeKind.MENTIONS)
    [':START_ID', ':END_ID', ':TYPE', 'count:int']
    """
    return [":START_ID", ":END_ID", ":TYPE"] + [_typed(prop) for prop in EDGE_PROPS[kind]]


def node_row(node: Node) -> list[str]:
    """A node as a CSV row under :func:`node_header`.

    >>> node_row(Node("official:GLYN-DAVIES", NodeKind.OFFICIAL, "Glyn Davies",
    ...               {"key": "GLYN-DAVIES", "name": "Glyn Davies", "titles": ("A/S", "DAS")}))
    ['official:GLYN-DAVIES', 'Official', 'Glyn Davies', '0', '0', 'GLYN-DAVIES', 'Glyn Davies', \
'A/S;DAS']
    """
    values = [node.id, str(node.kind), node.label, str(node.level), str(node.level_rel)]
    return values + [csv_value(node.props.get(prop)) for prop in NODE_PROPS[node.kind]]


def rel_row(edge: Edge) -> list[str]:
    """An edge as a CSV row under :func:`rel_header`."""
    values = [edge.source, edge.target, str(edge.kind)]
    return values + [csv_value(edge.props.get(prop)) for prop in EDGE_PROPS[edge.kind]]


def csv_value(value: PropValue) -> str:
    """A prop value as neo4j-admin reads it: empty for null, ``true``/``false``,
    arrays joined with ``;`` (a ``;`` inside an item becomes ``,``).

    >>> [csv_value(v) for v in (None, True, 3, ("NOFORN", "SIP;DIS"), "x")]
    ['', 'true', '3', 'NOFORN;SIP,DIS', 'x']
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return ARRAY_DELIMITER.join(item.replace(ARRAY_DELIMITER, ",") for item in value)
    return str(value)


def write_neo4j_csv(
    store: Store, folder: Path, edge_kinds: Sequence[EdgeKind] = ()
) -> tuple[int, int, tuple[Path, ...]]:
    """Write the import files of every node and edge kind present in ``store`` (or of
    ``edge_kinds`` and the node kinds they link)."""
    folder.mkdir(parents=True, exist_ok=True)
    node_kinds = [k for k in NodeKind if not edge_kinds or _links(edge_kinds, k)]
    node_files = [folder / f"nodes_{kind.value}.csv" for kind in NodeKind]
    rel_files = [folder / f"rels_{kind.value}.csv" for kind in EdgeKind]
    for stale in (*node_files, *rel_files):
        stale.unlink(missing_ok=True)
    nodes = sum(_write_kind(store, k, folder / f"nodes_{k.value}.csv") for k in node_kinds)
    edges = sum(
        _write_rel_kind(store, k, folder / f"rels_{k.value}.csv")
        for k in (edge_kinds or list(EdgeKind))
    )
    written = [p for p in (*node_files, *rel_files) if p.exists()]
    script = folder / "import.sh"
    script.write_text(import_command(written), encoding="utf-8")
    return nodes, edges, (*written, script)


def import_command(files: Sequence[Path], database: str = "neo4j") -> str:
    """The shell script that imports ``files`` into a stopped Neo4j."""
    args = [
        f"  --{'nodes' if f.name.startswith('nodes_') else 'relationships'}={f.name}" for f in files
    ]
    lines = [
        "#!/bin/sh",
        "# Import into an empty, stopped database: run in this folder.",
        'cd "$(dirname "$0")"',
        f"neo4j-admin database import full {database} \\",
        "  --overwrite-destination=true --multiline-fields=true \\",
        f'  --array-delimiter="{ARRAY_DELIMITER}" \\',
        " \\\n".join(args),
    ]
    return "\n".join(lines) + "\n"


def _write_kind(store: Store, kind: NodeKind, path: Path) -> int:
    return _write_rows(path, node_header(kind), (node_row(n) for n in store.iter_nodes([kind])))


def _write_rel_kind(store: Store, kind: EdgeKind, path: Path) -> int:
    return _write_rows(path, rel_header(kind), (rel_row(e) for e in store.iter_edges([kind])))


def _write_rows(path: Path, header: list[str], rows: Iterator[list[str]]) -> int:
    """Write ``rows`` under ``header``; no file at all when there are no rows."""
    path.unlink(missing_ok=True)
    count = 0
    handle: IO[str] | None = None
    try:
        for row in rows:
            if handle is None:
                handle = path.open("w", encoding="utf-8", newline="")
                writer = csv.writer(handle)
                writer.writerow(header)
            writer.writerow(row)
            count += 1
    finally:
        if handle is not None:
            handle.close()
    return count


def _links(edge_kinds: Sequence[EdgeKind], kind: NodeKind) -> bool:
    return any(kind in ends for edge in edge_kinds for ends in ENDPOINTS[edge])


def _typed(prop: str) -> str:
    kind = PROP_TYPES.get(prop)
    return f"{prop}:{kind}" if kind else prop
