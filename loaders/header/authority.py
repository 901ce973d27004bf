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

Each has a compiled reader (``authority_c``, ``reasons_c``, ``signers_c``; the ``_python``
functions here are their references and the fallback when they are not built): their
patterns and token tests cost a fresh cable ~25 µs in Python, a tenth of that compiled.
They read the common text in C (ASCII values, any signature line) and decline the rest
(``Declined``), which the reference reads: the same results for every text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from loaders.header.dtg import parse_us_date
from loaders.header.tables import title_words
from loaders.record import ClassifiedBy

_CUT_RE = re.compile(
    r"[,;:]?\s*(?:\bfor\s+rea\s?s\s?o\s?n\s?s?\b|\brea\s?s\s?o\s?n\s?s?\b|\bper\s+1\s?\.|\bE\.?O\.?\s*1[23]"
    r"|\b1\s?[.:/]\s?[4-7]\b)",
    re.IGNORECASE,
)
#: ``_CUT_RE`` without its ``[,;:]?\s*`` lead: the keyword searched alone (no pattern
#: tried at every position), the lead read back from it (:func:`cut_start`).
_CUT_WORD_RE = re.compile(
    r"\bfor\s+rea\s?s\s?o\s?n\s?s?\b|\brea\s?s\s?o\s?n\s?s?\b|\bper\s+1\s?\.|\bE\.?O\.?\s*1[23]"
    r"|\b1\s?[.:/]\s?[4-7]\b",
    re.IGNORECASE,
)
_LEAD_RE = re.compile(r"^(?:\(U\)\s*)?(?:CLASSIFIED\s+BY\s*:?\s*)+(?:BY\s+)?", re.IGNORECASE)
_TRAIL_RE = re.compile(r"(?:\s+(?:for|by))+$|\s*\([^()]*\)\s*$", re.IGNORECASE)
_NAME_SUFFIXES = frozenset({"JR", "SR", "II", "III", "IV"})
_REASON_RE = re.compile(
    r"1\s?[.:/]\s?([4-7])\.?((?:[\s(),&/'’]|AND|OR|[A-Ha-h](?![A-Za-z]))*)", re.IGNORECASE
)
_LETTER_RE = re.compile(r"(?<![A-Za-z])([A-Ha-h])(?![A-Za-z])")
_SIGNER_LINE_RE = re.compile(
    r"^(?:[A-Z][A-Z'\-]+(?:[ /][A-Z][A-Z'\-]+){0,2}|[A-Za-z][a-z]*[A-Z]?[a-z'\-]+)$"
)
_AFTER_SENTENCE_RE = re.compile(r"[.)]\s+([A-Z][A-Z'\-]{2,}(?: [A-Z][A-Z'\-]+)?)$")
_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: The last lines are first looked for in this many characters (the tail when too few).
LAST_LINES_WINDOW = 400
#: Distinct classified-by, reason and declassification values kept parsed (short lines).
AUTHORITY_CACHE = 4096
#: The signature is looked for in the last lines of this many characters of the body.
SIGNER_TAIL = 2000
_NOT_SIGNERS = frozenset(
    """BT NNNN END SUMMARY COMMENT TEXT NOTE SIPDIS NOFORN UNCLASSIFIED CONFIDENTIAL SECRET
    MINIMIZE CONSIDERED THANKS""".split()  # noqa: SIM905
)


def is_title_token(token: str, mixed: bool) -> bool:
    """True when a token belongs to a title rather than to a name.

    >>> is_title_token("DCM", True), is_title_token("McEldowney", True)
    (True, False)
    >>> is_title_token("a.i.", True)
    True
    >>> is_title_token("PolMinCouns", True), is_title_token("POLLARD", True)
    (True, False)
    """
    bare = token.upper().replace("’", "'").strip(".,;:")
    if bare in _NAME_SUFFIXES:
        return False
    if bare in title_words() or "/" in token or not token[0].isalpha():
        return True
    if not mixed:
        return False
    acronym = token.isupper() and 1 < len(token) <= 4 and "." not in token
    camel = not token.isupper() and sum(ch.isupper() for ch in token) >= 3
    return token[0].islower() or acronym or camel


def is_name_run(text: str, mixed: bool) -> bool:
    """True for 2-4 tokens that are all name-like (``Donna M. Blair``).

    >>> is_name_run("Donna M. Blair", True), is_name_run("S/CT DAS", True)
    (True, False)
    """
    tokens = text.split()
    return 2 <= len(tokens) <= 4 and not any(is_title_token(t, mixed) for t in tokens)


def split_name_title(text: str) -> ClassifiedBy | None:
    """A ``title name`` run split at the last title word; ``name, title`` when a comma
    follows the name.

    >>> split_name_title("POLITICAL COUNSELOR KATHLEEN M. FITZPATRICK")
    ClassifiedBy(name='KATHLEEN M. FITZPATRICK', title='POLITICAL COUNSELOR')
    >>> split_name_title("Amb. Edward W. Gnehm")
    ClassifiedBy(name='Edward W. Gnehm', title='Amb.')
    >>> split_name_title("Alan Eyre, Director, Iran Regional Presence Office")
    ClassifiedBy(name='Alan Eyre', title='Director, Iran Regional Presence Office')
    >>> split_name_title("S/CT DAS, Susan F. Burk")
    ClassifiedBy(name='Susan F. Burk', title='S/CT DAS')
    >>> split_name_title("Anne W. Patterson")
    ClassifiedBy(name='Anne W. Patterson', title=None)
    """
    mixed = any(ch.islower() for ch in text)
    parts = [p.strip() for p in text.split(",") if p.strip()]
    for i, part in enumerate(parts):
        if is_name_run(part, mixed):
            title = ", ".join(parts[:i] + parts[i + 1 :]) or None
            return ClassifiedBy(name=part, title=title)
    tokens = text.replace(",", " ").split()
    start = len(tokens)
    while start > 0 and len(tokens) - start < 4 and not is_title_token(tokens[start - 1], mixed):
        start -= 1
    if start == len(tokens):
        return None
    title = " ".join(tokens[:start]).strip(" ,;") or None
    return ClassifiedBy(name=" ".join(tokens[start:]), title=title)


def parse_classified_by_python(value: str) -> ClassifiedBy | None:
    """The official of a ``Classified By:`` value (name and title as written): the
    reference of the compiled ``authority_c.classified_by``.

    >>> parse_classified_by_python("DCM Nancy McEldowney, reasons 1.4 (b), (d)")
    ClassifiedBy(name='Nancy McEldowney', title='DCM')
    """
    text = _LEAD_RE.sub("", value.strip())
    cut = cut_start(text)
    head = text[:cut] if cut is not None else text[:120]
    head = head.replace(";", " ").strip(" .,;:")
    end = head.rstrip()[-3:].lower()
    if end.endswith((")", "by")) or end == "for":  # all that _TRAIL_RE can match
        head = _TRAIL_RE.sub("", head)
    return split_name_title(head.strip(" .,;:"))


def cut_start(text: str) -> int | None:
    """Where ``_CUT_RE`` first matches (the reasons after the official), or None: the
    first keyword, and before it its whitespace and one ``,;:`` (a keyword opens with a
    word character, so a later keyword cannot reach back before an earlier one).

    >>> text = "Amb. Gnehm; reasons 1.5 (b)"
    >>> cut_start(text), _CUT_RE.search(text).start()
    (10, 10)
    """
    word = _CUT_WORD_RE.search(text)
    if word is None:
        return None
    start = word.start()
    while start and text[start - 1].isspace():
        start -= 1
    return start - 1 if start and text[start - 1] in ",;:" else start


def parse_reasons_python(value: str) -> tuple[str, ...]:
    """Classification reasons (``1.4(b)``) named in a ``Classified By`` value: the
    reference of the compiled ``reasons_c.reasons``.

    >>> parse_reasons_python("Amb. Gnehm for reasons 1.5 (b,d)")
    ('1.5(b)', '1.5(d)')
    >>> parse_reasons_python("POLOFF BISOLA OJIKUTU FOR REASONS 1.4 B AND D")
    ('1.4(b)', '1.4(d)')
    """
    reasons: dict[str, None] = {}
    for match in _REASON_RE.finditer(value):
        for letter in _LETTER_RE.findall(match[2]):
            reasons.setdefault(f"1.{match[1]}({letter.lower()})", None)
    return tuple(reasons)


def last_lines(text: str, tail: int, count: int) -> list[str]:
    """The last ``count`` lines of the last ``tail`` characters of the text without its
    trailing whitespace, read without copying the whole text.

    >>> last_lines("a\\nb\\nc  \\n\\n", 3, 2)
    ['b', 'c']
    """
    end = text[-2 * tail :].rstrip()
    if len(end) < tail and len(text) > 2 * tail:  # whitespace ran further back
        end = text.rstrip()
    if tail > LAST_LINES_WINDOW and len(end) > LAST_LINES_WINDOW:
        lines = end[-LAST_LINES_WINDOW:].splitlines()  # whole lines but the first
        if len(lines) > count:
            return lines[-count:]
    return end[-tail:].splitlines()[-count:]


def without_signer_tail(line: str) -> str:
    """A line stripped, without a final period or ISO date (and the spaces before it).

    >>> without_signer_tail(" KENNARD . "), without_signer_tail("RICE 2009-01-02")
    ('KENNARD', 'RICE')
    """
    text = line.strip()
    if text.endswith("."):
        return text[:-1].rstrip()
    if len(text) >= 10 and _ISO_DATE_RE.fullmatch(text, len(text) - 10):
        return text[:-10].rstrip()
    return text


def parse_signers_python(body: str) -> tuple[str, ...]:
    """The signature on the last line of the body, upper-cased (``RICE``; ``Stapleton``;
    ``End Text. AGUIRRE``; ``SMITH/JONES`` is two): the reference of the compiled
    ``signers_c.signers``.

    >>> parse_signers_python("text.\\nEND SUMMARY")
    ()
    >>> parse_signers_python("points.\\nEnd points. RICE"), parse_signers_python("x\\nKENNARD .")
    (('RICE',), ('KENNARD',))
    >>> parse_signers_python("x\\nLeBaron")
    ('LEBARON',)
    """
    for line in reversed(last_lines(body, SIGNER_TAIL, 4)):
        candidate = without_signer_tail(line)
        if not candidate or candidate.upper() in ("BT", "NNNN") or candidate.startswith("#"):
            continue
        if not _SIGNER_LINE_RE.match(candidate):
            # a name after the last sentence: only the last '.' or ')' can open it
            last = max(candidate.rfind("."), candidate.rfind(")"), 0)
            tail = _AFTER_SENTENCE_RE.search(candidate, last)
            if tail is None or not _SIGNER_LINE_RE.match(tail[1]):
                return ()
            candidate = tail[1]
        names = tuple(part.strip().upper() for part in candidate.split("/"))
        words = {w for name in names for w in name.split()}
        return names if _NOT_SIGNERS.isdisjoint(words) else ()
    return ()


#: The references, cached, where the compiled readers are not built or decline (a post's
#: officers classify many cables with the same line); the compiled ones take about what
#: a cache lookup takes, and a fresh value does not pay for its entry.
_cached_classified_by = lru_cache(maxsize=AUTHORITY_CACHE)(parse_classified_by_python)
_cached_reasons = lru_cache(maxsize=AUTHORITY_CACHE)(parse_reasons_python)
_cached_us_date = lru_cache(maxsize=AUTHORITY_CACHE)(parse_us_date)

try:  # the compiled readers, built by ``pip install`` (authority_c.pyx ...); same results
    from loaders.header.authority_c import Declined, classified_by
    from loaders.header.reasons_c import reasons, us_date
    from loaders.header.signers_c import signers
except ImportError:  # pragma: no cover - a checkout that was never built
    classified_by, reasons, us_date = _cached_classified_by, _cached_reasons, _cached_us_date
    signers = parse_signers_python

    class Declined(ValueError):  # type: ignore[no-redef]
        """Never raised: the references read every text."""


#: True when the compiled readers are in use.
COMPILED: Final = signers is not parse_signers_python


def parse_classified_by(value: str) -> ClassifiedBy | None:
    """The official of a ``Classified By:`` value (name and title as written).

    >>> parse_classified_by("CLASSIFIED BY ISN ACTING DAS ELIOT KANG FOR REASONS 1.4 (B) AND (D).")
    ClassifiedBy(name='ELIOT KANG', title='ISN ACTING DAS')
    """
    try:
        return classified_by(value)
    except Declined:
        return _cached_classified_by(value)


def parse_reasons(value: str) -> tuple[str, ...]:
    """Classification reasons (``1.4(b)``) named in a ``Classified By`` value.

    >>> parse_reasons("Amb. Gnehm for reasons 1.5 (b,d)")
    ('1.5(b)', '1.5(d)')
    """
    try:
        return reasons(value)
    except Declined:
        return _cached_reasons(value)


def parse_declassify(decl: str | None) -> str | None:
    """The declassification date of an ``E.O. 12958: DECL: ...`` value.

    >>> parse_declassify("DECL:OADR") is None
    True
    >>> parse_declassify(": DECL: 2020/02/09")
    '2020-02-09'
    """
    if not decl:
        return None
    try:
        return us_date(decl)
    except Declined:
        return _cached_us_date(decl)


def parse_signers(body: str) -> tuple[str, ...]:
    """The signature on the last line of the body (:func:`parse_signers_python`).

    >>> parse_signers("x\\nLeBaron")
    ('LEBARON',)
    """
    try:
        return signers(body)
    except Declined:
        return parse_signers_python(body)
