"""cables.csv: rows written from the Cablegate pages' parts parse to the same records."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

import pytest

from loaders.read import LoadError, expand_paths, iter_path, parse_document
from loaders.readers.html import read_cablegate_page
from loaders.readers.raw import RawCable
from loaders.record import Cable


def quote(field: str) -> str:
    """One field as the WikiLeaks dump writes it: double-quoted, backslash escapes."""
    return '"' + field.replace("\\", "\\\\").replace('"', '\\"') + '"'


def csv_row(seq: int, raw: RawCable, cited: tuple[str, ...]) -> str:
    created = datetime.strptime(raw.created or "", "%Y-%m-%d %H:%M")
    date = f"{created.month}/{created.day}/{created.year} {created.hour}:{created.minute:02d}"
    fields = [str(seq), date, raw.id or "", raw.office or "", raw.marking or ""]
    fields += ["|".join(cited), raw.header, raw.body]
    return ",".join(quote(f) for f in fields) + "\n"


@pytest.fixture(scope="module")
def pages(cablegate_dir: Path) -> list[Path]:
    return list(expand_paths([cablegate_dir]))


@pytest.fixture(scope="module")
def dump(pages: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("csv") / "cables.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        for seq, page in enumerate(pages, start=1):
            raw = read_cablegate_page(page.read_bytes(), str(page))
            (cable,) = list(iter_path(page))
            assert isinstance(cable, Cable)
            cited = tuple(r.id for r in cable.references if r.id)
            out.write(csv_row(seq, raw, cited))
    return path


def test_csv_rows_parse_to_the_same_records(pages: list[Path], dump: Path) -> None:
    from_csv = list(iter_path(dump))
    assert len(from_csv) == len(pages)
    for number, (page, row) in enumerate(zip(pages, from_csv, strict=True), start=1):
        assert isinstance(row, Cable), row
        (cable,) = list(iter_path(page))
        assert row.source == f"{dump}:row {number}"
        assert dataclasses.replace(row, source=cable.source) == cable


def test_csv_parse_document_gives_one_result_per_row(dump: Path) -> None:
    head = b"".join(dump.read_bytes().splitlines(keepends=True)[:400])
    results = parse_document(head, "part.csv")
    assert results and all(isinstance(r, Cable | LoadError) for r in results)
    assert isinstance(results[0], Cable)


def test_csv_bad_row_does_not_lose_the_others(tmp_path: Path, seed_path: Path) -> None:
    good = '"1","6/26/2008 13:10","08STATE68633","Secretary of State","CONFIDENTIAL","",'
    good += quote("O 261310Z JUN 08\nFM SECSTATE WASHDC") + "," + quote("RICE") + "\n"
    bad = '"2","6/27/2008 10:00","08STATE1","Secretary of State"\n'
    path = tmp_path / "cables.csv"
    path.write_text(good + bad + good.replace('"1"', '"3"', 1), encoding="utf-8")
    results = list(iter_path(path))
    assert [type(r).__name__ for r in results] == ["Cable", "LoadError", "Cable"]
    error = results[1]
    assert isinstance(error, LoadError)
    assert error.source == f"{path}:row 2" and "expected 8 fields" in error.reason


def test_csv_cited_ids_are_kept_as_references(tmp_path: Path) -> None:
    row = '"1","6/26/2008 13:10","08STATE68633","Secretary of State","SECRET//NOFORN",'
    row += '"08TOKYO1464|08STATE68633","","S E C R E T STATE 068633\n\nREF: TOKYO 1464\n"\n'
    (cable,) = parse_document(row.encode(), "one.csv")
    assert isinstance(cable, Cable)
    assert [r.id for r in cable.references] == ["08TOKYO1464"]
    assert cable.caveats == ("NOFORN",)
    assert cable.partial is True


def test_cli_streams_a_dump_from_stdin(dump: Path) -> None:
    import orjson
    import typer
    from typer.testing import CliRunner

    from cablegraph import cmd_parse

    app = typer.Typer()
    cmd_parse.register(app)
    app.callback()(lambda: None)
    head = b"".join(dump.read_bytes().splitlines(keepends=True)[:300])
    result = CliRunner().invoke(app, ["parse", "-"], input=head)
    records = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert records and all(r["source"].startswith("-:row ") for r in records)
    assert records[0]["source"] == "-:row 1"
    assert result.exit_code == (1 if result.stderr else 0)


def test_unbalanced_quote_does_not_swallow_the_dump(tmp_path: Path) -> None:
    import csv

    from loaders.readers.csv_dump import MAX_FIELD

    good = '"1","6/26/2008 13:10","08STATE68633","Secretary of State","CONFIDENTIAL","",'
    good += '"O 261310Z JUN 08","RICE"\n'
    runaway = '"2","6/27/2008 10:00","08STATE1","Embassy X","SECRET","","h","' + "x" * 5000
    path = tmp_path / "cables.csv"
    path.write_text(good + runaway + "\n" + good.replace('"1"', '"3"', 1), encoding="utf-8")
    csv.field_size_limit(1000)  # stands in for MAX_FIELD without writing 32 MB
    try:
        results = list(iter_path(path))
    finally:
        csv.field_size_limit(MAX_FIELD)
    assert [type(r).__name__ for r in results] == ["Cable", "LoadError", "Cable"]
    error = results[1]
    assert isinstance(error, LoadError) and "field larger than field limit" in error.reason
