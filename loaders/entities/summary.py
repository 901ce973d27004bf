"""The cable's summary: the text after ``Summary:`` up to ``End Summary``.

When no ``End Summary`` closes it, the summary is the first paragraph labelled as one
(``1. (C) Summary: ...``) or, for a ``Summary`` heading, the paragraph under it.
"""

from __future__ import annotations

import re
from typing import Final

from loaders.entities.text import join_words

# Patterns found at the start of a line: each as matched at a line start, and as found
# after a newline (a search for a literal newline skips ahead fast; ``^`` does not).
_START_LINE: Final = (
    r"[ \t]*(?:¶?[ \t]*\d{1,3}[ \t]*\.[ \t]*)?(?:\([A-Za-z/ ]{1,12}\)[ \t]*)?"
    r"(?:begin[ \t]+)?summary(?:[ \t]+(?:and|&)[ \t]+[A-Za-z]+(?:[ \t][A-Za-z]+){0,2})?"
    r"[ \t]*(?:[:.\-][ \t]*)*"
)
_START: Final = (re.compile(_START_LINE, re.I), re.compile("\n" + _START_LINE, re.I))
_END: Final = re.compile(r"\(?[ \t]*\bend[ \t]*\n?[ \t]*\n?[ \t]*(?:of[ \t]+)?s(?=ummary)", re.I)
_PARAGRAPH_LINE: Final = r"[ \t]*(?:¶[ \t]*)?\d{1,3}[ \t]*\.[ \t(]"
_NEXT_PARAGRAPH: Final = (re.compile(_PARAGRAPH_LINE), re.compile("\n" + _PARAGRAPH_LINE))
_LEAD: Final = re.compile(  # matched at the summary's start
    r"[\s\-=_*]*(?:¶?[ \t]*\d{1,3}[ \t]*\.[ \t]*)?(?:\([A-Za-z/ ]{1,12}\)[ \t]*)?"
)
_RULERS: Final = re.compile(r"[-=_*]{4,}")
_SUMMARY_WORD: Final = re.compile("summary", re.I)  # in every summary start
_MAX_SPAN: Final = 20_000


def ruler_run_start_python(text: str, start: int, end: int) -> int:
    """Where the first ruler (``[-=_*]{4,}``) starts in ``text[start:end]``, or -1;
    reference of the compiled ``text_scans_c.ruler_run_start``.

    >>> ruler_run_start_python("a -=-=- b", 0, 9), ruler_run_start_python("a --- b", 0, 7)
    (2, -1)
    """
    found = _RULERS.search(text, start, end)
    return found.start() if found else -1


def summary_word_python(text: str, start: int, end: int) -> int:
    """Where the first ``ummary`` or ``UMMARY`` starts in ``text[start:end]``
    (``0 <= start``), or -1; reference of the compiled ``summary_c.summary_word``.

    >>> summary_word_python("Summary. END SUMMARY", 1, 20), summary_word_python("sUmmary", 0, 7)
    (1, -1)
    """
    found = (text.find("ummary", start, end), text.find("UMMARY", start, end))
    return min((at for at in found if at >= 0), default=-1)


def replace_rulers_python(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with each ruler (``[-=_*]{4,}``) replaced by one space;
    reference of the compiled ``summary_c.replace_rulers``.

    >>> replace_rulers_python("Rain.--------Sun. -=- ****", 0, 26)
    'Rain. Sun. -=-  '
    """
    return _RULERS.sub(" ", text[start:end])


def summary_folded_python(text: str, start: int) -> int:
    """Where ``summary`` (in any case, as ``re.IGNORECASE`` reads it) starts at or after
    ``start``, or -1; reference of the compiled ``summary_c.summary_folded``.

    >>> summary_folded_python("In sum: SuMMary.", 0)
    8
    """
    found = _SUMMARY_WORD.search(text, start)
    return found.start() if found else -1


try:  # the compiled loops, built by ``pip install`` (text_scans_c.pyx, summary_c.pyx)
    from loaders.entities.summary_c import replace_rulers, summary_folded, summary_word
    from loaders.entities.text_scans_c import ruler_run_start
except ImportError:  # pragma: no cover - a checkout that was never built
    replace_rulers = replace_rulers_python
    ruler_run_start = ruler_run_start_python
    summary_folded = summary_folded_python
    summary_word = summary_word_python


def search_line_starts(
    body: str, pos: int, pattern: tuple[re.Pattern[str], re.Pattern[str]]
) -> tuple[int, int] | None:
    """Span of the first match of ``pattern`` at a line start at or after ``pos`` (what
    ``^`` + the pattern with MULTILINE finds); ``pattern`` is (at a line start, after a
    newline).

    >>> search_line_starts("a 1. b\\n  2. c", 0, _NEXT_PARAGRAPH)
    (7, 12)
    """
    at_line, after_newline = pattern
    if pos == 0 or body[pos - 1 : pos] == "\n":
        match = at_line.match(body, pos)
        if match:
            return match.span()
    match = after_newline.search(body, pos)
    return (match.start() + 1, match.end()) if match else None


def search_summary_start(body: str, pos: int) -> tuple[int, int] | None:
    """``search_line_starts(body, pos, _START)``, the lines after ``pos`` tried only where
    they hold the word ``summary`` (every match of ``_START`` does, on its line).

    >>> search_summary_start("In summary:\\nNo.\\n  Summary: Yes.", 0)
    (16, 27)
    """
    at_line = _START[0]
    if pos == 0 or body[pos - 1 : pos] == "\n":
        match = at_line.match(body, pos)
        if match:
            return match.span()
    tried = pos  # the last line start tried
    word = summary_folded(body, pos + 1)
    while word >= 0:
        line = body.rfind("\n", 0, word) + 1
        if line > tried:
            match = at_line.match(body, line)
            if match:
                return match.span()
            tried = line
        word = summary_folded(body, word + 1)
    return None


def find_summary_span(body: str) -> tuple[int, int] | None:
    """Character span of the summary text in ``body``, or None.

    >>> body = "1. (C) Summary: It rains. End Summary.\\n2. (C) More."
    >>> start, end = find_summary_span(body)
    >>> body[start:end]
    'It rains.'
    """
    found = summary_word(body, 0, len(body))
    if found < 0:
        return None
    start = search_summary_start(body, body.rfind("\n", 0, found) + 1)
    if start is None:
        return None
    begin = start[1]
    end = find_end_marker(body, begin)
    if end is not None:
        return begin, end
    line_end = body.find("\n", begin)
    heading = not body[begin : line_end if line_end >= 0 else len(body)].strip()
    search_from = begin + 1 if not heading else _skip_to_paragraph(body, begin)
    following = search_line_starts(body, search_from, _NEXT_PARAGRAPH)
    return begin, following[0] if following else len(body)


def find_end_marker(body: str, begin: int) -> int | None:
    """Offset of the ``End Summary`` marker after ``begin`` (found by substring first).

    >>> find_end_marker("Rain. (END SUMMARY) Sun. End summary.", 0)
    6
    """
    limit = begin + _MAX_SPAN
    at = summary_word(body, begin, limit)
    while at >= 0:
        marker = _END.search(body, max(begin, at - 16), at + 6)
        if marker is not None and marker.end() == at:
            return marker.start()
        at = summary_word(body, at + 6, limit)
    return None


def _skip_to_paragraph(body: str, begin: int) -> int:
    """Offset just past the first paragraph start after a ``Summary`` heading."""
    first = search_line_starts(body, begin, _NEXT_PARAGRAPH)
    return first[1] if first else begin + 1


def extract_summary(body: str) -> str | None:
    """The summary text, lines joined, or None when the cable has none.

    >>> extract_summary("1. (C) SUMMARY: Talks\\nstalled.  END SUMMARY.\\n")
    'Talks stalled.'
    >>> extract_summary("-------\\nSummary\\n-------\\n\\n1. (C) The vote\\nfailed.\\n\\n2. Next")
    'The vote failed.'
    >>> extract_summary("1. No summary here.") is None
    True
    """
    span = find_summary_span(body)
    if span is None:
        return None
    start, end = span
    if ruler_run_start(body, start, end) >= 0:  # rulers become spaces
        body = replace_rulers(body, start, end)
        start, end = 0, len(body)
    lead = _LEAD.match(body, start, end)
    text = join_words(body, lead.end() if lead else start, end).rstrip(" (")
    return text or None
