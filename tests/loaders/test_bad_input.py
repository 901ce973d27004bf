"""Bad input gives a per-input error or a partial record, never a traceback, and never
loses a good cable read in the same run (library and CLI)."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
import typer
from typer.testing import CliRunner

from cablegraph import cmd_parse
from loaders.read import LoadError, iter_path, parse_document
from loaders.record import Cable

ROOT = Path(__file__).resolve().parents[2]


def make_app() -> typer.Typer:
    """Only the parse command (the full CLI also imports the other areas)."""
    app = typer.Typer(pretty_exceptions_enable=False)
    cmd_parse.register(app)

    @app.callback()
    def main() -> None:
        """cablegraph (parse only)."""

    return app


@pytest.fixture
def bad_inputs(tmp_path: Path, seed_path: Path, cablegate_dir: Path) -> dict[str, Path]:
    rng = random.Random(20101128)
    page = (cablegate_dir / "06ANKARA4688.html").read_bytes()
    seed_text = seed_path.read_text(encoding="utf-8")
    files = {
        "empty": b"",
        "binary": bytes(rng.randrange(256) for _ in range(4096)),
        "invalid_utf8": b"08STATE1\nSUBJECT\nThu Jun 26 00:00:00 +0200 2008\n\xff\xfe\xfa",
        "truncated_html": page[: page.find(b"<code><pre>") + 40],
        "cut_before_table": page[:5000],
    }
    paths = {name: tmp_path / f"{name}.bin" for name in files}
    for name, data in files.items():
        paths[name].write_bytes(data)
    noise = tmp_path / "noise.txt"
    with noise.open("wb") as out:
        for _ in range(50):
            out.write(rng.randbytes(1 << 20).replace(b"\x00", b" "))
    paths["noise"] = noise
    body_only = tmp_path / "08STATE68633.txt"
    body_only.write_text(seed_text[seed_text.index("C O N F I D E N T I A L") :], "utf-8")
    paths["body_only"] = body_only
    return paths


def test_each_bad_input_is_an_error_or_partial(bad_inputs: dict[str, Path]) -> None:
    outcome: dict[str, str] = {}
    for name, path in bad_inputs.items():
        (result,) = list(iter_path(path))
        if isinstance(result, LoadError):
            assert result.source == str(path) and result.reason and "\n" not in result.reason
            outcome[name] = "error"
        else:
            outcome[name] = "partial" if result.partial else "full"
    assert outcome == {
        "empty": "error",
        "binary": "error",
        "invalid_utf8": "error",
        "truncated_html": "partial",
        "cut_before_table": "error",
        "noise": "error",
        "body_only": "partial",
    }


def test_body_without_header_keeps_its_fields(bad_inputs: dict[str, Path]) -> None:
    (cable,) = list(iter_path(bad_inputs["body_only"]))
    assert isinstance(cable, Cable)
    assert cable.id == "08STATE68633" and cable.classification == "CONFIDENTIAL"
    assert cable.declassify_on == "2018-06-19" and len(cable.tags) == 12


def test_reasons_name_the_problem(bad_inputs: dict[str, Path]) -> None:
    reasons = {
        name: result.reason
        for name in ("empty", "binary", "invalid_utf8", "noise")
        for result in iter_path(bad_inputs[name])
        if isinstance(result, LoadError)
    }
    assert reasons["empty"] == "empty input"
    assert "binary" in reasons["binary"]
    assert "UTF-8" in reasons["invalid_utf8"]
    assert "UTF-8" in reasons["noise"] or "unrecognised" in reasons["noise"]


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    (result,) = list(iter_path(tmp_path / "absent.html"))
    assert isinstance(result, LoadError) and result.reason


def test_parse_document_never_raises_on_garbage() -> None:
    rng = random.Random(7)
    for size in (1, 10, 100, 1000, 10000):
        for _ in range(20):
            for result in parse_document(rng.randbytes(size), "garbage"):
                assert isinstance(result, Cable | LoadError)


def test_cli_keeps_good_cables_and_reports_bad_ones(
    bad_inputs: dict[str, Path], seed_path: Path
) -> None:
    args = ["parse", str(seed_path), *(str(p) for p in bad_inputs.values()), "/no/such/file"]
    result = CliRunner().invoke(make_app(), args)
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    records = [orjson.loads(line) for line in result.stdout.splitlines()]
    ids = [r["id"] for r in records]
    assert ids.count("08STATE68633") == 2  # the seed, and the body-only file (partial)
    assert "Traceback" not in result.stderr
    errors = result.stderr.splitlines()
    assert f"{bad_inputs['empty']}: empty input" in errors
    assert "/no/such/file: no such file or directory" in errors


def test_cli_reads_stdin_and_exits_zero_when_all_good(seed_path: Path) -> None:
    result = CliRunner().invoke(make_app(), ["parse", "-"], input=seed_path.read_bytes())
    assert result.exit_code == 0, result.stderr
    (record,) = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert record["id"] == "08STATE68633"
    assert set(record) >= {"id", "recipients", "references", "tags", "partial", "requests"}
    assert record["recipients"][0]["role"] == "action"


def test_cli_in_a_subprocess_has_no_traceback(bad_inputs: dict[str, Path], seed_path: Path) -> None:
    script = (
        "import typer, sys; from cablegraph import cmd_parse; app = typer.Typer();"
        "cmd_parse.register(app); app.callback()(lambda: None); app()"
    )
    args = [sys.executable, "-c", script, "parse", str(bad_inputs["binary"]), str(seed_path)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(str(bad_inputs["binary"]) + ": binary")
    assert orjson.loads(done.stdout.splitlines()[0])["id"] == "08STATE68633"
