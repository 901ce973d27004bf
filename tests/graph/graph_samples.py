"""A small hand-made cable graph for the analysis and export tests.

Four loaded cables citing each other (``A -> B -> C``, ``D -> C``), a placeholder
``P`` cited by ``A`` and ``D``, a non-cable Reference, two posts, a tag, and entities
mentioned together.
"""

from __future__ import annotations

from graph.model import NEVER, Edge, EdgeKind, GraphBatch, Node, NodeKind, make_id

K, E = NodeKind, EdgeKind

A, B, C, D, P = (
    make_id(K.CABLE, i) for i in ("08STATE1", "08TOKYO2", "07TOKYO3", "08PARIS4", "08TOKYO99")
)
REF = make_id(K.REFERENCE, "08STATE1", "C")
STATE, TOKYO, PARIS = (make_id(K.POST, p) for p in ("STATE", "TOKYO", "PARIS"))
PREL = make_id(K.TAG, "PREL")
JA, AF = make_id(K.COUNTRY, "JA"), make_id(K.COUNTRY, "AF")
DAVIES = make_id(K.OFFICIAL, "Glyn Davies")
ISAF = make_id(K.ORGANIZATION, "ISAF")


def _cable(node_id: str, date: str, *, classification: str = "CONFIDENTIAL") -> Node:
    bare = node_id.split(":", 1)[1]
    props = {
        "date": date,
        "dtg": f"{date}T10:00Z",
        "subject": f"SUBJECT OF {bare}",
        "classification": classification,
        "caveats": ("NOFORN", "SIPDIS") if node_id == A else (),
        "precedence": "PRIORITY",
        "summary": None,
        "header": f"FM SOMEWHERE\nTO ELSEWHERE {bare}",
        "body": f'Body of {bare},\nwith "quotes" and a second line.',
        "in_corpus": True,
    }
    level_rel = NEVER if node_id == A else 1
    return Node(node_id, K.CABLE, bare, props, level=1, level_rel=level_rel)


def sample_batch() -> GraphBatch:
    """The sample graph as one batch."""
    nodes = (
        _cable(A, "2008-06-26"),
        _cable(B, "2008-05-01"),
        _cable(C, "2007-12-01"),
        _cable(D, "2008-07-01"),
        Node(P, K.CABLE, "08TOKYO99", {"in_corpus": False}, level=1, level_rel=1),
        Node(
            REF,
            K.REFERENCE,
            "SECDEF DTG 031932Z JUN 08",
            {"key": "C", "kind": "message", "text": "SECDEF DTG 031932Z JUN 08"},
            1,
            1,
        ),
        Node(STATE, K.POST, "SECSTATE WASHDC", {"key": "STATE", "name": "SECSTATE WASHDC"}),
        Node(TOKYO, K.POST, "AMEMBASSY TOKYO", {"key": "TOKYO", "name": "AMEMBASSY TOKYO"}),
        Node(PARIS, K.POST, "AMEMBASSY PARIS", {"key": "PARIS", "name": "AMEMBASSY PARIS"}),
        Node(PREL, K.TAG, "PREL", {"code": "PREL", "kind": "subject"}),
        Node(JA, K.COUNTRY, "Japan", {"code": "JA", "name": "Japan"}),
        Node(AF, K.COUNTRY, "Afghanistan", {"code": "AF", "name": "Afghanistan"}),
        Node(
            DAVIES,
            K.OFFICIAL,
            "Glyn Davies",
            {"key": "GLYN-DAVIES", "name": "Glyn Davies", "titles": ("EAP Acting A/S",)},
        ),
        Node(ISAF, K.ORGANIZATION, "ISAF", {"code": "ISAF", "name": "ISAF"}),
    )
    edges = (
        Edge(STATE, E.SENT, A),
        Edge(TOKYO, E.SENT, B),
        Edge(TOKYO, E.SENT, C),
        Edge(PARIS, E.SENT, D),
        Edge(A, E.SENT_TO, TOKYO, {"role": "action", "precedence": "IMMEDIATE"}),
        Edge(A, E.CITES, B, {"bullet": "A"}),
        Edge(A, E.CITES, P, {"bullet": "B"}),
        Edge(A, E.CITES, REF, {"bullet": "C"}),
        Edge(B, E.CITES, C, {"bullet": None}),
        Edge(D, E.CITES, C, {"bullet": "A"}),
        Edge(D, E.CITES, P, {"bullet": "B"}),
        Edge(A, E.TAGGED, PREL),
        Edge(A, E.MENTIONS, JA, {"count": 3}),
        Edge(A, E.MENTIONS, AF, {"count": 2}),
        Edge(A, E.MENTIONS, ISAF, {"count": 1}),
        Edge(B, E.MENTIONS, JA, {"count": 1}),
        Edge(B, E.MENTIONS, AF, {"count": 1}),
        Edge(D, E.MENTIONS, DAVIES, {"count": 1}),
        Edge(A, E.CLASSIFIED_BY, DAVIES),
        Edge(A, E.SIGNED_BY, DAVIES),
        Edge(A, E.REQUESTS, TOKYO, {"action": "report back", "deadline": "2008-06-25"}),
    )
    return GraphBatch(nodes=nodes, edges=edges)
