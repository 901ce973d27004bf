"""Build hook beside pyproject.toml: every Cython module under ``loaders/`` is compiled.

Each ``loaders/**/*.pyx`` becomes the extension module of its dotted path (e.g.
``loaders/entities/scan_c.pyx`` → ``loaders.entities.scan_c``), so a new compiled module
needs no entry here. Each has a pure-Python reference beside it, which is the fallback
and which the tests compare it with. Cython is pinned in pyproject's build requires.
"""

from pathlib import Path

from setuptools import Extension, setup

ROOT = Path(__file__).resolve().parent


def cython_extensions() -> list[Extension]:
    """One extension per ``.pyx`` file under ``loaders/``, named by its path."""
    sources = sorted(ROOT.glob("loaders/**/*.pyx"))
    return [
        Extension(".".join(p.relative_to(ROOT).with_suffix("").parts), [str(p.relative_to(ROOT))])
        for p in sources
    ]


setup(ext_modules=cython_extensions())
