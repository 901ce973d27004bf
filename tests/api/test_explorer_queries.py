"""The explorer's GraphQL documents (frontend/explorer/src) are valid against the
schema, so a schema change that breaks the explorer fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graphql import parse, validate

from api.schema.build import build_schema

SOURCES = Path(__file__).resolve().parents[2] / "frontend" / "explorer" / "src"
DOCUMENT = re.compile(r"`((?:query|mutation)\s+\w+[^`]*)`", re.S)


def explorer_documents() -> list[tuple[str, str]]:
    found = []
    for path in sorted(SOURCES.glob("*.ts")):
        for text in DOCUMENT.findall(path.read_text(encoding="utf-8")):
            if "${" not in text:
                found.append((f"{path.name}:{text.split('(')[0].split()[1]}", text))
    return found


DOCUMENTS = explorer_documents()


@pytest.mark.skipif(not DOCUMENTS, reason="no explorer sources with GraphQL documents")
@pytest.mark.parametrize(("name", "text"), DOCUMENTS, ids=[n for n, _ in DOCUMENTS])
def test_explorer_document_is_valid(name: str, text: str) -> None:
    errors = validate(build_schema()._schema, parse(text))
    assert not errors, f"{name}: {[e.message for e in errors]}"


def test_the_explorer_uses_the_fast_path() -> None:
    texts = " ".join(text for _, text in DOCUMENTS)
    if not texts:
        pytest.skip("no explorer sources")
    for field in ("neighborhood(", "referenceChain(", "path("):
        assert field in texts
    assert texts.count("{ json }") >= 3
