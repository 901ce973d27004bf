"""The root ``Mutation``: ``ingest`` parses documents sent in the request and writes
them to the store (needs the ``write`` scope)."""

from __future__ import annotations

from collections.abc import Sequence

import strawberry

from api.context import WRITE, GraphInfo, in_thread
from api.schema.fields import mutation
from api.schema.inputs import DocumentInput
from api.schema.results import DocumentError, IngestReport
from graph.store import Store
from loaders.read import LoadError, parse_document
from loaders.to_graph import cable_to_batch


def ingest_documents(store: Store, documents: Sequence[DocumentInput]) -> IngestReport:
    """Parse every document and write each cable in its own batch; a document that
    fails to parse is reported, never raised."""
    errors: list[DocumentError] = []
    cable_ids: list[str] = []
    nodes = edges = 0
    for document in documents:
        for result in parse_document(document.content.encode(), document.source):
            if isinstance(result, LoadError):
                errors.append(DocumentError(source=result.source, reason=result.reason))
                continue
            batch = cable_to_batch(result)
            store.write(batch)
            cable_ids.append(result.id)
            nodes, edges = nodes + len(batch.nodes), edges + len(batch.edges)
    return IngestReport(
        documents=len(documents),
        cables=len(cable_ids),
        cable_ids=cable_ids,
        nodes=nodes,
        edges=edges,
        failed=len(errors),
        errors=errors,
    )


@strawberry.type(description="Change the cable graph (needs a token with the write scope).")
class Mutation:
    @mutation(description="Parse and store cables: HTML pages, text exports, CSV.")
    async def ingest(self, info: GraphInfo, documents: list[DocumentInput]) -> IngestReport:
        info.context.require(WRITE)
        return await in_thread(ingest_documents, info.context.store, documents)
