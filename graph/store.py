"""The ``Store`` protocol: what every backend (embedded SQLite, Neo4j) provides.

Every read takes a :class:`~graph.model.Clearance`; a node the clearance cannot see
(see :class:`~graph.model.Node`) is absent from every answer — lists, counts, search,
chains, paths, neighbourhoods — and so is every edge touching it.

Nodes in ``Page``, ``EdgePage``, ``Subgraph`` and search results omit the heavy props
``header`` and ``body``; ``get_nodes`` and ``iter_nodes`` return them (``iter_nodes``
unless asked not to). ``DATE_ASC`` lists
undated cables first, ``DATE_DESC`` last.

Traversals happen inside the store (recursive SQL, bounded Cypher), never as Python
loops over single lookups. Limits passed in are hard caps: a store never returns more.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final, Protocol, TypeAlias, runtime_checkable

from graph.model import Clearance, Edge, EdgeKind, GraphBatch, Node, NodeId, NodeKind


class StoreError(RuntimeError):
    """A backend failed (unreachable, corrupt, refused). Messages never carry secrets."""


class NotFoundError(LookupError):
    """A requested node does not exist (or is not visible to the caller)."""


class Direction(StrEnum):
    OUT = "OUT"
    IN = "IN"
    BOTH = "BOTH"


class ChainDirection(StrEnum):
    CITES = "CITES"
    CITED_BY = "CITED_BY"
    BOTH = "BOTH"


class Bucket(StrEnum):
    MONTH = "MONTH"
    YEAR = "YEAR"


class CableOrder(StrEnum):
    DATE_ASC = "DATE_ASC"
    DATE_DESC = "DATE_DESC"
    ID_ASC = "ID_ASC"


@dataclass(frozen=True, slots=True)
class CableFilter:
    """A filter over loaded cables (``in_corpus`` true). All set fields must hold (AND);
    ``any_of`` adds alternatives: the cable must also match at least one of them (OR).

    ``origin``/``addressee`` are Post node ids, ``tag`` a Tag node id, ``country`` a
    Country node id, ``mentions`` any node id the cable MENTIONS, ``text`` a full-text
    query over subject, summary and body, dates are ``YYYY-MM-DD`` inclusive.
    """

    date_from: str | None = None
    date_to: str | None = None
    origin: NodeId | None = None
    addressee: NodeId | None = None
    tag: NodeId | None = None
    country: NodeId | None = None
    classification: str | None = None
    mentions: NodeId | None = None
    text: str | None = None
    all_of: tuple[CableFilter, ...] = ()
    any_of: tuple[CableFilter, ...] = ()


@dataclass(frozen=True, slots=True)
class Page:
    """One page of nodes, ``total`` being the count over all pages."""

    nodes: tuple[Node, ...]
    total: int


@dataclass(frozen=True, slots=True)
class EdgePage:
    """One page of edges around a node, with the node at the far end of each edge."""

    edges: tuple[Edge, ...]
    nodes: tuple[Node, ...]
    total: int


@dataclass(frozen=True, slots=True)
class Subgraph:
    """A flat set of nodes and edges. ``depth`` maps node id -> hops from the start
    (for chains and neighbourhoods); ``truncated`` says a limit cut the answer."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    depth: dict[NodeId, int] = field(default_factory=dict)
    truncated: bool = False


@dataclass(frozen=True, slots=True)
class StoreStats:
    nodes: dict[str, int]
    edges: dict[str, int]
    cables_in_corpus: int
    placeholders: int


TimelineRow: TypeAlias = tuple[str, int]


class Way:
    """Which stored directions a traversal step follows."""

    OUT: Final = "OUT"
    IN: Final = "IN"


@dataclass(frozen=True, slots=True)
class StepFilter:
    """What a step may follow and reach: edge kinds, far node kinds, cable dates."""

    ways: tuple[str, ...] = (Way.OUT, Way.IN)
    edge_kinds: tuple[EdgeKind, ...] = ()
    node_kinds: tuple[NodeKind, ...] = ()
    date_from: str | None = None
    date_to: str | None = None


#: A node of a flat subgraph: id, kind, label, date (cables), in_corpus (cables: 1 or
#: 0, else None), depth, props as JSON text (a cable's without ``summary``).
NodeRow: TypeAlias = tuple[str, str, str, str | None, int | None, int | None, str]
#: An edge of a flat subgraph: source id, kind, target id, props as JSON text or None.
EdgeRow: TypeAlias = tuple[str, str, str, str | None]
#: A flat subgraph: its nodes, its edges, and whether a limit cut it.
FlatRows: TypeAlias = tuple[list[NodeRow], list[EdgeRow], bool]


@runtime_checkable
class FlatReader(Protocol):
    """A store that also reads chains, neighbourhoods and cable pages as flat rows, with
    no model objects (the embedded store); the API prefers these reads when offered."""

    def reference_chain_flat(
        self, cable_id: NodeId, clearance: Clearance, direction: ChainDirection,
        max_depth: int, limit: int,
    ) -> FlatRows: ...  # fmt: skip

    def neighborhood_flat(
        self, node_ids: Sequence[NodeId], clearance: Clearance, depth: int,
        step: StepFilter, limit: int,
    ) -> FlatRows: ...  # fmt: skip

    def cable_page(
        self, where: CableFilter, clearance: Clearance, order: CableOrder, first: int,
        offset: int,
    ) -> list[Node]: ...  # fmt: skip


class Store(Protocol):
    """A graph store. Implementations: ``graph.sqlite_store.SQLiteStore`` and
    ``graph.neo4j_store.Neo4jStore``; ``graph.stores.open_store(uri)`` picks one."""

    def close(self) -> None: ...

    def ping(self) -> bool:
        """True when the backend answers."""
        ...

    # --- writing -----------------------------------------------------------------
    def write(self, batch: GraphBatch) -> None:
        """Upsert a batch atomically, following the merge rules of ``GraphBatch``."""
        ...

    def clear(self) -> None:
        """Remove every node and edge (tests and re-builds)."""
        ...

    # --- reading -----------------------------------------------------------------
    def get_nodes(self, ids: Sequence[NodeId], clearance: Clearance) -> dict[NodeId, Node]:
        """The visible nodes among ``ids`` (missing ids are left out)."""
        ...

    def edges(
        self,
        node_ids: Sequence[NodeId],
        clearance: Clearance,
        direction: Direction = Direction.BOTH,
        edge_kinds: Sequence[EdgeKind] = (),
        node_kinds: Sequence[NodeKind] = (),
        first: int = 100,
        offset: int = 0,
    ) -> dict[NodeId, EdgePage]:
        """Edges around each of ``node_ids``, filtered by edge kind and far-end node
        kind (empty = all), ordered by far-end date then id, paged per node (each page a
        bounded top-N query). ``EdgePage.nodes[i]`` is the far end of ``edges[i]``."""
        ...

    def find_cables(
        self,
        where: CableFilter,
        clearance: Clearance,
        order: CableOrder = CableOrder.DATE_ASC,
        first: int = 50,
        offset: int = 0,
    ) -> Page: ...

    def search(
        self, text: str, clearance: Clearance, kinds: Sequence[NodeKind] = (), first: int = 20
    ) -> list[Node]:
        """Nodes whose id, label, subject or name matches ``text`` (exact ids first)."""
        ...

    def reference_chain(
        self,
        cable_id: NodeId,
        clearance: Clearance,
        direction: ChainDirection = ChainDirection.CITES,
        max_depth: int = 3,
        limit: int = 500,
    ) -> Subgraph:
        """Every cable or reference reachable over CITES within ``max_depth`` hops."""
        ...

    def shortest_path(
        self,
        source: NodeId,
        target: NodeId,
        clearance: Clearance,
        max_length: int = 6,
        edge_kinds: Sequence[EdgeKind] = (),
    ) -> Subgraph | None:
        """One shortest undirected path, as its nodes in order and its edges; None if
        none within ``max_length`` hops."""
        ...

    def neighborhood(
        self,
        node_ids: Sequence[NodeId],
        clearance: Clearance,
        depth: int = 1,
        edge_kinds: Sequence[EdgeKind] = (),
        node_kinds: Sequence[NodeKind] = (),
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 500,
    ) -> Subgraph:
        """Nodes within ``depth`` hops (undirected) and the edges among them. Dates
        filter cables only; ``limit`` caps the node count (closest first)."""
        ...

    def timeline(
        self, where: CableFilter, clearance: Clearance, bucket: Bucket = Bucket.MONTH
    ) -> list[TimelineRow]:
        """Cable counts per ``YYYY-MM`` or ``YYYY``, in order."""
        ...

    def degrees(self, node_ids: Sequence[NodeId], clearance: Clearance) -> dict[NodeId, int]:
        """Visible degree of each node."""
        ...

    def stats(self) -> StoreStats: ...

    # --- bulk, for export and analysis ----------------------------------------------
    def iter_nodes(
        self, kinds: Sequence[NodeKind] = (), *, with_text: bool = True
    ) -> Iterator[Node]:
        """Every node (of ``kinds``), full clearance; ``with_text=False`` leaves out the
        heavy ``header`` and ``body`` (analysis and exports that do not need them)."""
        ...

    def iter_edges(self, kinds: Sequence[EdgeKind] = ()) -> Iterator[Edge]: ...
