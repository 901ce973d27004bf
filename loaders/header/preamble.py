"""The preamble of a cable body: the lines before the first numbered paragraph that
carry E.O. / DECL, TAGS, SUBJECT, REF and Classified By, found by keyword (they are
sometimes run together on one line, sometimes lower case). :func:`split_preamble` is
the compiled ``preamble_c.split_preamble`` where it is built (same results).

>>> p = split_preamble(SEED_BODY)
>>> p.subject
'CORRECTED COPY: REQUEST TO ENGAGE JAPAN ON CONTRIBUTIONS TO AFGHANISTAN SECURITY'
>>> p.tags
'PREL SMIL MARR MOPS NATO AF AS CA GM IT FR JA'
>>> p.decl
'DECL: 06/19/2018'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

SEED_BODY = """C O N F I D E N T I A L STATE 068633

E.O. 12958: DECL: 06/19/2018
TAGS: PREL SMIL MARR MOPS NATO AF AS CA GM IT FR JA
SUBJECT: CORRECTED COPY: REQUEST TO ENGAGE JAPAN ON
CONTRIBUTIONS TO AFGHANISTAN SECURITY

REF: A. TOKYO 1464 B. TOKYO 1593 C. SECDEF DTG 031932Z JUN 08 D. TOKYO 1623

Classified By: EAP Acting A/S Glyn Davies for Reason 1.4 (b) and (d)

¶1.  (U)  This is an Action Request, please see paragraph 3.
"""

#: Field keywords, searched in the upper-cased preamble. Each starts with a literal
#: (fast to scan for); ``line_start`` fields without a colon must open their line.
_FIELDS: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    ("eo", re.compile(r"E\.?\s?O\.?\s?1[23]\d{3}\b:?"), False),
    ("tags", re.compile(r"TAGS?\b:?"), False),
    ("subject", re.compile(r"SUBJ(?:ECT)?\b\s*(:?)"), True),
    ("ref", re.compile(r"REF(?:TEL)?S?\b\s*(:?)"), True),
    ("cby", re.compile(r"CLASSIFIED\s+BY\b\s*:?"), False),
)
#: The first paragraph opens a line (``1. (C)``, ``¶1.``) or, in a body flattened to one
#: line, is a mid-line ``¶1. (``. Searched as two patterns that each start with one
#: character (the newline before the line, the pilcrow), which the engine skips to;
#: a pattern starting with ``^\s*`` is tried at every position.
_FIRST_PARA_AT_START_RE = re.compile(r"\s*(?:¶\s*)?1\s*\.(?=\s|\()|\s*¶\s*1\b")
_FIRST_PARA_LINE_RE = re.compile(r"\n(?=\s*(?:¶\s*)?1\s*\.(?=\s|\()|\s*¶\s*1\b)")
_FIRST_PARA_MID_RE = re.compile(r"¶(?<=\s¶)\s*1\s*\.\s*\(")
_REASON_RE = re.compile(r"1\s?\.\s?[4-7]|REASON|N/A", re.IGNORECASE)
#: ``_REASON_RE``'s first branch alone, tried first: it opens with a literal (fast to scan
#: for), and most classified-by values name a reason so (``_REASON_RE``, ignoring case,
#: is tried at every position).
_REASON_DIGITS_RE = re.compile(r"1\s?\.\s?[4-7]")
_PAGE_MARK_RE = re.compile(
    r"(?:\b(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)\s+)?\bPAGE\s+\d{2,3}\s+[A-Z][A-Z ]*?\s+\d{2,6}"
    r"(?:\s+\d{2}\s+OF\s+\d{2})?\s+\d{6}Z"
)
_SUBJECT_END_RE = re.compile(
    r"C O N F I D E N T I A L|S E C R E T|U N C L A S|-{4,}|\s[A-Z]+\s0{3,}\d+\s+\d{3}\.\d\s+OF\b"
    r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}"
)
#: Literals one of which every ``_SUBJECT_END_RE`` match contains (checked first: a
#: subject rarely has any).
_SUBJECT_END_HINTS = ("O N F", "S E C", "U N C", "----", "000", "day,")
_BULLET_LINE_RE = re.compile(r"^\s*¶?\s*(?:\([A-Z]\)|[A-Z][.)])")
_BLANK_RE = re.compile(r"\n[ \t]*\n")
#: A preamble is never longer than this (guards against a body without paragraphs).
MAX_PREAMBLE = 6000
#: Nor is a REF field (the corpus's longest is under 100 characters): what runs on is
#: a body without line breaks, not references.
MAX_REF = 600


@dataclass(frozen=True, slots=True)
class Preamble:
    head: str  # banner and caveat lines before the first field
    decl: str | None
    tags: str | None
    subject: str | None
    ref: str | None
    classified_by: str | None
    end: int  # offset in the body where the paragraphs start


def find_preamble_end(body: str) -> int:
    """Offset of the first numbered paragraph (or a bounded guess).

    >>> find_preamble_end("SUBJECT: X\\n\\n1. (C) Text")
    11
    >>> find_preamble_end("REF: ABUJA 1836 ------- SUMMARY ------- ¶1. (C) Shell said")
    40
    """
    if _FIRST_PARA_AT_START_RE.match(body, 0, MAX_PREAMBLE):
        return 0
    end = min(len(body), MAX_PREAMBLE)
    line = _FIRST_PARA_LINE_RE.search(body, 0, MAX_PREAMBLE)
    if line:
        end = line.start() + 1
    if body.find("¶", 0, end) >= 0:
        mid = _FIRST_PARA_MID_RE.search(body, 0, MAX_PREAMBLE)
        if mid and mid.start() < end:
            end = mid.start()
    return end


def field_value(text: str, *, stop_at_blank: bool) -> str:
    """A field's text up to a blank line (when asked), whitespace collapsed.

    >>> field_value("A. TOKYO 1464\\n  B. TOKYO 1593\\n\\nlater", stop_at_blank=True)
    'A. TOKYO 1464 B. TOKYO 1593'
    """
    if stop_at_blank and "\n" in text:
        text = text.lstrip("\n \t")
        blank = _BLANK_RE.search(text)
        if blank:
            text = text[: blank.start()]
    return " ".join(text.split())


def clean_subject_text(subject: str) -> str:
    """A subject without page markers, banners or lines that ran into it.

    >>> clean_subject_text("MEETS WITH ZIMBABWE CONFIDENTIAL PAGE 02 HARARE 06677 01 OF 03 291400Z "
    ...                    "OPPOSITION LEADER")
    'MEETS WITH ZIMBABWE OPPOSITION LEADER'
    >>> clean_subject_text("GOP DENIES AGREEMENT ISLAMABAD 00000461 001.2 OF 003")
    'GOP DENIES AGREEMENT'
    >>> clean_subject_text("TO IRELAND Friday, 18 December 2009, 11:04 S E C R E T SECTION 01")
    'TO IRELAND'
    """
    if any(hint in subject for hint in _SUBJECT_END_HINTS):
        end = _SUBJECT_END_RE.search(subject)
        if end:
            subject = subject[: end.start()]
    if "PAGE" in subject:
        subject = _PAGE_MARK_RE.sub(" ", subject)
    return " ".join(subject.split()).strip(" ,;:-")


def ref_block(text: str) -> str:
    """A REF field's text: up to a blank line, unless the next line is another bullet.

    >>> ref_block("A. LAPAZ 2606\\n¶B. LA PAZ 6\\n\\n¶C. LA PAZ 11\\n\\nClassified By: X")
    'A. LAPAZ 2606\\n¶B. LA PAZ 6\\n¶C. LA PAZ 11'
    """
    kept: list[str] = []
    blank = False
    for line in text.strip("\n").splitlines():
        if not line.strip():
            blank = True
            continue
        if blank and not _BULLET_LINE_RE.match(line):
            break
        kept.append(line)
        blank = False
    return "\n".join(kept)


def find_fields(upper: str) -> list[tuple[int, int, str]]:
    """(keyword start, value start, field) of the first occurrence of each field.

    >>> find_fields("E.O. 12958: DECL: 1/1/2010 TAGS: PREL\\nSUBJECT: X")
    [(0, 11, 'eo'), (27, 32, 'tags'), (38, 46, 'subject')]
    """
    found: list[tuple[int, int, str]] = []
    for kind, pattern, line_start in _FIELDS:
        # searched on from each rejected match (no keyword matches empty): what finditer
        # gives, without an iterator per field
        match = pattern.search(upper)
        while match is not None:
            start = match.start()
            if (start and upper[start - 1].isalpha()) or (
                line_start and not match[1] and not opens_line(upper, start)
            ):
                match = pattern.search(upper, match.end())
                continue
            found.append((start, match.end(), kind))
            break
    return found


def opens_line(text: str, start: int) -> bool:
    """True when only whitespace stands between the line start and ``start``.

    >>> opens_line("A\\n  REF", 4), opens_line("A REF", 2)
    (True, False)
    """
    return text[text.rfind("\n", 0, start) + 1 : start].strip() == ""


def split_preamble_python(body: str) -> Preamble:
    """The preamble fields of a body; absent fields are None. The reference of the
    compiled split (``preamble_c.split_preamble``), and its fallback."""
    end = find_preamble_end(body)
    region = body[:end]
    spans = sorted(find_fields(region.upper()))
    values: dict[str, str] = {}
    for i, (_start, value_start, kind) in enumerate(spans):
        stop = spans[i + 1][0] if i + 1 < len(spans) else end
        if kind == "ref":
            value = field_value(ref_block(region[value_start:stop]), stop_at_blank=False)
            value = value[:MAX_REF].rsplit(" ", 1)[0] if len(value) > MAX_REF else value
        else:
            value = field_value(region[value_start:stop], stop_at_blank=True)
        if kind == "cby" and not (_REASON_DIGITS_RE.search(value) or _REASON_RE.search(value)):
            value = field_value(region[value_start:stop], stop_at_blank=False)[:300]
        values[kind] = value
    head = region[: spans[0][0]] if spans else region
    return Preamble(
        head=head,
        decl=values.get("eo"),
        tags=values.get("tags"),
        subject=clean_subject_text(values.get("subject") or "") or None,
        ref=values.get("ref"),
        classified_by=values.get("cby"),
        end=end,
    )


try:  # the compiled split, built by ``pip install`` (preamble_c.pyx); same results
    from loaders.header.preamble_c import split_preamble as split_preamble
except ImportError:  # pragma: no cover - a checkout that was never built
    split_preamble = split_preamble_python

#: True when the compiled split (``preamble_c``) is in use.
COMPILED: Final = split_preamble is not split_preamble_python
