"""The rows a flat ingest write makes of one node: pure functions of its tuple.

:class:`graph.sqlite_bulk.FlatWriter` keeps, per node, the key of its last write
(:func:`write_key`) to drop writes that change nothing, and sends the ``nodes`` props
(:func:`light_json`) and ``node_text`` columns (:func:`text_of`) of the others.
"""

from __future__ import annotations

from typing import Final, TypeAlias

import orjson

from graph.model import FlatNode, PropValue

#: What makes two writes of one node equal: label, props as JSON.
WriteKey: TypeAlias = tuple[str, str]
#: names, subject, summary, body, header
TextColumns: TypeAlias = tuple[str, str | None, str | None, str | None, str | None]

_CABLE: Final = "Cable"
_OFFICIAL: Final = "Official"


def in_corpus_of(kind: str, props: dict[str, PropValue]) -> int | None:
    """1 for a loaded cable, 0 for a placeholder, None for other kinds.

    >>> in_corpus_of("Cable", {"in_corpus": False}), in_corpus_of("Cable", {})
    (0, 1)
    >>> in_corpus_of("Post", {}) is None
    True
    """
    if kind != _CABLE:
        return None
    return 1 if props.get("in_corpus", True) else 0


def text_of(label: str, props: dict[str, PropValue]) -> TextColumns:
    """The ``node_text`` columns (names, subject, summary, body, header) of a node, as
    :func:`graph.sqlite_rows.to_text_row` makes them.

    >>> text_of("TOKYO", {"name": "AMEMBASSY TOKYO", "key": "TOKYO"})
    ('TOKYO AMEMBASSY TOKYO', None, None, None, None)
    """
    names = [label]
    for key in ("name", "key", "code"):
        value = props.get(key)
        if value and isinstance(value, str) and value not in names:
            names.append(value)
    return (
        " ".join(names),
        _str(props, "subject"),
        _str(props, "summary"),
        _str(props, "body"),
        _str(props, "header"),
    )


def _str(props: dict[str, PropValue], key: str) -> str | None:
    value = props.get(key)
    return value if isinstance(value, str) else None


def light_json(props: dict[str, PropValue]) -> str:
    """Props as stored in ``nodes.props``: JSON without the heavy header and body.

    >>> light_json({"subject": "S", "header": "H", "body": "B"})
    '{"subject":"S"}'
    """
    if "body" in props or "header" in props:
        props = {k: v for k, v in props.items() if k != "body" and k != "header"}
    return orjson.dumps(props).decode()


def write_key(node: FlatNode, in_corpus: int | None) -> WriteKey | None:
    """What a later write of ``node`` must equal to change nothing; None for a loaded
    cable (its text is large; it is written once) and an official with several titles
    (a merge sorts them, so writing it again is not a no-op).

    >>> write_key(("tag:PREL", "Tag", "PREL", {"code": "PREL"}, 0, 0), None)
    ('PREL', '{"code":"PREL"}')
    >>> write_key(("cable:X", "Cable", "X", {}, 0, 0), 1) is None
    True
    """
    props = node[3]
    if in_corpus == 1:
        return None
    if node[1] == _OFFICIAL:
        titles = props.get("titles")
        if isinstance(titles, tuple) and len(titles) > 1:
            return None
    return (node[2], orjson.dumps(props).decode())
