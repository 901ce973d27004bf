"""`cablegraph ingest`, `cablegraph stats` and `cablegraph export`.

Each opens its store through :func:`graph.stores.open_store`; errors are printed as
``source: reason`` lines on stderr, never as a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from graph.export import ExportError, ExportFormat, export_store, export_stream
from graph.model import EdgeKind
from graph.store import Store, StoreError, StoreStats
from graph.stores import StoreSettings, open_store, parse_store_uri
from loaders.ingest import IngestProgress, IngestReport, WorkerDiedError, ingest_paths

StoreOption = Annotated[
    str | None,
    typer.Option("--store", help="Store URI: a SQLite file (default cablegraph.db) or neo4j://…"),
]


def register(app: typer.Typer) -> None:
    """Add ``ingest``, ``stats`` and ``export`` to ``app``."""
    app.command("ingest")(ingest)
    app.command("stats")(stats)
    app.command("export")(export)


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of cables.")],
    store: StoreOption = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Cables per transaction.")] = 5000,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Parser processes (default: one per core).")
    ] = None,
) -> None:
    """Parse cables and write their graph into the store (idempotent, resumable)."""
    settings = parse_store_uri(store)
    opened = _open(settings)
    err = Console(stderr=True)
    try:
        with show_progress(err) as update:
            report = ingest_paths(
                opened,
                paths,
                batch_size=batch_size,
                workers=workers,
                progress=update,
                checkpoint=checkpoint_path(settings),
            )
    except StoreError as exc:
        _fail(f"{settings.location}: {exc}")
    except WorkerDiedError as exc:
        # the executor's thread may still wait on the dead worker (see loaders.ingest
        # _result_of) and would hold up a normal exit: close the store, report, leave
        opened.close()
        print(f"cablegraph ingest: {exc}", file=sys.stderr, flush=True)
        sys.stdout.flush()
        os._exit(1)
    finally:
        opened.close()
    for failure in report.failures:
        print(f"{failure.source}: {failure.reason}", file=sys.stderr)
    Console().print(report_table(report))
    if report.failed:
        raise typer.Exit(1)


def stats(store: StoreOption = None) -> None:
    """Nodes and edges by kind."""
    settings = parse_store_uri(store)
    opened = _open(settings)
    try:
        counts = opened.stats()
    except StoreError as exc:
        _fail(f"{settings.location}: {exc}")
    finally:
        opened.close()
    Console().print(stats_table(counts, title=f"cablegraph store {settings.location}"))


def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="Output format.")],
    store: StoreOption = None,
    out: Annotated[
        Path | None, typer.Option(help="File (folder for neo4j-csv); default stdout.")
    ] = None,
    include_text: Annotated[
        bool, typer.Option(help="Keep cable header and body in GraphML/GEXF.")
    ] = False,
    edge_kind: Annotated[
        list[EdgeKind] | None,
        typer.Option(help="Only these edges (repeatable) and the kinds of node they link."),
    ] = None,
) -> None:
    """Export the graph: graphml, gexf (Gephi), jsonl, or neo4j-csv."""
    kinds = edge_kind or []
    settings = parse_store_uri(store)
    opened = _open(settings)
    try:
        if out is None:
            nodes, edges = export_stream(opened, fmt, sys.stdout.buffer, include_text=include_text)
            sys.stdout.buffer.flush()
        else:
            summary = export_store(opened, fmt, out, include_text=include_text, edge_kinds=kinds)
            nodes, edges = summary.nodes, summary.edges
    except (ExportError, OSError) as exc:
        _fail(str(exc))
    except StoreError as exc:
        _fail(f"{settings.location}: {exc}")
    finally:
        opened.close()
    print(f"exported {nodes} nodes and {edges} edges as {fmt}", file=sys.stderr)


def checkpoint_path(settings: StoreSettings) -> Path | None:
    """Where ingest keeps its resume checkpoint: beside an embedded store file.

    >>> checkpoint_path(parse_store_uri("data/graph.db", env={}))
    PosixPath('data/graph.db.ingest-checkpoint')
    >>> checkpoint_path(parse_store_uri("bolt://localhost:7687", env={})) is None
    True
    """
    if settings.backend != "sqlite":
        return None
    return Path(settings.location + ".ingest-checkpoint")


def report_table(report: IngestReport) -> Table:
    """The final ingest report: cables, failures by reason, store counts by kind."""
    table = Table(title="cablegraph ingest", show_header=True)
    table.add_column("")
    table.add_column("count", justify="right")
    rate = report.cables / report.elapsed if report.elapsed > 0 else 0.0
    table.add_row("files", f"{report.files:,}")
    table.add_row("cables read", f"{report.cables:,}")
    if report.units_resumed:
        table.add_row("work units resumed from checkpoint", f"{report.units_resumed:,}")
    table.add_row("failed inputs", f"{report.failed:,}")
    for reason, count in report.failures_by_reason.items():
        table.add_row(f"  {reason}", f"{count:,}")
    table.add_row("seconds", f"{report.elapsed:,.1f} ({rate:,.0f} cables/s)", end_section=True)
    _add_counts(table, report.nodes, report.edges)
    return table


def stats_table(counts: StoreStats, title: str) -> Table:
    """Store counts: nodes and edges by kind, loaded cables and placeholders."""
    table = Table(title=title)
    table.add_column("")
    table.add_column("count", justify="right")
    table.add_row("cables in corpus", f"{counts.cables_in_corpus:,}")
    table.add_row("placeholder cables", f"{counts.placeholders:,}", end_section=True)
    _add_counts(table, counts.nodes, counts.edges)
    return table


def _add_counts(table: Table, nodes: dict[str, int], edges: dict[str, int]) -> None:
    for kind, count in sorted(nodes.items()):
        table.add_row(f"nodes {kind}", f"{count:,}")
    table.add_row("nodes total", f"{sum(nodes.values()):,}", end_section=True)
    for kind, count in sorted(edges.items()):
        table.add_row(f"edges {kind}", f"{count:,}")
    table.add_row("edges total", f"{sum(edges.values()):,}")


@contextmanager
def show_progress(console: Console) -> Iterator[Callable[[IngestProgress], None]]:
    """A rich progress bar on stderr over the input bytes, with cables/s and ETA."""
    progress = Progress(
        TextColumn("ingest"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[cables]:,} cables {task.fields[rate]:,.0f}/s"),
        TextColumn("{task.fields[failed]:,} failed"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
    )
    task = progress.add_task("ingest", total=None, cables=0, rate=0.0, failed=0)

    def update(state: IngestProgress) -> None:
        rate = state.cables / state.elapsed if state.elapsed > 0 else 0.0
        progress.update(
            task,
            total=state.bytes_total,
            completed=state.bytes_done,
            cables=state.cables,
            rate=rate,
            failed=state.failed,
        )

    with progress:
        yield update


def _open(settings: StoreSettings) -> Store:
    try:
        return open_store(settings)
    except (StoreError, OSError) as exc:
        _fail(f"{settings.location}: {exc}")


def _fail(message: str) -> NoReturn:
    print(message, file=sys.stderr)
    raise typer.Exit(1)
