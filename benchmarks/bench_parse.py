"""Parse throughput on one core: cables/s, MB/s and the slowest cable.

Run: ``.venv/bin/python benchmarks/bench_parse.py [FOLDER] [--rounds N]`` (default: the
633 Cablegate pages of ../shared/corpus, 5 rounds). Each cable is parsed from bytes in
memory (no disk I/O in the timing); medians over the rounds are reported.

Times are CPU seconds of this process (``time.process_time``), so other load on the
machine does not inflate them; the wall-clock median is printed alongside.

The parsers keep bounded caches of what recurs across cables (header lines, TAGS, runs of
capitalised words and their lexicon matches, titled mentions, ...). Parsing the same
cables again would hit those caches for values that occur in one cable only, which no
real run over new cables does. So the headline rate is measured on **cables never seen
before**: each round empties every cache (``loaders.read.clear_caches``), parses one
half of the corpus untimed (so the caches hold what other cables taught them), times the
other half, then the same the other way round. A "re-parse" rate (the same cables parsed
again, caches full) and a "cold" round (caches empty, every cable in order) are printed
for comparison.

The cyclic garbage collector is paused, as ``cablegraph parse`` and ingest run
(``loaders.read.paused_gc``: parsing makes no reference cycles, a test checks it); with it
running, a full collection walks the parsers' caches for 50-70 ms inside whichever cable
triggers it.
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

from loaders.read import (  # noqa: E402
    LoadError,
    clear_caches,
    expand_paths,
    iter_stream,
    parse_document,
    paused_gc,
)
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


def time_fresh_round(documents: list[tuple[str, bytes]]) -> tuple[float, list[float], int]:
    """CPU seconds, per-document CPU seconds (in input order) and errors of one round in
    which every document is parsed for the first time since the caches were emptied,
    after the other half of the corpus (odd vs even positions) warmed them."""
    per_doc = [0.0] * len(documents)
    total, errors = 0.0, 0
    for timed in (1, 0):
        clear_caches()
        for source, data in documents[1 - timed :: 2]:
            parse_document(data, source)
        indices = range(timed, len(documents), 2)
        seconds, _, times, failed = time_round([documents[i] for i in indices])
        for i, t in zip(indices, times, strict=True):
            per_doc[i] = t
        total, errors = total + seconds, errors + failed
    return total, per_doc, errors


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
    with paused_gc():
        measure(args)


def measure(args: argparse.Namespace) -> None:
    """Run the rounds ``args`` ask for and print the report."""
    if args.structural_only:
        skip_body_entities()
    documents = [(str(p), p.read_bytes()) for p in expand_paths([args.folder])]
    if args.csv:
        time_csv(documents, args.rounds)
    megabytes = sum(len(d) for _, d in documents) / 1e6
    time_round(documents[:50])  # load the tables and compile the patterns
    clear_caches()  # one round from empty caches, every cable in order
    cold, _, cold_per_doc, _ = time_round(documents)
    reparse = statistics.median(time_round(documents)[0] for _ in range(args.rounds))
    totals: list[float] = []
    per_cable: list[list[float]] = []
    for _ in range(args.rounds):
        total, per_doc, errors = time_fresh_round(documents)
        totals.append(total)
        per_cable.append(per_doc)
    median = statistics.median(totals)
    # a cable's time is its median over the rounds (one round's hiccup is not the cable's)
    medians = [statistics.median(times) for times in zip(*per_cable, strict=True)]
    names = [Path(s).name for s, _ in documents]
    worst_median, worst_median_source = max(zip(medians, names, strict=True))
    worst_s, worst_source = max(max(zip(r, names, strict=True)) for r in per_cable)
    rate = len(documents) / median
    mode = "structural only (no body entities)" if args.structural_only else "full parse"
    print(f"mode           {mode}")
    size = f"{len(documents)} ({megabytes:.1f} MB)"
    print(f"documents      {size}, {args.rounds} rounds, errors {errors}")
    print("new cables     (caches emptied, then warmed by the other half of the corpus)")
    print(f"median round   {median * 1000:.1f} ms CPU")
    print(f"throughput     {rate:,.0f} cables/s ({rate / TARGET_RATE:.2f}x target 2,000)")
    print(f"               {megabytes / median:.1f} MB/s")
    best = min(totals)
    print(
        f"best round     {best * 1000:.1f} ms CPU: {len(documents) / best:,.0f} cables/s, "
        f"{megabytes / best:.1f} MB/s (other load on the machine only ever adds time)"
    )
    print(
        f"per cable      median {statistics.median(medians) * 1000:.2f} ms, "
        f"p99 {quantile(medians, 0.99) * 1000:.2f} ms"
    )
    print(
        f"slowest cable  {worst_median * 1000:.2f} ms ({worst_median_source}, median "
        f"over rounds; {worst_median * 1000 / TARGET_SLOWEST_MS:.2f}x the 20 ms limit)"
    )
    print(f"worst single   {worst_s * 1000:.2f} ms ({worst_source})")
    print(
        f"cold round     {cold * 1000:.1f} ms CPU: {len(documents) / cold:,.0f} cables/s "
        f"(caches empty, cables in order; slowest {max(cold_per_doc) * 1000:.2f} ms)"
    )
    print(
        f"re-parse       {reparse * 1000:.1f} ms CPU: {len(documents) / reparse:,.0f} cables/s "
        "(the same cables again, caches full: not a real run's rate)"
    )


if __name__ == "__main__":
    main()
