"""`cablegraph serve`: the GraphQL API and the explorer under uvicorn."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from graph.store import StoreError
from graph.stores import open_store, parse_store_uri


def register(app: typer.Typer) -> None:
    """Add the command(s) of this module to ``app``."""
    app.command("serve")(serve)


def serve(
    store: Annotated[
        str | None, typer.Option(help="Store URI: a file path or neo4j://... (default: env)")
    ] = None,
    host: Annotated[str | None, typer.Option(help="Address to bind [default: 127.0.0.1]")] = None,
    port: Annotated[int | None, typer.Option(help="Port to bind [default: 8000]")] = None,
    workers: Annotated[int, typer.Option(min=1, help="uvicorn worker processes")] = 1,
) -> None:
    """Serve /graphql (GraphiQL in a browser), /health and /explorer.

    Settings come from CABLEGRAPH_* variables (see api/settings.py); the options
    override CABLEGRAPH_STORE, CABLEGRAPH_HOST and CABLEGRAPH_PORT.
    """
    import uvicorn  # the API's imports (0.3 s) only when serving

    from api.app import create_app
    from api.runtime import settle_heap
    from api.settings import Settings, SettingsError

    overrides = {"CABLEGRAPH_STORE": store, "CABLEGRAPH_HOST": host, "CABLEGRAPH_PORT": port}
    for key, value in overrides.items():
        if value is not None:
            os.environ[key] = str(value)
    try:
        settings = Settings.from_env()
    except SettingsError as error:
        typer.echo(f"cablegraph serve: {error}", err=True)
        raise typer.Exit(2) from None
    if workers > 1:
        # Each worker process builds its own app (and store connection) from the env.
        uvicorn.run(
            "api.app:app_from_env",
            factory=True,
            host=settings.host,
            port=settings.port,
            workers=workers,
            log_level="warning",
        )
        return
    try:
        opened = open_store(parse_store_uri(settings.store_uri))
    except StoreError as error:
        typer.echo(f"cablegraph serve: {error}", err=True)
        raise typer.Exit(1) from None
    typer.echo(
        f"cablegraph: serving {settings.store_uri} on http://{settings.host}:{settings.port}"
    )
    app = create_app(settings, opened)
    settle_heap()  # as each worker of a multi-worker server does (api.app.app_from_env)
    uvicorn.run(app, host=settings.host, port=settings.port)
