"""Ingest parses with ``BodyParts.GRAPH``: the graph of every corpus cable is the one a
full parse gives, and the record differs only in the parts the graph does not store."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from loaders.entities import BodyParts
from loaders.read import expand_paths, parse_document
from loaders.record import Cable
from loaders.to_graph import cable_to_flat


def test_graph_parts_give_the_same_graph(corpus_dir: Path) -> None:
    checked = skipped_paragraphs = 0
    for path in expand_paths([corpus_dir]):
        data = path.read_bytes()
        full = parse_document(data, str(path))
        lean = parse_document(data, str(path), BodyParts.GRAPH)
        assert len(full) == len(lean)
        for whole, graph_only in zip(full, lean, strict=True):
            assert isinstance(whole, Cable) and isinstance(graph_only, Cable), path
            assert replace(whole, paragraphs=(), places=()) == graph_only, path
            assert cable_to_flat(whole) == cable_to_flat(graph_only), path
            skipped_paragraphs += len(whole.paragraphs)
            checked += 1
    assert checked == 634
    assert skipped_paragraphs > 5000  # the parts left out were really there to leave out
