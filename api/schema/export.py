"""Write the schema's SDL to ``schema.graphql`` at the repository root.

``python -m api.schema.export`` rewrites it; ``python -m api.schema.export --check``
exits 1 when the file differs from the code (tests/api/test_schema_export.py fails
then too). The SDL is generated from the code, never edited by hand.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from api.schema.build import build_schema

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


def render_sdl() -> str:
    """The SDL of the schema, ending with one newline.

    >>> "type Query {" in render_sdl()
    True
    """
    return build_schema().as_str().rstrip("\n") + "\n"


def main(argv: Sequence[str] = ()) -> int:
    """Write the file (or, with ``--check``, compare); the exit status."""
    sdl = render_sdl()
    if "--check" in argv:
        current = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.exists() else ""
        if current != sdl:
            print(f"{SCHEMA_FILE} is out of date: run python -m api.schema.export")
            return 1
        return 0
    SCHEMA_FILE.write_text(sdl, encoding="utf-8")
    print(f"wrote {SCHEMA_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
