"""The routing header: precedence, DTG, FM / TO / INFO addressees.

Page-break lines (``TO PAGE 02  STATE 068633 261308Z``) are removed and a classification
banner glued to the last addressee is cut off before the lines are read.

>>> r = parse_routing(SEED_HEADER)
>>> r.precedence, r.dtg, r.origin
('IMMEDIATE', '2008-06-26T13:10Z', 'SECSTATE WASHDC')
>>> [(a.name, a.precedence, str(a.role)) for a in r.addressees]
[('USMISSION USNATO', 'IMMEDIATE', 'action')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, TypeAlias

from loaders.header.dtg import parse_dtg
from loaders.header.markings import find_banner
from loaders.record import Role

SEED_HEADER = """O 261310Z JUN 08
FM SECSTATE WASHDC
TO PAGE 02        STATE   068633  261308Z
USMISSION USNATO IMMEDIATEC O N F I D E N T I A L STATE 068633"""

PRECEDENCE_LETTERS = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE"}
_PAGE_RE = re.compile(
    r"PAGE\s+\d{1,3}\s+[A-Z][A-Z ]*?\s+\d{2,6}\s+(?:\d{1,2}\s+OF\s+\d{1,2}\s+)?\d{6}Z\s*$"
)
_PRECEDENCE_LINE_RE = re.compile(r"^\s*([ZOPR])(?:\s+([ZOPR]))?\s+(\d{6}Z\s+[A-Z]{3}\s+\d{2,4})")
_ROUTE_RE = re.compile(r"R[A-Z0-9]{3,7}$")
_MCN_RE = re.compile(r"\d{1,6}(?:-\d{1,6})?$")
_PRECEDENCE_WORDS = frozenset({"FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE"})
_LETTERS_RE = re.compile(r"[A-Za-z]{2}")
_SECTION_RE = re.compile(r"^(FM|FROM|TO|INFO)\b\s*(.*)$")
_SKIP_RE = re.compile(r"^(?:ZEN|ZFR|ZEX|BT\b|NNNN|XMT\b|O\s+\d{6}Z|SPECIAL\b|INFO\s+\w+-\d\d)")
#: What a cleaned header line opens with when it is a precedence line / a section.
_PRECEDENCE_FIRSTS = frozenset("ZOPR")
_SECTION_FIRSTS = frozenset("FTI")
_LINE_FIRSTS = _PRECEDENCE_FIRSTS | _SECTION_FIRSTS
_SECTION_STARTS = frozenset({"FM", "FR", "TO", "IN"})


#: An addressee's name, route, precedence and MCN, as written.
AddresseeFields: TypeAlias = tuple[str, str | None, str | None, str | None]
#: An addressee's fields in :class:`Addressee`'s order (name, route, precedence, MCN, role).
AddresseeRow: TypeAlias = tuple[str, str | None, str | None, str | None, Role]


@dataclass(frozen=True, slots=True)
class Addressee:
    name: str
    route: str | None
    precedence: str | None
    mcn: str | None
    role: Role


@dataclass(frozen=True, slots=True)
class Routing:
    precedence: str | None
    dtg: str | None
    origin: str | None
    addressees: tuple[Addressee, ...]


def clean_header_line(line: str) -> str:
    """A header line without a page-break tail or a glued banner.

    >>> clean_header_line("TO PAGE 02        STATE   068633  261308Z ")
    'TO'
    >>> clean_header_line("INFO PAGE 02        STATE   050524  131535Z")
    'INFO'
    """
    line = line.rstrip()
    if "PAGE" in line:
        line = _PAGE_RE.sub("", line)
    cut = find_banner(line) if " I " in line or "E C R" in line else None
    if cut is not None:
        line = line[:cut]
    return line.strip()


def parse_addressee(text: str, role: Role) -> Addressee | None:
    """One addressee line: ``RUEHC/SECSTATE WASHDC PRIORITY 7906``.

    >>> a = parse_addressee("RUEHC/SECSTATE WASHDC PRIORITY 7906", Role.ACTION)
    >>> a.name, a.route, a.precedence, a.mcn, str(a.role)
    ('SECSTATE WASHDC', 'RUEHC', 'PRIORITY', '7906', 'action')
    >>> parse_addressee("AMEMBASSY KYIV NIACT IMMEDIATE 7881-7884", Role.INFO).precedence
    'NIACT IMMEDIATE'
    """
    fields = addressee_fields(text)
    return None if fields is None else Addressee(*fields, role)


def addressee_fields(text: str) -> AddresseeFields | None:
    """Name, route, precedence and MCN of one addressee line (None: no name in it).

    >>> addressee_fields("RHEHNSC/NSC WASHINGTON DC")
    ('NSC WASHINGTON DC', 'RHEHNSC', None, None)
    """
    route: str | None = None
    head, slash, rest = text.partition("/")
    if slash:
        head = head.strip()
        if head[:1] == "R" and _ROUTE_RE.match(head):
            route, text = head, rest
    words = text.split()
    # the patterns open with a literal R / a digit: checked first
    mcn = words.pop() if words and is_mcn(words[-1]) else None
    precedence: str | None = None
    if len(words) > 1 and words[-1] in _PRECEDENCE_WORDS:
        precedence = words.pop()
        if words[-1:] == ["NIACT"] and len(words) > 1:
            precedence = f"{words.pop()} {precedence}"
    name = " ".join(words)
    if not _LETTERS_RE.search(name):
        return None
    return name, route, precedence, mcn


#: What one header line says, whatever the lines around it: the precedence line's
#: letters and DTG, the section keyword (FM, FROM, TO, INFO) and what follows it (the
#: whole line when it has none: the text an addressee is read from).
HeaderLine: TypeAlias = tuple[tuple[str, str, str | None] | None, str | None, str]
#: Distinct header lines (and addressee texts) kept read (~40 characters each).
HEADER_LINE_CACHE = 16384


@lru_cache(maxsize=HEADER_LINE_CACHE)
def read_header_line(raw: str) -> HeaderLine:
    """One header line read on its own (lines such as ``FM AMEMBASSY BERLIN`` or an INFO
    addressee without a number recur across cables, so this is cached).

    >>> read_header_line("P 111453Z AUG 06")[:2]
    (('P', 'P', '2006-08-11T14:53Z'), None)
    >>> read_header_line("TO RUEHC/SECSTATE WASHDC PRIORITY 7906")[1:]
    ('TO', 'RUEHC/SECSTATE WASHDC PRIORITY 7906')
    """
    line = clean_header_line(raw)
    # the patterns are tried only on lines that open as they must (a letter and a space;
    # the start of a section keyword)
    opens_head = line[:1] in _PRECEDENCE_FIRSTS and line[1:2].isspace()
    head = _PRECEDENCE_LINE_RE.match(line) if opens_head else None
    letters = (head[1], head[2] or head[1], parse_dtg(head[3])) if head else None
    section = _SECTION_RE.match(line) if line[:2] in _SECTION_STARTS else None
    return letters, section[1] if section else None, section[2] if section else line


def is_mcn(word: str) -> bool:
    """True for a message number (``7906``, ``7881-7884``); the pattern opens with a
    digit, checked first.

    >>> is_mcn("7881-7884"), is_mcn("WASHDC")
    (True, False)
    """
    return word[:1].isdecimal() and _MCN_RE.match(word) is not None


@lru_cache(maxsize=HEADER_LINE_CACHE)
def line_addressee(text: str) -> AddresseeFields | None:
    """The addressee of a header line's text (None for empty, BT/ZEN/... and nameless
    lines); read only for lines after FM, cached as they recur.

    >>> line_addressee("RUEHC/SECSTATE WASHDC PRIORITY 7906")
    ('SECSTATE WASHDC', 'RUEHC', 'PRIORITY', '7906')
    >>> line_addressee("BT") is None
    True
    """
    if not text or _SKIP_RE.match(text):
        return None
    return addressee_fields(text)


def parse_routing(header: str) -> Routing:
    """Precedence, DTG, origin name and addressees of a routing header. An addressee
    without a written precedence gets the one of the precedence line (``O P``: the
    first letter for action, the second for info addressees)."""
    precedence, dtg, origin, rows = read_routing(header)
    return Routing(precedence, dtg, origin, tuple(Addressee(*row) for row in rows))


#: What :func:`read_routing` gives: precedence, DTG, origin and the addressees' rows.
RoutingRows: TypeAlias = tuple[str | None, str | None, str | None, list[AddresseeRow]]


def read_routing(header: str) -> RoutingRows:
    """:func:`parse_routing`'s precedence, DTG, origin and addressees as rows of fields
    (what a record is built from, without an object per addressee): by the compiled
    walk (``routing_c.pyx``), else (not ASCII, not built) :func:`read_routing_python`.

    >>> read_routing(SEED_HEADER)[3]
    [('USMISSION USNATO', None, 'IMMEDIATE', None, <Role.ACTION: 'action'>)]
    """
    if _read_compiled is not None:
        found = _read_compiled(header)
        if found is not None:
            return found
    return read_routing_python(header)


def read_routing_python(header: str) -> RoutingRows:
    """:func:`read_routing` in Python (the compiled walk's reference and fallback). Before
    the first section, a line that cannot be a precedence line or a section (its first
    character says so: cleaning a line keeps its start) is not read."""
    letters: tuple[str, str, str | None] | None = None
    origin: str | None = None
    role: Role | None = None
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
        if role is None:
            continue
        addressee = line_addressee(text)
        if addressee is not None:
            found.append((addressee, role))
    dtg = (letters[2] if letters is not None else None) or parse_dtg(header)
    if letters is None:
        rows = [(*fields, role) for fields, role in found]
        return rows[0][2] if rows else None, dtg, origin, rows
    action, info = PRECEDENCE_LETTERS[letters[0]], PRECEDENCE_LETTERS[letters[1]]
    filled: list[AddresseeRow] = [
        (name, route, written or (action if role is Role.ACTION else info), mcn, role)
        for (name, route, written, mcn), role in found
    ]
    return action, dtg, origin, filled


try:  # the compiled walk, built by ``pip install`` (routing_c.pyx); same results
    from loaders.header.routing_c import read_routing as _read_compiled
except ImportError:  # pragma: no cover - a checkout that was never built
    _read_compiled = None  # type: ignore[assignment]

#: True when the compiled walk (``routing_c``) is in use.
COMPILED: Final = _read_compiled is not None
