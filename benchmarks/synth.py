"""Synthetic Cablegate-like corpus, at any size, deterministic for a seed.

    .venv/bin/python -m benchmarks.synth 250000 /work/bench/synth250k.csv [--seed 1]
    .venv/bin/python -m benchmarks.synth 200 out/dir --format text

Distributions come from the shared corpus (:mod:`benchmarks.synth_profile`): origin
posts (with their FM names and routing indicators), TO and INFO addressees and how
many, classifications, TAGS and how many, references per cable, subjects, and real
paragraphs as body text. Dates rise with the sequence number. References cite earlier
synthetic cables, except a share (default 0.25: "about a quarter of Cablegate's cited
cables are missing from the release") that cite serial numbers the generator skipped,
so they become placeholders. Output: ``cables.csv`` rows (the WikiLeaks dump layout:
no header row, every field quoted, ``\\"`` inside fields) or plain-text export files.
"""

from __future__ import annotations

import argparse
import random
from collections import defaultdict, deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO

from benchmarks.synth_profile import Origin, Profile, load_profile

START = datetime(2004, 1, 1)
END = datetime(2010, 2, 28)
MISSING_SHARE = 0.25
_BANNERS = {
    "UNCLASSIFIED": "UNCLAS",
    "CONFIDENTIAL": "C O N F I D E N T I A L",
    "SECRET": "S E C R E T",
}


@dataclass(frozen=True, slots=True)
class SynthCable:
    seq: int
    id: str
    when: datetime
    origin: Origin
    classification: str
    references: tuple[str, ...]
    header: str
    body: str
    subject: str


@dataclass(slots=True)
class _State:
    """What the generator remembers: serials per (station, year), recent ids, gaps."""

    serials: dict[tuple[str, int], int] = field(default_factory=lambda: defaultdict(int))
    recent: deque[str] = field(default_factory=lambda: deque(maxlen=5000))
    by_station: dict[str, deque[str]] = field(default_factory=dict)
    gaps: deque[str] = field(default_factory=lambda: deque(maxlen=5000))


class Sampler:
    """Weighted draws from a profile (cumulative weights computed once)."""

    def __init__(self, profile: Profile, rng: random.Random) -> None:
        self.profile, self.rng = profile, rng
        self.origins = [o for o, _ in profile.origins]
        self.origin_w = _cumulative(n for _, n in profile.origins)
        self.classes = [c for c, _ in profile.classifications]
        self.class_w = _cumulative(n for _, n in profile.classifications)
        self.addressees = [a for a, _ in profile.addressees]
        self.addressee_w = _cumulative(n for _, n in profile.addressees)
        self.tags = [t for t, _ in profile.tags]
        self.tag_w = _cumulative(n for _, n in profile.tags)

    def origin(self) -> Origin:
        return self.rng.choices(self.origins, cum_weights=self.origin_w)[0]

    def classification(self) -> str:
        return self.rng.choices(self.classes, cum_weights=self.class_w)[0]

    def addressees_n(self, counts: Sequence[int]) -> list[str]:
        return _unique(
            self.rng.choices(
                self.addressees, cum_weights=self.addressee_w, k=self.rng.choice(counts)
            )
        )

    def tag_list(self) -> list[str]:
        return _unique(
            self.rng.choices(
                self.tags,
                cum_weights=self.tag_w,
                k=max(1, self.rng.choice(self.profile.tag_counts)),
            )
        )


def generate(
    n: int, seed: int = 1, missing_share: float = MISSING_SHARE, profile: Profile | None = None
) -> Iterator[SynthCable]:
    """``n`` synthetic cables in date order.

    >>> cables = list(generate(50, seed=3))
    >>> len(cables), len({c.id for c in cables})
    (50, 50)
    >>> [c.id for c in generate(3, seed=3)] == [c.id for c in cables[:3]]
    True
    """
    rng = random.Random(seed)
    sampler = Sampler(profile or load_profile(), rng)
    state = _State()
    step = (END - START) / max(n, 1)
    for seq in range(1, n + 1):
        when = START + step * (seq - 1) + timedelta(minutes=rng.randrange(60))
        yield _make_cable(seq, when, sampler, state, missing_share)


def _make_cable(
    seq: int, when: datetime, sampler: Sampler, state: _State, missing_share: float
) -> SynthCable:
    rng = sampler.rng
    origin = sampler.origin()
    year = when.year % 100
    serial = state.serials[(origin.station, year)] + 1
    for _ in range(rng.choice((0, 0, 0, 1, 2))):  # skipped serials: cables not released
        state.gaps.append(f"{year:02d}{origin.station}{serial}")
        serial += 1
    state.serials[(origin.station, year)] = serial
    cable_id = f"{year:02d}{origin.station}{serial}"
    refs = _pick_references(
        rng.choice(sampler.profile.ref_counts), origin.station, rng, state, missing_share
    )
    classification = sampler.classification()
    subject = rng.choice(sampler.profile.subjects)
    header = _header(when, origin, serial, sampler)
    body = _body(cable_id, origin, serial, classification, subject, refs, when, sampler)
    state.recent.append(cable_id)
    state.by_station.setdefault(origin.station, deque(maxlen=200)).append(cable_id)
    return SynthCable(seq, cable_id, when, origin, classification, refs, header, body, subject)


def _pick_references(
    count: int, station: str, rng: random.Random, state: _State, missing_share: float
) -> tuple[str, ...]:
    refs: list[str] = []
    own = state.by_station.get(station)
    for _ in range(count):
        if state.gaps and rng.random() < missing_share:
            refs.append(rng.choice(state.gaps))
        elif own and rng.random() < 0.6:
            refs.append(rng.choice(own))
        elif state.recent:
            refs.append(state.recent[rng.randrange(len(state.recent))])
    return tuple(_unique(refs))


def _header(when: datetime, origin: Origin, serial: int, sampler: Sampler) -> str:
    rng = sampler.rng
    dtg = f"{when:%d%H%M}Z {when:%b %y}".upper()
    to = sampler.addressees_n(sampler.profile.to_counts) or ["RUEHC/SECSTATE WASHDC"]
    info = sampler.addressees_n(sampler.profile.info_counts)
    precedence = rng.choice(("PRIORITY", "PRIORITY", "ROUTINE", "IMMEDIATE"))
    lines = [
        f"VZCZCXYZ{rng.randrange(10000):04d}",
        f"{precedence[0]}{precedence[0]} RUEHWEB",
        "",
        f"DE {origin.route} #{serial:04d} {when:%j%H%M}",
        "ZNY CCCCC ZZH",
        f"{precedence[0]} {dtg}",
        f"FM {origin.fm_name}",
    ]
    for label, names in (("TO", to), ("INFO", info)):
        for i, name in enumerate(names):
            prefix = f"{label} " if i == 0 else ""
            lines.append(f"{prefix}{name} {precedence} {rng.randrange(10000):04d}")
    return "\n".join(lines)


def _body(
    cable_id: str,
    origin: Origin,
    serial: int,
    classification: str,
    subject: str,
    refs: Sequence[str],
    when: datetime,
    sampler: Sampler,
) -> str:
    rng = sampler.rng
    level = classification.split("//")[0]
    banner = f"{_BANNERS.get(level, 'UNCLAS')} {origin.station} {serial:06d}"
    decl = f"{when.month:02d}/{when.day:02d}/{when.year + 10}"
    lines = [
        banner,
        "",
        "SIPDIS",
        "",
        f"E.O. 12958: DECL: {decl}",
        f"TAGS: {' '.join(sampler.tag_list())}",
        f"SUBJECT: {subject}",
        "",
    ]
    if refs:
        lines += ["REF: " + " ".join(_written_ref(i, ref, when) for i, ref in enumerate(refs)), ""]
    if level != "UNCLASSIFIED":
        lines += [rng.choice(sampler.profile.classified_by), ""]
    count = rng.choice(sampler.profile.paragraph_counts)
    for number in range(1, min(count, 12) + 1):
        text = rng.choice(sampler.profile.paragraphs).split(". ", 1)[-1]
        lines += [f"{number}. {text}", ""]
    return "\n".join(lines)


def _written_ref(index: int, ref: str, when: datetime) -> str:
    """A reference as cables write it: ``A. TOKYO 1464`` or ``B. 06 TBILISI 2601``.

    >>> _written_ref(1, "06TBILISI2601", datetime(2008, 1, 1))
    'B. 06 TBILISI 2601'
    """
    year, rest = ref[:2], ref[2:]
    station = rest.rstrip("0123456789")
    serial = rest[len(station) :]
    prefix = "" if int(year) == when.year % 100 else f"{year} "
    return f"{chr(ord('A') + index % 26)}. {prefix}{station} {serial}"


def write_csv(cables: Iterator[SynthCable], out: IO[str]) -> int:
    """Write ``cables.csv`` rows; returns the number written."""
    count = 0
    for cable in cables:
        fields = (
            str(cable.seq),
            f"{cable.when.month}/{cable.when.day}/{cable.when.year} "
            f"{cable.when.hour}:{cable.when.minute:02d}",
            cable.id,
            cable.origin.office,
            cable.classification,
            "|".join(cable.references),
            cable.header,
            cable.body,
        )
        out.write(",".join(_quote(f) for f in fields) + "\n")
        count += 1
    return count


def write_text(cables: Iterator[SynthCable], folder: Path) -> int:
    """Write one plain-text export file per cable into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for cable in cables:
        date = f"{cable.when:%a %b %d 00:00:00 +0000 %Y}"
        text = "\n".join(
            (
                cable.id,
                cable.subject[:60],
                date,
                cable.classification.split("//")[0],
                cable.origin.office,
                cable.header,
                cable.body,
            )
        )
        (folder / f"{cable.id}.txt").write_text(text + "\n", encoding="utf-8")
        count += 1
    return count


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "/").replace('"', '\\"') + '"'


def _cumulative(weights: Iterator[int]) -> list[int]:
    total, out = 0, []
    for weight in weights:
        total += weight
        out.append(total)
    return out


def _unique(items: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(items))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--missing-share", type=float, default=MISSING_SHARE)
    parser.add_argument("--format", choices=("csv", "text"), default="csv")
    args = parser.parse_args(argv)
    cables = generate(args.count, args.seed, args.missing_share)
    if args.format == "text":
        written = write_text(cables, args.out)
    else:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with args.out.open("w", encoding="utf-8") as out:
            written = write_csv(cables, out)
    print(f"{written} cables -> {args.out}")


if __name__ == "__main__":
    main()
