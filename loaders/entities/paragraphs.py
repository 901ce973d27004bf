"""Numbered paragraphs with portion marks: ``¶1.  (U)  text`` / ``1. (C) text``.

Numbers must run in sequence (1, 2, 3, ...), so a wrapped line that happens to start
with ``25.`` is not taken for paragraph 25. Text before the first numbered paragraph
(or the whole body when nothing is numbered) becomes unnumbered paragraphs split at
blank lines. Section headings framed by ruler lines (``-----``) and a trailing
signature line (``RICE``) are left out of the paragraph text.

Finding the numbered paragraphs and building their records is compiled
(``paragraphs_c.pyx``), as are cleaning a paragraph's text (``text_c.pyx``) and
finding the signature (``signature_c.pyx``); the
``*_python`` functions here are their reference and fallback.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Final, TypeAlias

from loaders.entities.text import collapse_spaces
from loaders.record import Paragraph
from loaders.record_maker import make_paragraph

# paragraphs_c.pyx matches _LINE_START in place, part by part (its test compares the two
# on the corpus and generated lines): a change here is made there too.
_LINE_START: Final = (  # a numbered paragraph's start, matched at a line's start
    r"[ \t]*(?:¶[ \t]*)?(\d{1,3})[ \t]*(?:\.(?=[ \t(\n]|$)|,(?=[ \t]*\())[ \t]*"
    r"(?:\([ \t]*([A-Za-z]{1,4}(?:[ \t]*/{1,2}[ \t]*[A-Za-z]{1,8}){0,3})[ \t]*\)[ \t]*)?"
)
_START: Final = re.compile(r"\n" + _LINE_START, re.MULTILINE)  # anywhere in a body
_START_AT_LINE: Final = re.compile(_LINE_START, re.MULTILINE)
_MARK_HEADS: Final = frozenset({"U", "C", "S", "TS", "SBU", "LOU", "FOUO", "CUI"})
_RULER: Final = re.compile(r"\n[ \t]*[-=_*]{4,}[ \t]*(?=\n|$)")
_HEADING: Final = re.compile(
    r"\n[ \t]*[-=_*]{4,}[ \t]*\n[^\n]{1,80}\n[ \t]*[-=_*]{4,}[ \t]*(?=\n|$)"
)
_SIGNATURE: Final = re.compile(r"\n[ \t]*\n\s*[A-Z][A-Z.' -]{1,30}$")
_BLANK_SPLIT: Final = re.compile(r"\n[ \t]*\n")
_CANDIDATE_LINE: Final = re.compile(r"(?:^|(?<=\n))[ \t]*[0-9\x80-\U0010ffff]")
_RULER_RUNS: Final = ("----", "====", "____", "****")
_MAX_PARAGRAPH: Final = 999
_SIGNATURE_TAIL: Final = 200  # characters at the end of a body searched for a signature
_MARKINGS_CACHED: Final = 512

#: Where the first numbered paragraph starts (-1 when none is) and the paragraphs.
NumberedParagraphs: TypeAlias = tuple[int, list[Paragraph]]


def numbered_line_candidates(text: str) -> list[int]:
    """Starts of the lines (split at ``\\n``) whose first character after spaces and tabs
    is an ASCII digit or not ASCII (``¶``, other digits): all the lines where a numbered
    paragraph can start (where :func:`iter_numbered_starts` tries its pattern).

    >>> numbered_line_candidates("1. A\\n b\\n\\t¶2. C\\n")
    [0, 8]
    """
    return [match.start() for match in _CANDIDATE_LINE.finditer(text)]


def clean_paragraph_span_python(text: str, start: int, end: int) -> str:
    """:func:`clean_paragraph_text` of ``text[start:end]`` (``0 <= start <= end``);
    reference of the compiled ``text_c.clean_paragraph_span``.

    >>> clean_paragraph_span_python("1. A\\n b.\\n-----\\n2. C", 3, 15)
    'A b.'
    """
    raw = text[start:end]
    if any(run in raw for run in _RULER_RUNS):
        raw = _RULER.sub(" ", _HEADING.sub(" ", "\n" + raw))
    return collapse_spaces(raw)


try:  # the compiled loop, built by ``pip install`` (text_c.pyx); same results
    from loaders.entities.text_c import clean_paragraph_span
except ImportError:  # pragma: no cover - a checkout that was never built
    clean_paragraph_span = clean_paragraph_span_python


@lru_cache(maxsize=_MARKINGS_CACHED)
def normalize_marking(raw: str | None) -> str | None:
    """A portion mark as ``U``, ``C``, ``SBU``, ``C/NF``; None when it is not one.

    >>> normalize_marking("c // nf")
    'C//NF'
    >>> normalize_marking("REFS") is None
    True
    """
    if raw is None:
        return None
    mark = "".join(raw.split()).upper()
    return mark if mark.split("/", 1)[0] in _MARK_HEADS else None


def clean_paragraph_text(raw: str) -> str:
    """Join a paragraph's lines, without framed headings and ruler lines.

    >>> clean_paragraph_text("First line\\n  second.\\n\\n-----\\nBackground\\n-----\\n")
    'First line second.'
    """
    return clean_paragraph_span(raw, 0, len(raw))


def iter_numbered_starts(body: str) -> Iterator[tuple[int, int, int, str | None]]:
    """Yield (start, text start, number, marking) of paragraphs numbered in sequence;
    reference of the compiled ``paragraphs_c.numbered_starts``.

    >>> [(n, m) for _, _, n, m in iter_numbered_starts("1, (C) A\\n25. no\\n2. B\\n")]
    [(1, 'C'), (2, None)]
    """
    expected: int | None = None
    for line in numbered_line_candidates(body):  # as _START would find them: a match
        match = _START_AT_LINE.match(body, line)  # never spans two lines
        if match is None:
            continue
        number = int(match.group(1))
        if expected is None and not 0 < number < _MAX_PARAGRAPH:
            continue
        if expected is not None and number != expected:
            continue
        expected = number + 1
        yield line, match.end(), number, normalize_marking(match.group(2))


def numbered_paragraphs_python(
    body: str, heads: frozenset[str], make: Callable[[int | None, str | None, str], Paragraph]
) -> NumberedParagraphs:
    """The numbered paragraphs of ``body``, each text up to the next one's line, and
    where the first starts (-1 when none does); ``heads`` are the portion marks'
    ``_MARK_HEADS``, ``make`` makes a paragraph (``Paragraph`` or its record maker);
    reference of the compiled ``paragraphs_c.numbered_paragraphs``.

    >>> numbered_paragraphs_python("Intro.\\n1. (C) A\\n b.\\n2. B", _MARK_HEADS, Paragraph)
    (7, [Paragraph(number=1, marking='C', text='A b.'), \
Paragraph(number=2, marking=None, text='B')])
    """
    assert heads is _MARK_HEADS  # what normalize_marking reads
    starts = list(iter_numbered_starts(body))
    if not starts:
        return -1, []
    ends = [start for start, _, _, _ in starts[1:]] + [len(body)]
    found = [
        make(number, marking, clean_paragraph_span(body, text_start, end))
        for (_, text_start, number, marking), end in zip(starts, ends, strict=True)
    ]
    return starts[0][0], found


try:  # the compiled pass, built by ``pip install`` (paragraphs_c.pyx); same results
    from loaders.entities.paragraphs_c import numbered_paragraphs
except ImportError:  # pragma: no cover - a checkout that was never built
    numbered_paragraphs = numbered_paragraphs_python


def split_unnumbered(text: str) -> list[Paragraph]:
    """Blank-line separated blocks as unnumbered paragraphs.

    >>> split_unnumbered("One\\ntwo.\\n\\nThree.")
    [Paragraph(number=None, marking=None, text='One two.'), \
Paragraph(number=None, marking=None, text='Three.')]
    """
    blocks = (clean_paragraph_text(block) for block in _BLANK_SPLIT.split(text))
    return [Paragraph(number=None, marking=None, text=block) for block in blocks if block]


def signature_start_python(body: str, tail: int) -> int:
    """Where a closing signature (``_SIGNATURE``) starts in ``body[tail:]``, as an offset
    in ``body`` (``0 <= tail``); -1 when none does; reference of the compiled
    ``signature_c.signature_start``.

    >>> signature_start_python("1. Text here.\\n\\nRICE", 0)
    13
    """
    signature = _SIGNATURE.search(body[tail:])  # at the very end: one match at most
    return tail + signature.start() if signature else -1


try:  # the compiled search, built by ``pip install`` (signature_c.pyx); same results
    from loaders.entities.signature_c import signature_start
except ImportError:  # pragma: no cover - a checkout that was never built
    signature_start = signature_start_python


def drop_signature(body: str) -> str:
    """Cut a closing signature line (one short all-capitals line) off the body.

    >>> drop_signature("1. Text here.\\n\\nRICE")
    '1. Text here.'
    """
    body = body.rstrip()
    start = signature_start(body, max(0, len(body) - _SIGNATURE_TAIL))
    return body[:start] if start >= 0 else body


def extract_paragraphs(body: str) -> tuple[Paragraph, ...]:
    """Split a body (header removed) into paragraphs.

    >>> paras = extract_paragraphs("¶1.  (U)  Hello\\nworld.\\n\\n¶2.  (C//NF)  More.\\n\\nRICE")
    >>> [(p.number, p.marking, p.text) for p in paras]
    [(1, 'U', 'Hello world.'), (2, 'C//NF', 'More.')]
    """
    body = drop_signature(body)
    first, numbered = numbered_paragraphs(body, _MARK_HEADS, make_paragraph)
    if first < 0:
        return tuple(split_unnumbered(body))
    if first == 0:  # most bodies: nothing comes before paragraph 1
        return tuple(numbered)
    return (*split_unnumbered(body[:first]), *numbered)
