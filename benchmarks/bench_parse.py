"""Parse throughput on one core: cables/s, MB/s and the slowest cable.

Run: ``.venv/bin/python benchmarks/bench_parse.py [FOLDER] [--rounds N]`` (default: the
633 Cablegate pages of ../shared/corpus, 5 rounds). Each cable is parsed from bytes in
memory (no disk I/O in the timing); medians over the rounds are reported.

Times are CPU seconds of this process (``time.process_time``), so other load on the
machine does not inflate them; the wall-clock median is printed alongside. The body
extractors cache what recurs across cables (runs of capitalised words, their lexicon
matches and titled mentions); the rounds after the first reuse those caches, so a
"cold round" (caches emptied first) is reported too: what one pass over a new corpus
of this size costs.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders.entities import clear_caches  # noqa: E402
from loaders.read import LoadError, expand_paths, iter_stream, parse_document  # noqa: E402
from loaders.readers.html import read_cablegate_page  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpus" / "cablegate"
TARGET_RATE = 2000.0
TARGET_SLOWEST_MS = 20.0


def time_round(documents: list[tuple[str, bytes]]) -> tuple[float, float, list[float], int]:
    """CPU seconds, wall seconds, per-document CPU seconds and the error count of a round."""
    per_doc: list[float] = []
    errors = 0
    start, wall = time.process_time(), time.perf_counter()
    for source, data in documents:
        t0 = time.process_time()
        results = parse_document(data, source)
        per_doc.append(time.process_time() - t0)
        errors += sum(isinstance(r, LoadError) for r in results)
    return time.process_time() - start, time.perf_counter() - wall, per_doc, errors


def quantile(values: list[float], q: float) -> float:
    """The ``q`` quantile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def skip_body_entities() -> None:
    """Replace the body-entity extractors by an empty result (for a split measurement)."""
    import loaders.assemble
    from loaders.entities import BodyEntities

    empty = BodyEntities(None, (), (), (), (), (), (), ())
    setattr(loaders.assemble, "extract_body_entities", lambda body, **_: empty)  # noqa: B010


def quote(field: str) -> str:
    """One cables.csv field: double-quoted, backslash escapes."""
    return '"' + field.replace("\\", "\\\\").replace('"', '\\"') + '"'


def csv_dump(documents: list[tuple[str, bytes]]) -> bytes:
    """The documents' cables written as cables.csv rows (Cablegate pages only)."""
    rows = []
    for seq, (source, data) in enumerate(documents, start=1):
        raw = read_cablegate_page(data, source)
        year, month, day = (raw.created or "2000-01-01")[:10].split("-")
        fields = [str(seq), f"{int(month)}/{int(day)}/{year} 0:00", raw.id or "", raw.office or ""]
        fields += [raw.marking or "", "", raw.header, raw.body]
        rows.append(",".join(quote(f) for f in fields) + "\n")
    return "".join(rows).encode()


def time_csv(documents: list[tuple[str, bytes]], rounds: int) -> None:
    """Print the streaming cables.csv reader's rate over the same cables."""
    data = csv_dump(documents)
    totals = []
    for _ in range(rounds):
        start = time.process_time()
        count = sum(1 for _ in iter_stream(io.BytesIO(data), "bench.csv"))
        totals.append(time.process_time() - start)
    median = statistics.median(totals)
    print(
        f"cables.csv     {count} rows ({len(data) / 1e6:.1f} MB) in {median * 1000:.1f} ms CPU: "
        f"{count / median:,.0f} cables/s, {len(data) / 1e6 / median:.1f} MB/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--structural-only",
        action="store_true",
        help="skip the body-entity extractors (measures readers + header parsing alone)",
    )
    parser.add_argument(
        "--csv",
        action="store_true",
        help="also time the same cables written as one cables.csv stream",
    )
    args = parser.parse_args()
    if args.structural_only:
        skip_body_entities()
    documents = [(str(p), p.read_bytes()) for p in expand_paths([args.folder])]
    if args.csv:
        time_csv(documents, args.rounds)
    megabytes = sum(len(d) for _, d in documents) / 1e6
    time_round(documents[:50])  # warm caches (tables, regexes)
    clear_caches()  # one round from empty run caches: what a fresh corpus costs
    cold, _, cold_per_doc, _ = time_round(documents)
    totals: list[float] = []
    walls: list[float] = []
    slowest: list[tuple[float, str]] = []
    per_cable: list[list[float]] = []
    for _ in range(args.rounds):
        total, wall, per_doc, errors = time_round(documents)
        totals.append(total)
        walls.append(wall)
        per_cable.append(per_doc)
        slowest.append(max(zip(per_doc, (s for s, _ in documents), strict=True)))
    median = statistics.median(totals)
    # a cable's time is its median over the rounds (one round's hiccup is not the cable's)
    medians = [statistics.median(times) for times in zip(*per_cable, strict=True)]
    worst_median, worst_median_source = max(zip(medians, (s for s, _ in documents), strict=True))
    rate = len(documents) / median
    worst_s, worst_source = max(slowest)
    mode = "structural only (no body entities)" if args.structural_only else "full parse"
    wall = statistics.median(walls) * 1000
    print(f"mode           {mode}")
    size = f"{len(documents)} ({megabytes:.1f} MB)"
    print(f"documents      {size}, {args.rounds} rounds, errors {errors}")
    print(f"median round   {median * 1000:.1f} ms CPU ({wall:.1f} ms wall)")
    print(f"throughput     {rate:,.0f} cables/s ({rate / TARGET_RATE:.2f}x target 2,000)")
    print(f"               {megabytes / median:.1f} MB/s")
    best = min(totals)
    print(
        f"best round     {best * 1000:.1f} ms CPU: {len(documents) / best:,.0f} cables/s, "
        f"{megabytes / best:.1f} MB/s (other load on the machine only ever adds time)"
    )
    print(
        f"cold round     {cold * 1000:.1f} ms CPU: {len(documents) / cold:,.0f} cables/s "
        f"(run caches empty at the start; slowest {max(cold_per_doc) * 1000:.2f} ms)"
    )
    print(
        f"per cable      median {statistics.median(medians) * 1000:.2f} ms, "
        f"p99 {quantile(medians, 0.99) * 1000:.2f} ms"
    )
    print(
        f"slowest cable  {worst_median * 1000:.2f} ms ({Path(worst_median_source).name}, median "
        f"over rounds; {worst_median * 1000 / TARGET_SLOWEST_MS:.2f}x the 20 ms limit)"
    )
    print(f"worst single   {worst_s * 1000:.2f} ms ({Path(worst_source).name})")


if __name__ == "__main__":
    main()
