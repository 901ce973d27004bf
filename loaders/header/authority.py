"""Classification authority: classified-by official, reasons, declassification date,
and the signers of the last line.

>>> parse_classified_by("EAP Acting A/S Glyn Davies for Reason 1.4 (b) and (d)")
ClassifiedBy(name='Glyn Davies', title='EAP Acting A/S')
>>> parse_reasons("EAP Acting A/S Glyn Davies for Reason 1.4 (b) and (d)")
('1.4(b)', '1.4(d)')
>>> parse_declassify("DECL: 06/19/2018")
'2018-06-19'
>>> parse_signers("...\\nreinforcing the message.\\n\\nRICE\\n")
('RICE',)
"""

from __future__ import annotations

import re

from loaders.header.dtg import parse_us_date
from loaders.record import ClassifiedBy

_CUT_RE = re.compile(
    r"[,;:]?\s*(?:\bfor\s+reasons?\b|\breasons?\b|\bper\s+1\s?\.|\bE\.?O\.?\s*1[23]|\b1\s?\.\s?[4-7]\b)",
    re.IGNORECASE,
)
_LEAD_RE = re.compile(r"^(?:CLASSIFIED\s+BY\s*:?\s*)+", re.IGNORECASE)
_REASON_RE = re.compile(r"1\s?\.\s?([4-7])((?:[\s(),&/]|AND|OR|[A-Ha-h](?![A-Za-z]))*)", re.I)
_LETTER_RE = re.compile(r"(?<![A-Za-z])([A-Ha-h])(?![A-Za-z])")
TITLE_WORDS = frozenset(
    [
        "AMB",
        "AMBASSADOR",
        "AMBASSADOR-DESIGNATE",
        "CHARGE",
        "D'AFFAIRES",
        "D'AFFAIRS",
        "DCM",
        "COM",
        "CDA",
        "POLITICAL",
        "POL",
        "POLOFF",
        "ECON",
        "ECONOFF",
        "ESTOFF",
        "POLCOUNS",
        "ECONCOUNS",
        "COUNSELOR",
        "COUNSELLOR",
        "MINISTER",
        "MINISTER-COUNSELOR",
        "ACTING",
        "DEPUTY",
        "CHIEF",
        "OF",
        "MISSION",
        "PRINCIPAL",
        "OFFICER",
        "CONSUL",
        "GENERAL",
        "CONSUL-GENERAL",
        "SECRETARY",
        "ASSISTANT",
        "UNDER",
        "DIRECTOR",
        "DAS",
        "PDAS",
        "A/S",
        "ISN",
        "EAP",
        "EUR",
        "NEA",
        "SCA",
        "WHA",
        "AF",
        "IO",
        "INR",
        "PM",
        "DRL",
        "OFFICE",
        "FOR",
        "THE",
        "AND",
        "ADVISOR",
        "ADVISER",
        "SPECIAL",
        "ENVOY",
        "REPRESENTATIVE",
        "PERMANENT",
        "ALTERNATE",
        "HEAD",
        "SECTION",
        "POLITICO-MILITARY",
        "POL/MIL",
        "PUBLIC",
        "AFFAIRS",
        "ECONOMIC",
        "MANAGEMENT",
        "MGMT",
        "RSO",
        "DATT",
        "ATTACHE",
        "DEFENSE",
        "MISSION",
        "INTERIM",
        "CHARGE,",
        "DR",
        "DR.",
        "MR",
        "MR.",
        "MS",
        "MS.",
        "MRS",
        "MRS.",
    ]
)
_SIGNER_RE = re.compile(r"^[A-Z][A-Z'\-]+(?:[ /][A-Z][A-Z'\-]+){0,2}$")
_NOT_SIGNERS = frozenset(
    [
        "BT",
        "NNNN",
        "END",
        "SUMMARY",
        "COMMENT",
        "SIPDIS",
        "NOFORN",
        "UNCLASSIFIED",
        "CONFIDENTIAL",
        "SECRET",
    ]
)


def split_name_title(text: str) -> ClassifiedBy | None:
    """A ``title name`` run split at the last title word.

    >>> split_name_title("POLITICAL COUNSELOR KATHLEEN M. FITZPATRICK")
    ClassifiedBy(name='KATHLEEN M. FITZPATRICK', title='POLITICAL COUNSELOR')
    >>> split_name_title("Amb. Edward W. Gnehm")
    ClassifiedBy(name='Edward W. Gnehm', title='Amb.')
    """
    tokens = text.replace(",", " ").split()
    mixed = any(ch.islower() for ch in text)
    start = len(tokens)
    while start > 0 and len(tokens) - start < 4:
        token = tokens[start - 1]
        bare = token.upper().strip(".")
        acronym = mixed and token.isupper() and len(token) > 1 and "." not in token
        if bare in TITLE_WORDS or "/" in token or acronym or not token[0].isalpha():
            break
        start -= 1
    if start == len(tokens):
        return None
    title = " ".join(tokens[:start]).strip(" ,;") or None
    return ClassifiedBy(name=" ".join(tokens[start:]), title=title)


def parse_classified_by(value: str) -> ClassifiedBy | None:
    """The official of a ``Classified By:`` value (name and title as written).

    >>> parse_classified_by("CLASSIFIED BY ISN ACTING DAS ELIOT KANG FOR REASONS 1.4 (B) AND (D).")
    ClassifiedBy(name='ELIOT KANG', title='ISN ACTING DAS')
    >>> parse_classified_by("DCM Nancy McEldowney, reasons 1.4 (b), (d)")
    ClassifiedBy(name='Nancy McEldowney', title='DCM')
    """
    text = _LEAD_RE.sub("", value.strip())
    cut = _CUT_RE.search(text)
    head = text[: cut.start()] if cut else text[:120]
    return split_name_title(head.strip(" .,;:"))


def parse_reasons(value: str) -> tuple[str, ...]:
    """Classification reasons (``1.4(b)``) named in a ``Classified By`` value.

    >>> parse_reasons("Amb. Gnehm for reasons 1.5 (b,d)")
    ('1.5(b)', '1.5(d)')
    >>> parse_reasons("POLOFF BISOLA OJIKUTU FOR REASONS 1.4 B AND D")
    ('1.4(b)', '1.4(d)')
    """
    reasons: dict[str, None] = {}
    for match in _REASON_RE.finditer(value):
        for letter in _LETTER_RE.findall(match[2]):
            reasons.setdefault(f"1.{match[1]}({letter.lower()})", None)
    return tuple(reasons)


def parse_declassify(decl: str | None) -> str | None:
    """The declassification date of an ``E.O. 12958: DECL: ...`` value.

    >>> parse_declassify("DECL:OADR") is None
    True
    >>> parse_declassify(": DECL: 2020/02/09")
    '2020-02-09'
    """
    if not decl:
        return None
    return parse_us_date(decl)


def parse_signers(body: str) -> tuple[str, ...]:
    """The signature on the last line of the body (``RICE``; ``SMITH/JONES`` is two).

    >>> parse_signers("text.\\nEND SUMMARY")
    ()
    """
    for line in reversed(body.rstrip().splitlines()[-4:]):
        candidate = line.strip()
        if not candidate or candidate in ("BT", "NNNN") or candidate.startswith("#"):
            continue
        words = candidate.replace("/", " ").split()
        if _SIGNER_RE.match(candidate) and _NOT_SIGNERS.isdisjoint(words):
            return tuple(part.strip() for part in candidate.split("/"))
        return ()
    return ()
