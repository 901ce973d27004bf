"""Readers: the containers' parts as written (Cablegate page, text export, cables.csv)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from loaders.readers.csv_dump import iter_csv_rows, looks_like_csv_dump
from loaders.readers.html import looks_like_cablegate, read_cablegate_page
from loaders.readers.raw import RawCable, ReadError
from loaders.readers.text_export import looks_like_text_export, read_text_export, split_header_body


def test_cablegate_page_metadata_and_blocks(cablegate_dir: Path) -> None:
    raw = read_cablegate_page((cablegate_dir / "06ANKARA4688.html").read_bytes(), "p")
    assert (raw.id, raw.created, raw.marking, raw.office) == (
        "06ANKARA4688",
        "2006-08-11 14:02",
        "CONFIDENTIAL//NOFORN",
        "Embassy Ankara",
    )
    assert raw.header.startswith("VZCZCXYZ0015") and "FM AMEMBASSY ANKARA" in raw.header
    assert raw.body.startswith("C O N F I D E N T I A L ANKARA 004688")
    assert "<a" not in raw.body and "¶3. (C/NF)" in raw.body


def test_partial_extract_note_is_not_a_header(cablegate_dir: Path) -> None:
    raw = read_cablegate_page((cablegate_dir / "04AMMAN1288.html").read_bytes(), "p")
    assert raw.header == ""
    assert raw.body.startswith("S E C R E T SECTION 01 OF 02 AMMAN 001288")


def test_page_without_cable_is_an_error() -> None:
    with pytest.raises(ReadError, match="no metadata table"):
        read_cablegate_page(b"<html><body><p>hello</p></body></html>", "p")


def test_text_export_split_at_glued_banner(seed_path: Path) -> None:
    raw = read_text_export(seed_path.read_text(encoding="utf-8"), "seed")
    assert (raw.id, raw.created, raw.marking, raw.office) == (
        "08STATE68633",
        "Thu Jun 26 00:00:00 +0200 2008",
        "CONFIDENTIAL",
        "Secretary of State",
    )
    assert raw.subject_hint == "CORRECTED COPY: REQUEST TO ENGAGE JAPAN ON"
    assert raw.header.splitlines() == [
        "O 261310Z JUN 08",
        "FM SECSTATE WASHDC",
        "TO PAGE 02        STATE   068633  261308Z ",
        "USMISSION USNATO IMMEDIATE",
    ]
    assert raw.body.startswith("C O N F I D E N T I A L STATE 068633")
    assert raw.body.rstrip().endswith("RICE")


def test_split_without_banner_uses_first_preamble_line() -> None:
    header, body = split_header_body(
        "FM AMEMBASSY X\nTO SECSTATE WASHDC\nUNCLAS X 000001\nTAGS: PREL"
    )
    assert header == "FM AMEMBASSY X\nTO SECSTATE WASHDC"
    assert body.startswith("UNCLAS X 000001")


def test_csv_escapes_and_raw_newlines() -> None:
    row = (
        '"7","12/28/1966 18:48","66BUENOSAIRES2481","Embassy Buenos Aires","UNCLASSIFIED",'
        '"","header","line one\nhe said \\"no\\"\nline three"\n'
    )
    ((source, raw),) = list(iter_csv_rows(io.StringIO(row), "d.csv"))
    assert source == "d.csv:row 1"
    assert isinstance(raw, RawCable)
    assert raw.body == 'line one\nhe said "no"\nline three'
    assert raw.created == "12/28/1966 18:48" and raw.cited_ids == ()


def test_csv_rows_stream(tmp_path: Path) -> None:
    row = '"{n}","1/2/2009 3:04","09STATE{n}","Secretary of State","SECRET","","h","b"\n'

    def lines() -> io.StringIO:
        return io.StringIO("".join(row.format(n=n) for n in range(1, 2001)))

    rows = iter_csv_rows(lines(), "big.csv")
    first = next(rows)
    assert first[0] == "big.csv:row 1"
    assert sum(1 for _ in rows) == 1999


@pytest.mark.parametrize(
    ("head", "csv", "html", "export"),
    [
        (b'"1","12/28/1966 18:48","66BUENOSAIRES2481"', True, False, False),
        (b"<?xml version='1.0' encoding='utf-8' ?>\n<!DOCTYPE html", False, True, False),
        (b"08STATE68633\nSUBJ\nThu Jun 26 00:00:00 +0200 2008\nCONFIDENTIAL\n", False, False, True),
        (b"hello world", False, False, False),
    ],
)
def test_detection_by_content(head: bytes, csv: bool, html: bool, export: bool) -> None:
    assert looks_like_csv_dump(head) is csv
    assert looks_like_cablegate(head) is html
    assert looks_like_text_export(head.decode()) is export
