"""Exit 0 when cablegraph imports and every ``loaders/**/*.pyx`` has its compiled module
built and importable (scripts/setup reinstalls otherwise)."""

import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    """0 when all is built, 1 (with the missing module named on stderr) otherwise."""
    try:
        importlib.import_module("cablegraph")
        for pyx in sorted(ROOT.glob("loaders/**/*.pyx")):
            name = ".".join(pyx.relative_to(ROOT).with_suffix("").parts)
            module = importlib.import_module(name)
            if not str(module.__file__).endswith(".so"):
                raise ImportError(f"{name} is not compiled")
    except ImportError as error:
        print(f"scripts/setup: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
