"""Cost of body-entity extraction (loaders.entities) per cable, and its worst cases.

Run: ``.venv/bin/python benchmarks/bench_entities.py [--rounds N]``. Bodies are the
633 Cablegate pages of ../shared/corpus (second ``<pre>`` block, read once, not timed).
Reports, per round, the median and slowest cable and the cost of each extractor, plus a
calibration (``" ".join(body.split())`` of the same bodies) so that numbers taken on a
busy machine can be compared as ratios, and one cold round (the extractors' caches
emptied first, as on a new corpus). Then the pathological 1 MB bodies (no regex
may backtrack catastrophically: each must finish in well under a second).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders.entities import clear_caches, extract_body_entities  # noqa: E402
from loaders.entities.assets import find_assets  # noqa: E402
from loaders.entities.geo import find_places  # noqa: E402
from loaders.entities.lexicon import FIRST_SET, iter_hits  # noqa: E402
from loaders.entities.officials import INTRODUCERS, find_officials  # noqa: E402
from loaders.entities.paragraphs import extract_paragraphs  # noqa: E402
from loaders.entities.requests import extract_requests  # noqa: E402
from loaders.entities.scan import scan_segments  # noqa: E402
from loaders.entities.summary import extract_summary  # noqa: E402
from loaders.entities.text import strip_header  # noqa: E402
from tests.loaders.test_entities_corpus import corpus_bodies  # noqa: E402

PATHOLOGICAL = {
    "spaces and capitals": ("A " * 50 + " " * 200 + "\n") * 2900,
    "FOR lines without colon": ("FOR OTTAWA, PARIS AND " * 9 + "\n") * 5300,
    "dots and digits": ("1. (C) 2. 3.. U.S. F-16 by June 25 " * 30 + "\n") * 1000,
    "one endless run of U.S.": "U.S. " * 200_000,
    "summary markers, no end": "Summary: x " * 100_000,
    "request cues, no full stop": "Posts are requested to act by " * 35_000,
    "place prepositions": " in Kabul in Tokyo" * 60_000,
    "titles without names": "Mr. Minister " * 80_000,
    "one line, no spaces": "x" * 1_000_000,
}


def clock(function: Callable[[], object]) -> float:
    """CPU seconds of one call (thread time: other processes do not count)."""
    start = time.thread_time()
    function()
    return time.thread_time() - start


def time_components(text: str) -> dict[str, float]:
    """CPU seconds of each extractor on one body (header already stripped)."""
    costs: dict[str, float] = {}
    start = time.thread_time()
    segments = scan_segments(text, keep=FIRST_SET | INTRODUCERS)
    costs["scan"] = time.thread_time() - start
    start = time.thread_time()
    hits = list(iter_hits(segments))
    costs["lexicon"] = time.thread_time() - start
    costs["paragraphs"] = clock(lambda: extract_paragraphs(text))
    costs["summary"] = clock(lambda: extract_summary(text))
    costs["officials"] = clock(lambda: find_officials(text, segments))
    costs["places"] = clock(lambda: find_places(text, hits))
    costs["assets"] = clock(lambda: find_assets(text, segments, hits))
    costs["requests"] = clock(
        lambda: extract_requests(text, cable_date="2008-06-26", origin_key=None, recipients=())
    )
    return costs


def extract(cable_id: str, body: str) -> object:
    return extract_body_entities(
        body, cable_id=cable_id, date="2008-06-26", origin_key=None, recipients=()
    )


def time_round(bodies: dict[str, str]) -> tuple[dict[str, float], float]:
    """CPU seconds of each cable's extraction, and of the calibration over all bodies."""
    costs: dict[str, float] = {}
    for cable_id, body in bodies.items():
        costs[cable_id] = clock(partial(extract, cable_id, body))
    calibration = sum(clock(partial(calibrate, body)) for body in bodies.values())
    return costs, calibration


def calibrate(body: str) -> str:
    """The calibration work: split and join the body once."""
    return " ".join(body.split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    bodies = corpus_bodies()
    for cable_id, body in list(bodies.items())[:50]:
        extract(cable_id, body)  # warm up
    clear_caches()
    cold_costs, cold_calibration = time_round(bodies)
    medians: list[float] = []
    totals: list[float] = []
    calibrations: list[float] = []
    worst: list[tuple[float, str]] = []
    for _ in range(args.rounds):
        costs, calibration = time_round(bodies)
        medians.append(statistics.median(costs.values()))
        totals.append(sum(costs.values()))
        worst.append(max((v, k) for k, v in costs.items()))
        calibrations.append(calibration)
    parts: dict[str, list[float]] = {}
    for body in bodies.values():
        for name, cost in time_components(strip_header(body)).items():
            parts.setdefault(name, []).append(cost)
    median, total, calibration = (statistics.median(x) for x in (medians, totals, calibrations))
    megabytes = sum(len(b) for b in bodies.values()) / 1e6
    print(f"cables           {len(bodies)} ({megabytes:.1f} MB of body text), {args.rounds} rounds")
    print(f"median cable     {median * 1e6:.0f} us CPU")
    print(
        f"throughput       {len(bodies) / total:,.0f} cables/s CPU ({megabytes / total:.1f} MB/s)"
    )
    print(f"slowest cable    {max(worst)[0] * 1e3:.2f} ms  {max(worst)[1]}")
    print(
        f"calibration      split+join of the same bodies: {calibration * 1e3:.0f} ms; "
        f"extraction = {total / calibration:.1f}x that"
    )
    cold = sum(cold_costs.values())
    print(
        f"cold round       caches emptied first: {len(bodies) / cold:,.0f} cables/s CPU, "
        f"{cold / cold_calibration:.1f}x its calibration"
    )
    for name, costs_of_part in parts.items():
        print(f"  {name:<12} median {statistics.median(costs_of_part) * 1e6:7.1f} us")
    for name, body in PATHOLOGICAL.items():
        seconds = clock(partial(extract, "00PATH1", body))
        print(f"pathological     {len(body) / 1e6:.1f} MB {name:<28} {seconds:.3f} s CPU")


if __name__ == "__main__":
    main()
