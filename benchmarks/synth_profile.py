"""Distributions of the shared corpus, measured for the synthetic generator.

Reads the Cablegate pages of ``../shared/corpus/cablegate`` with a few regular
expressions (independent of the loaders, so the generator can test them) and keeps
what a Cablegate-like cable needs: origins with their FM name and routing indicator,
addressees, classifications, TAGS, references per cable, real paragraphs and
subjects. The profile is cached as JSON under ``benchmarks/out/``.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

import orjson

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "cablegate"
CACHE = Path(__file__).resolve().parent / "out" / "synth_profile.json"

_PRE = re.compile(r"<code><pre>(.*?)</pre></code>", re.S)
_META = re.compile(r"<table class='cable'>(.*?)</table>", re.S)
_TD = re.compile(r"<td>\s*<a[^>]*>(.*?)</a>", re.S)
_TAG = re.compile(r"<[^>]+>")
_ID = re.compile(r"^(\d\d)([A-Z]+)(\d+)$")
_ADDRESSEE = re.compile(
    r"^(?:TO |INFO )?([A-Z]{4,7})/(.+?)(?: (?:IMMEDIATE|PRIORITY|ROUTINE|FLASH))?(?: \d+)?\s*$"
)
_REF_ITEM = re.compile(r"(?:^|\s|¶)(?:[A-Z]\.|\([A-Z]\)|[A-Z]\))\s")
_CITED = re.compile(r"\b(?:(\d\d) )?([A-Z]{3,}) (\d{1,6})\b")
_PARAGRAPH = re.compile(r"^¶?\d+\. \(")


@dataclass(frozen=True, slots=True)
class Origin:
    station: str  # as in cable ids: MADRID
    office: str  # the metadata's origin: Embassy Madrid
    fm_name: str  # the FM line: AMEMBASSY MADRID
    route: str  # routing indicator: RUEHMD


@dataclass(frozen=True, slots=True)
class Profile:
    cables: int
    origins: tuple[tuple[Origin, int], ...]
    classifications: tuple[tuple[str, int], ...]
    addressees: tuple[tuple[str, int], ...]  # "RUEHC/SECSTATE WASHDC"
    to_counts: tuple[int, ...]
    info_counts: tuple[int, ...]
    tags: tuple[tuple[str, int], ...]
    tag_counts: tuple[int, ...]
    ref_counts: tuple[int, ...]
    paragraph_counts: tuple[int, ...]
    paragraphs: tuple[str, ...]
    subjects: tuple[str, ...]
    classified_by: tuple[str, ...]  # "Classified By: ..." lines as written
    missing_share_in_corpus: float  # cited cables absent from the 633 pages


def load_profile(corpus: Path = CORPUS, cache: Path = CACHE) -> Profile:
    """The corpus profile, measured once and then read from ``cache``."""
    if cache.exists():
        return _from_json(orjson.loads(cache.read_bytes()))
    profile = measure_profile(corpus)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(orjson.dumps(asdict(profile)))
    return profile


def measure_profile(corpus: Path) -> Profile:
    """Measure the distributions over every page in ``corpus``."""
    acc = _Accumulator()
    for path in sorted(corpus.glob("*.html")):
        acc.add_page(path.read_text(encoding="utf-8", errors="replace"))
    return acc.profile()


class _Accumulator:
    def __init__(self) -> None:
        self.origins: Counter[Origin] = Counter()
        self.classes: Counter[str] = Counter()
        self.addressees: Counter[str] = Counter()
        self.tags: Counter[str] = Counter()
        self.lists: dict[str, list[int]] = {k: [] for k in ("to", "info", "tag", "ref", "para")}
        self.paragraphs: list[str] = []
        self.subjects: list[str] = []
        self.classified_by: list[str] = []
        self.ids: set[str] = set()
        self.cited: list[str] = []

    def add_page(self, text: str) -> None:
        meta = _META.search(text)
        blocks = [html.unescape(_TAG.sub("", b)).replace("\r", "") for b in _PRE.findall(text)]
        if meta is None or len(blocks) < 2:
            return
        cells = [html.unescape(c).strip() for c in _TD.findall(meta.group(1))]
        match = _ID.match(cells[0])
        if match is None:
            return
        self.ids.add(cells[0])
        self.classes[cells[3]] += 1
        self._add_header(blocks[0], match.group(2), cells[4])
        self._add_body(blocks[1], match.group(1))

    def _add_header(self, header: str, station: str, office: str) -> None:
        lines = header.splitlines()
        fm = next((line[3:].strip() for line in lines if line.startswith("FM ")), None)
        route = next((line.split()[1] for line in lines if line.startswith("DE ")), None)
        if fm and route:
            self.origins[Origin(station, office, fm, route)] += 1
        section, to, info = "", 0, 0
        for line in lines:
            section = (
                "to" if line.startswith("TO ") else "info" if line.startswith("INFO ") else section
            )
            match = _ADDRESSEE.match(line.strip()) if section else None
            if match and section:
                self.addressees[f"{match.group(1)}/{match.group(2)}"] += 1
                to, info = (to + 1, info) if section == "to" else (to, info + 1)
        if fm:
            self.lists["to"].append(to)
            self.lists["info"].append(info)

    def _add_body(self, body: str, year: str) -> None:
        lines = body.splitlines()
        tags = next((line for line in lines if line.startswith("TAGS")), "")
        codes = [t for t in re.split(r"[\s,]+", tags[4:].strip(" :")) if t.isalnum()]
        self.tags.update(codes)
        self.lists["tag"].append(len(codes))
        subject = next((line[8:].strip() for line in lines if line.startswith("SUBJECT:")), "")
        if subject:
            self.subjects.append(subject)
        self._add_refs(body, year)
        marking = re.search(r"^Classified By:.*?(?=\n\s*\n|\Z)", body, re.S | re.M)
        if marking is not None:
            self.classified_by.append(" ".join(marking.group(0).split()))
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if _PARAGRAPH.match(p.strip())]
        self.lists["para"].append(len(paragraphs))
        self.paragraphs.extend(p.lstrip("¶").replace("\\", "/") for p in paragraphs[:6])

    def _add_refs(self, body: str, year: str) -> None:
        match = re.search(r"^REF[S]?:?(.*?)(?:\n\s*\n|\Z)", body, re.S | re.M)
        if match is None:
            self.lists["ref"].append(0)
            return
        block = match.group(1)
        self.lists["ref"].append(max(1, len(_REF_ITEM.findall(block))))
        for cited in _CITED.finditer(block):
            self.cited.append(f"{cited.group(1) or year}{cited.group(2)}{int(cited.group(3))}")

    def profile(self) -> Profile:
        missing = sum(1 for cited in self.cited if cited not in self.ids)
        return Profile(
            cables=len(self.ids),
            origins=tuple(self.origins.most_common()),
            classifications=tuple(self.classes.most_common()),
            addressees=tuple(self.addressees.most_common()),
            to_counts=tuple(self.lists["to"]),
            info_counts=tuple(self.lists["info"]),
            tags=tuple(self.tags.most_common()),
            tag_counts=tuple(self.lists["tag"]),
            ref_counts=tuple(self.lists["ref"]),
            paragraph_counts=tuple(n for n in self.lists["para"] if n > 0),
            paragraphs=tuple(self.paragraphs),
            subjects=tuple(self.subjects),
            classified_by=tuple(self.classified_by),
            missing_share_in_corpus=missing / len(self.cited) if self.cited else 0.0,
        )


def _from_json(data: dict[str, object]) -> Profile:
    origins = tuple((Origin(**o), n) for o, n in data.pop("origins"))  # type: ignore[attr-defined]
    fields = {
        k: tuple(tuple(x) if isinstance(x, list) else x for x in v)
        for k, v in data.items()
        if isinstance(v, list)
    }  # type: ignore[misc]
    return Profile(
        origins=origins,
        cables=data["cables"],
        missing_share_in_corpus=data["missing_share_in_corpus"],
        **fields,
    )  # type: ignore[arg-type]
