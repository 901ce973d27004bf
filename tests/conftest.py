"""Shared fixtures: paths into ../shared, and one embedded store loaded with the corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
SEED = CORPUS / "seed" / "08STATE68633.txt"
CABLEGATE = CORPUS / "cablegate"
REFERENCE_DATA = SHARED / "reference-data"
ARTIFACTS = ROOT / "artifacts"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true", default=False, help="run slow tests")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow"):
        return
    skip_slow = pytest.mark.skip(reason="slow: run with --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip_slow)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def cablegate_dir() -> Path:
    return CABLEGATE


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """An embedded store file holding all of ../shared/corpus, built once per session.
    Tests open it read-mostly; a test that writes must use its own store."""
    from graph.sqlite_store import SQLiteStore
    from loaders.ingest import ingest_paths

    path = tmp_path_factory.mktemp("corpus") / "corpus.db"
    store = SQLiteStore.open(str(path))
    try:
        report = ingest_paths(store, [CORPUS])
        assert report.failed == 0, report
    finally:
        store.close()
    yield path
