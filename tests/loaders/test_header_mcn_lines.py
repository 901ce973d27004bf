"""A header line ending with an MCN is read from the cached reading of the line before
it (``routing.mcn_line``): what it gives is what reading the whole line gives, on every
corpus header and on generated lines built from what the readers decide on (sections,
precedence lines, page breaks, banners, `` I `` and skipped lines before the MCN, MCNs of
every form, non-ASCII digits); and the routing read so equals the routing read line by
line in full."""

from __future__ import annotations

import random
from collections.abc import Iterator

from loaders.header.routing import (
    _LINE_FIRSTS,
    PRECEDENCE_LETTERS,
    AddresseeFields,
    AddresseeRow,
    line_addressee,
    mcn_line,
    parse_dtg,
    read_header_line,
    read_routing,
)
from loaders.readers.html import read_cablegate_page
from loaders.record import Role
from tests.loaders.test_entities_corpus import CABLEGATE

PIECES = (
    "TO", "TO ", "INFO", "INFO ", "FM ", "FROM ", " ", "  ", "\t", "RUEHC/", "SECSTATE WASHDC",
    " PRIORITY", " NIACT IMMEDIATE", " I", " I ", "E C", " R", "7906", " 7906", " 12-34",
    "12-34", " 1", "06", " 06", "P", "P ", "O", "O P ", "Z", " 261310Z JUN 08", "PAGE 02",
    " STATE 068633 261308Z", "C O N F I D E N T I A L", "s e c r e t", "BT", "ZEN", "XMT",
    "SPECIAL", "O 123456Z", "INFO X-12", "٣", " ٣٣", "²", "-", "AMEMBASSY TOKYO", "X", "a",
)  # fmt: skip


def generated_lines(count: int, seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 8)))


def reference_routing(
    header: str,
) -> tuple[str | None, str | None, str | None, list[AddresseeRow]]:
    """The routing read line by line in full (each line's whole reading)."""
    letters = origin = role = None
    found: list[tuple[AddresseeFields, Role]] = []
    for raw in header.splitlines():
        first = raw[:1]
        if role is None and (raw.lstrip()[:1] if first.isspace() else first) not in _LINE_FIRSTS:
            continue
        head, section, text = read_header_line(raw)
        if head is not None and (letters is None or letters[2] is None) and origin is None:
            letters = head
            continue
        if section is not None and (section in ("FM", "FROM") or origin is not None):
            if section in ("FM", "FROM"):
                origin, role = text.strip() or None, None
                continue
            role = Role.ACTION if section == "TO" else Role.INFO
        if role is not None and (addressee := line_addressee(text)) is not None:
            found.append((addressee, role))
    dtg = (letters[2] if letters is not None else None) or parse_dtg(header)
    if letters is None:
        rows = [(*fields, role) for fields, role in found]
        return rows[0][2] if rows else None, dtg, origin, rows
    action, info = PRECEDENCE_LETTERS[letters[0]], PRECEDENCE_LETTERS[letters[1]]
    return action, dtg, origin, [
        (name, route, written or (action if role is Role.ACTION else info), mcn, role)
        for (name, route, written, mcn), role in found
    ]  # fmt: skip


def test_mcn_lines_read_as_whole_lines() -> None:
    read = 0
    for raw in generated_lines(60000, seed=7):
        split = mcn_line(raw)
        if split is None:
            continue
        read += 1
        head, section, text = read_header_line(raw)
        assert head is None, repr(raw)
        assert split == (section, text, line_addressee(text)), repr(raw)
    assert read > 5000  # the generated lines exercise the reading


def test_routing_as_read_line_by_line() -> None:
    rng = random.Random(8)
    headers = [read_cablegate_page(p.read_bytes(), str(p)).header for p in CABLEGATE.glob("*.html")]
    lines = list(generated_lines(20000, seed=9))
    headers += [
        "\n".join(rng.choice(lines) for _ in range(rng.randint(0, 12))) for _ in range(4000)
    ]
    for header in headers:
        assert read_routing(header) == reference_routing(header), repr(header)
