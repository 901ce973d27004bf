"""Deadlines of action requests: ``by June 25`` in a 2008-06-26 cable → ``2008-06-25``.

A deadline is a date phrase after ``by``, ``before``, ``NLT`` or ``no later than``. It is
resolved to YYYY-MM-DD with the cable's date (the year when the text omits it; the next
year when the date would lie more than 60 days before the cable; the next such weekday
for ``by COB Friday``). A phrase that cannot be resolved is kept as written.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Final, TypeAlias

#: A deadline: YYYY-MM-DD when resolved, else the phrase as written (``the end of the week``).
Deadline: TypeAlias = str

_MONTHS: Final = {
    name: number
    for number, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        ),
        start=1,
    )
    for name in names.split()
}
_WEEKDAYS: Final = {
    name: number
    for number, names in enumerate(
        (
            "monday mon",
            "tuesday tue tues",
            "wednesday wed",
            "thursday thu thurs",
            "friday fri",
            "saturday sat",
            "sunday sun",
        )
    )
    for name in names.split()
}
_MONTH: Final = (
    r"(?:january|february|march|april|may|june|july|august|september|sept|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\.?(?![a-z])"
)
_WEEKDAY: Final = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thurs|fri|sat|sun)"
    r"\.?(?![a-z])"
)
_DEADLINE: Final = re.compile(
    rf"""\b(?:by|before|NLT|no[ ]later[ ]than|not[ ]later[ ]than|prior[ ]to)\s+
    (?P<phrase>
      (?:(?:the\s+)?(?:COB|OOB|c\.o\.b\.|close\s+of\s+business|opening\s+of\s+business|
          noon|midnight|end\s+of\s+(?:the\s+)?day|\d{{3,4}}Z?)\s+
         (?:(?:on|Washington\s+time|local\s+time|EDT|EST)\s+)*)?
      (?:(?P<weekday>{_WEEKDAY}),?\s*)?
      (?:(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?
         |(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{_MONTH})
         |(?P<nmonth>\d{{1,2}})/(?P<nday>\d{{1,2}})(?:/(?P<nyear>\d{{2,4}}))?
         |(?P<endof>(?:the\s+)?(?:end|middle|beginning)\s+of\s+(?:the\s+)?(?:week|month|{_MONTH}))
      )?
      (?:,?\s+(?P<year>(?:19|20)\d\d)\b)?
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_STALE_DAYS: Final = 60


def resolve_day(month: int, day: int, year: int | None, sent: date | None) -> str | None:
    """YYYY-MM-DD for a month and day, the year taken from the cable when missing.

    >>> resolve_day(6, 25, None, date(2008, 6, 26)), resolve_day(1, 5, None, date(2008, 12, 20))
    ('2008-06-25', '2009-01-05')
    >>> resolve_day(2, 30, 2008, None) is None
    True
    """
    if year is None and sent is None:
        return None
    try:
        found = date(year if year is not None else sent.year, month, day)  # type: ignore[union-attr]
    except ValueError:
        return None
    if year is None and sent is not None and found < sent - timedelta(days=_STALE_DAYS):
        found = found.replace(year=found.year + 1)
    return found.isoformat()


def next_weekday(weekday: int, sent: date) -> str:
    """The first date on or after ``sent`` falling on ``weekday`` (Monday = 0).

    >>> next_weekday(4, date(2008, 6, 26))
    '2008-06-27'
    """
    return (sent + timedelta(days=(weekday - sent.weekday()) % 7)).isoformat()


def parse_cable_date(text: str | None) -> date | None:
    """The cable date as a ``date``, or None when missing or malformed.

    >>> parse_cable_date("2008-06-26"), parse_cable_date("June")
    (datetime.date(2008, 6, 26), None)
    """
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def resolve_match(match: re.Match[str], sent: date | None) -> Deadline | None:
    """Resolve one deadline match to YYYY-MM-DD, the phrase as written, or None."""
    groups = match.groupdict()
    year = int(groups["year"]) if groups["year"] else None
    month_name = groups["month"] or groups["month2"]
    if month_name:
        month = _MONTHS[month_name.lower()[:3]]
        day = int(groups["day"] or groups["day2"])
        return resolve_day(month, day, year, sent) or groups["phrase"].strip()
    if groups["nmonth"]:
        nyear = groups["nyear"]
        full_year = (2000 + int(nyear) if len(nyear) == 2 else int(nyear)) if nyear else year
        resolved = resolve_day(int(groups["nmonth"]), int(groups["nday"]), full_year, sent)
        return resolved or groups["phrase"].strip()
    if groups["weekday"] and sent is not None and not groups["endof"]:
        return next_weekday(_WEEKDAYS[groups["weekday"].lower()[:3]], sent)
    if groups["weekday"] or groups["endof"]:
        return " ".join(groups["phrase"].split())
    return None


def find_deadline(text: str, cable_date: str | None) -> Deadline | None:
    """The first deadline in ``text``: YYYY-MM-DD when resolvable, else as written.

    >>> find_deadline("report reaction back to the Department by June 25.", "2008-06-26")
    '2008-06-25'
    >>> find_deadline("please respond NLT COB Friday, 27 June 2008", None)
    '2008-06-27'
    >>> find_deadline("respond by COB Friday.", "2008-06-26")
    '2008-06-27'
    >>> find_deadline("report by the end of the month", "2008-06-26")
    'the end of the month'
    >>> find_deadline("as reported by the GOJ", "2008-06-26") is None
    True
    >>> find_deadline("by decision 5 or by month's end", "2008-06-26") is None
    True
    """
    sent = parse_cable_date(cable_date)
    for match in _DEADLINE.finditer(text):
        resolved = resolve_match(match, sent)
        if resolved:
            return resolved
    return None
