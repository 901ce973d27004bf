"""Dates: date-time groups (DTG) and the date forms of the containers.

>>> parse_dtg("261310Z JUN 08")
'2008-06-26T13:10Z'
>>> parse_dtg("O 261310Z JUN 08")
'2008-06-26T13:10Z'
>>> parse_us_date("06/19/2018")
'2018-06-19'
"""

from __future__ import annotations

import re
from datetime import date
from typing import TypeAlias

IsoDate: TypeAlias = str
IsoMinute: TypeAlias = str

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
    )
}
DTG_RE = re.compile(
    r"\b(\d{2})(\d{2})(\d{2})Z\s+(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\s+(\d{2,4})\b",
    re.IGNORECASE,
)
_US_DATE_RE = re.compile(r"(\d{1,4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,4})")
_ISO_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_EXPORT_DATE_RE = re.compile(r"\b([A-Z][a-z]{2})\s+(\d{1,2})\s+\d{2}:\d{2}:\d{2}\s+\S+\s+(\d{4})\b")


def full_year(year: str) -> int:
    """A two- or four-digit year as four digits (``66``..``99`` are 19xx).

    >>> full_year("08"), full_year("89"), full_year("2010")
    (2008, 1989, 2010)
    """
    value = int(year)
    if len(year) > 2:
        return value
    return 1900 + value if value >= 60 else 2000 + value


def make_date(year: int, month: int, day: int) -> IsoDate | None:
    """An ISO date, or None when the parts are not a real date.

    >>> make_date(2008, 2, 30) is None
    True
    """
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_dtg(text: str) -> IsoMinute | None:
    """The first DTG (``DDHHMMZ MON YY``) in ``text`` as ``YYYY-MM-DDTHH:MMZ`` (UTC).

    >>> parse_dtg("131528Z MAY 08")
    '2008-05-13T15:28Z'
    >>> parse_dtg("no dtg") is None
    True
    """
    match = DTG_RE.search(text)
    if match is None:
        return None
    day, hour, minute, month, year = match.groups()
    iso = make_date(full_year(year), _MONTHS[month.upper()[:3]], int(day))
    if iso is None or int(hour) > 23 or int(minute) > 59:
        return None
    return f"{iso}T{hour}:{minute}Z"


def parse_us_date(text: str) -> IsoDate | None:
    """A ``MM/DD/YYYY`` (or ``YYYY/MM/DD``, ``MM/DD/YY``) date as ISO.

    >>> parse_us_date("2020/02/09")
    '2020-02-09'
    >>> parse_us_date("11/29/10")
    '2010-11-29'
    >>> parse_us_date("OADR") is None
    True
    """
    match = _US_DATE_RE.search(text)
    if match is None:
        return None
    first, second, third = match.groups()
    if len(first) == 4:
        return make_date(int(first), int(second), int(third))
    return make_date(full_year(third), int(first), int(second))


def parse_export_date(text: str) -> IsoDate | None:
    """The date of the text export's third line, as written (local date, not UTC).

    >>> parse_export_date("Thu Jun 26 00:00:00 +0200 2008")
    '2008-06-26'
    """
    match = _EXPORT_DATE_RE.search(text)
    if match is None:
        return None
    month = _MONTHS.get(match[1].upper())
    return make_date(int(match[3]), month, int(match[2])) if month else None


def parse_created(text: str) -> IsoDate | None:
    """A container's creation date: ``2004-02-19 20:08`` or ``2/19/2004 20:08``.

    >>> parse_created("2004-02-19 20:08")
    '2004-02-19'
    >>> parse_created("2/19/2004 20:08")
    '2004-02-19'
    """
    match = _ISO_DATE_RE.match(text.strip())
    if match:
        return make_date(int(match[1]), int(match[2]), int(match[3]))
    return parse_us_date(text)
