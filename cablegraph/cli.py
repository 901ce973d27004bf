"""The ``cablegraph`` command: parse, ingest, serve, stats, export.

Each sub-command lives in its own module and registers itself here.
"""

from __future__ import annotations

import typer

from cablegraph import cmd_ingest, cmd_parse, cmd_serve

app = typer.Typer(
    name="cablegraph",
    help="A relationship knowledge graph over diplomatic cables.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
cmd_parse.register(app)
cmd_ingest.register(app)
cmd_serve.register(app)


def main() -> None:
    app()
