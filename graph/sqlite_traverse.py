"""Traversals of the embedded store: breadth-first, one set-based query per level.

A recursive CTE walks every *path* (it cannot remember which nodes it has seen), which
explodes combinatorially around hubs and cycles (a cable cited by 100 others, walked
BOTH ways to depth 6, is 10^12 walks). So each level is one query over the whole
frontier (``json_each`` of its node numbers), and the seen set is kept between levels.
Every step joins the far node and applies visibility, so hidden nodes are never crossed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import orjson

from graph.sqlite_rows import VISIBLE_N
from graph.store import StepFilter, Way

Nid = int
#: One edge seen from a frontier node: (from nid, edge kind, to nid, stored src, stored dst).
Step = tuple[Nid, str, Nid, Nid, Nid]


def _far_conditions(step: StepFilter, params: dict[str, object]) -> str:
    conditions = [VISIBLE_N]
    if step.node_kinds:
        params["nk"] = orjson.dumps([k.value for k in step.node_kinds]).decode()
        conditions.append("n.kind IN (SELECT value FROM json_each(:nk))")
    if step.date_from:
        params["df"] = step.date_from
        conditions.append("(n.kind <> 'Cable' OR n.date >= :df)")
    if step.date_to:
        params["dt"] = step.date_to
        conditions.append("(n.kind <> 'Cable' OR n.date <= :dt)")
    return " AND ".join(conditions)


def step_sql(step: StepFilter, params: dict[str, object]) -> str:
    """One level: every edge from a node of ``:frontier`` to a node it may reach, as
    :data:`Step` rows (``LIMIT :cap``)."""
    far = _far_conditions(step, params)
    kinds = ""
    if step.edge_kinds:
        params["ek"] = orjson.dumps([k.value for k in step.edge_kinds]).decode()
        kinds = "AND e.kind IN (SELECT value FROM json_each(:ek))"
    parts = []
    if Way.OUT in step.ways:
        parts.append(
            "SELECT e.src AS a, e.kind AS k, e.dst AS b, e.src AS s, e.dst AS d"
            " FROM edges e JOIN nodes n ON n.nid = e.dst"
            f" WHERE e.src IN (SELECT value FROM json_each(:frontier)) {kinds} AND {far}"
        )
    if Way.IN in step.ways:
        parts.append(
            "SELECT e.dst AS a, e.kind AS k, e.src AS b, e.src AS s, e.dst AS d"
            " FROM edges e INDEXED BY edges_in"
            " JOIN nodes n ON n.nid = e.src"
            f" WHERE e.dst IN (SELECT value FROM json_each(:frontier)) {kinds} AND {far}"
        )
    return " UNION ALL ".join(parts) + " LIMIT :cap"


def reach_sql(step: StepFilter, params: dict[str, object]) -> str:
    """One BFS level: the distinct nodes one step from ``:frontier`` that are not in
    ``:seen`` (``LIMIT :cap``)."""
    union = step_sql(step, params).removesuffix(" LIMIT :cap")
    return (
        f"SELECT DISTINCT b FROM ({union}) "
        "WHERE b NOT IN (SELECT value FROM json_each(:seen)) LIMIT :cap"
    )


def expand(
    conn: sqlite3.Connection, sql: str, params: dict[str, object], frontier: Sequence[Nid], cap: int
) -> list[Step]:
    """Run one level of :func:`step_sql` from ``frontier``, at most ``cap`` rows."""
    bound = {**params, "frontier": orjson.dumps(list(frontier)).decode(), "cap": cap}
    return [tuple(r) for r in conn.execute(sql, bound)]


def bfs(
    conn: sqlite3.Connection,
    starts: Sequence[Nid],
    step: StepFilter,
    params: dict[str, object],
    max_depth: int,
    limit: int,
) -> tuple[dict[Nid, int], bool]:
    """Depth of every node within ``max_depth`` of ``starts`` (closest first, at most
    ``limit`` nodes), and whether the limit cut the answer."""
    sql = reach_sql(step, params)
    depth = {nid: 0 for nid in starts[:limit]}
    truncated = len(starts) > limit
    frontier = list(depth)
    for level in range(1, max_depth + 1):
        room = limit - len(depth)
        if not frontier or truncated:
            break
        bound = {
            **params,
            "frontier": orjson.dumps(frontier).decode(),
            "seen": orjson.dumps(list(depth)).decode(),
            "cap": room + 1,
        }
        fresh = sorted(r[0] for r in conn.execute(sql, bound))
        truncated = len(fresh) > room
        frontier = fresh[:room]
        depth.update((nid, level) for nid in frontier)
    return depth, truncated


def _reach(
    conn: sqlite3.Connection,
    sql: str,
    params: dict[str, object],
    frontier: list[Nid],
    parents: dict[Nid, Step | None],
) -> list[Nid]:
    fresh: list[Nid] = []
    for row in expand(conn, sql, params, frontier, cap=-1):
        if row[2] not in parents:
            parents[row[2]] = row
            fresh.append(row[2])
    return fresh


def _trace(parents: dict[Nid, Step | None], nid: Nid) -> list[Step]:
    steps: list[Step] = []
    link = parents[nid]
    while link is not None:
        steps.append(link)
        link = parents[link[0]]
    return steps


def shortest_steps(
    conn: sqlite3.Connection,
    source: Nid,
    target: Nid,
    step: StepFilter,
    params: dict[str, object],
    max_length: int,
) -> list[Step] | None:
    """The steps of one shortest undirected path from ``source`` to ``target`` (each
    step's third value is the next node on the way), by bidirectional BFS: the smaller
    frontier grows first. None when there is none within ``max_length`` hops."""
    if source == target:
        return []
    sql = step_sql(step, params)
    fwd: dict[Nid, Step | None] = {source: None}
    bwd: dict[Nid, Step | None] = {target: None}
    fwd_front, bwd_front = [source], [target]
    for _ in range(max_length):
        if not fwd_front or not bwd_front:
            return None
        grow_fwd = len(fwd_front) <= len(bwd_front)
        if grow_fwd:
            fwd_front = _reach(conn, sql, params, fwd_front, fwd)
            meet = [n for n in fwd_front if n in bwd]
        else:
            bwd_front = _reach(conn, sql, params, bwd_front, bwd)
            meet = [n for n in bwd_front if n in fwd]
        if meet:
            middle = min(meet, key=lambda n: (len(_trace(fwd, n)) + len(_trace(bwd, n)), n))
            back = [(b, k, a, src, dst) for a, k, b, src, dst in _trace(bwd, middle)]
            return _trace(fwd, middle)[::-1] + back
    return None
