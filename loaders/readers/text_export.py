"""Reader for the plain-text export: five lines of metadata (reference id, subject
(may be cut), date, classification, origin office), then header and body.

>>> raw = read_text_export(EXAMPLE, "x.txt")
>>> raw.id, raw.office, raw.header.splitlines()[-1]
('08STATE68633', 'Secretary of State', 'USMISSION USNATO IMMEDIATE')
>>> raw.body.splitlines()[0]
'C O N F I D E N T I A L STATE 068633'
"""

from __future__ import annotations

import re

from loaders.header.markings import find_banner
from loaders.readers.raw import RawCable

EXAMPLE = """08STATE68633
CORRECTED COPY: REQUEST TO ENGAGE JAPAN ON
Thu Jun 26 00:00:00 +0200 2008
CONFIDENTIAL
Secretary of State
O 261310Z JUN 08
FM SECSTATE WASHDC
TO PAGE 02        STATE   068633  261308Z
USMISSION USNATO IMMEDIATEC O N F I D E N T I A L STATE 068633

E.O. 12958: DECL: 06/19/2018
"""

_ID_RE = re.compile(r"^\d{2}[A-Z][A-Z0-9]*\d+$")
_DATE_RE = re.compile(r"\d{2}:\d{2}:\d{2}.*\d{4}\s*$|^\d{4}-\d{2}-\d{2}|^\d{1,2}/\d{1,2}/\d{4}")
_BODY_START_RE = re.compile(
    r"^\s*(?:E\.?\s?O\.?\s?1[23]\d{3}|TAGS\b|SUBJ(?:ECT)?\s*:"
    r"|(?:UNCLAS|UNCLASSIFIED|CONFIDENTIAL|SECRET)\s+(?:SECTION\s+\d+\s+OF\s+\d+\s+)?"
    r"[A-Z][A-Z ]*\s0*\d{1,6}\s*$)",
    re.IGNORECASE,
)


def looks_like_text_export(text: str) -> bool:
    """True when the first lines are an id and (on line 3) a date.

    >>> looks_like_text_export(EXAMPLE)
    True
    >>> looks_like_text_export("hello\\nworld")
    False
    """
    lines = text.lstrip("\ufeff").splitlines()[:5]
    return (
        len(lines) >= 3
        and bool(_ID_RE.match(lines[0].strip()))
        and bool(_DATE_RE.search(lines[2].strip()))
    )


def split_header_body(text: str) -> tuple[str, str]:
    """Cut mixed header-and-body text where the body starts: at the classification
    banner (even mid-line, glued to an addressee) or the first preamble line.

    >>> split_header_body("CONFIDENTIAL     PTQ1859\\nFM AMEMBASSY X\\nSECRET X 000001\\nTEXT")
    ('CONFIDENTIAL     PTQ1859\\nFM AMEMBASSY X', 'SECRET X 000001\\nTEXT')
    """
    lines = text.splitlines()
    for i, line in enumerate(lines):
        cut = find_banner(line)
        if cut is not None:
            head = [*lines[:i], line[:cut].rstrip()] if line[:cut].strip() else lines[:i]
            return "\n".join(head), "\n".join([line[cut:], *lines[i + 1 :]])
        if _BODY_START_RE.match(line) and not line.lstrip().startswith(("FM", "TO")):
            return "\n".join(lines[:i]), "\n".join(lines[i:])
    return "", text


def read_text_export(text: str, source: str) -> RawCable:
    """The parts of one plain-text export."""
    lines = text.lstrip("\ufeff").splitlines()
    meta = [line.strip() for line in lines[:5]] + [""] * (5 - min(5, len(lines)))
    header, body = split_header_body("\n".join(lines[5:]))
    return RawCable(
        source=source,
        id=meta[0] or None,
        created=meta[2] or None,
        marking=meta[3] or None,
        office=meta[4] or None,
        header=header,
        body=body,
        subject_hint=meta[1] or None,
    )
