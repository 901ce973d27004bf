# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled numbered paragraphs (``paragraphs.py``): one pass over the lines finds the
paragraph starts in sequence, as ``paragraphs._START_AT_LINE`` matches them on each
line, and builds the records.

- ``numbered_starts(body, heads)``: ``list(paragraphs.iter_numbered_starts(body))``,
  the portion marks normalized as ``normalize_marking`` does (``heads``: its
  ``_MARK_HEADS``);
- ``numbered_paragraphs(body, heads, record)``: where the first numbered paragraph
  starts (-1 when none does) and the ``record(number, marking, text)`` of each, the text
  cleaned as ``text_c.clean_paragraph_span`` does (its ``join_span_into``, all in one
  buffer) up to the next one's line: its words only joined when no line of it (its
  text first) starts with four ruler characters after spaces and tabs, as then no
  ruler line is there to leave out.

``tests/loaders/test_paragraphs_compiled.py`` compares them with their pure-Python
references (``paragraphs.py``) on every corpus body and on generated text.
"""

from cpython.mem cimport PyMem_Free, PyMem_Malloc, PyMem_Realloc
from libc.string cimport memchr, memset

from loaders.entities.text2_c cimport newline2
from loaders.entities.text_c cimport join_span_into

from loaders.entities.text_unicode_c cimport (
    Py_UCS1,
    Py_UCS2,
    Py_UNICODE_ISDECIMAL,
    Py_UNICODE_TODECIMAL,
    PyUnicode_DATA,
    PyUnicode_FromStringAndSize,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    chars,
    is_ruler_char,
)

cdef enum:
    MAX_DIGITS = 3
    MAX_PARAGRAPH = 999  # a first number must be below it
    MARK_LETTERS = 4  # letters of a portion mark's first part: (C), (SBU), (FOUO)
    PART_LETTERS = 8  # letters of each part after a slash: (C//NOFORN)
    MAX_PARTS = 3
    MAX_MARK = 40  # 4 + 3 * (2 slashes + 8 letters), spaces left out
    PILCROW = 0xB6


cdef struct Start:
    Py_ssize_t line  # the line's start
    Py_ssize_t text  # where the paragraph's text starts (the match's end)
    Py_ssize_t number
    Py_ssize_t mark  # the portion mark's span (group 2), mark < 0 when none
    Py_ssize_t mark_end
    Py_ssize_t rulers  # lines before its line that can be ruler lines (see ruler_start)


cdef inline Py_ssize_t skip_blanks(const chars* src, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    while i < n and (src[i] == 0x20 or src[i] == 0x09):
        i += 1
    return i


cdef inline bint is_decimal(Py_UCS4 ch) noexcept nogil:
    """``\\d``: a decimal digit (ASCII ones tested without a call)."""
    return 0x30 <= ch <= 0x39 or (ch >= 128 and Py_UNICODE_ISDECIMAL(ch))


cdef inline bint is_letter(Py_UCS4 ch) noexcept nogil:
    return 0x41 <= ch <= 0x5A or 0x61 <= ch <= 0x7A


cdef inline Py_ssize_t letters_end(
    const chars* src, Py_ssize_t i, Py_ssize_t n, Py_ssize_t most
) noexcept nogil:
    """The end of the run of 1 to ``most`` ASCII letters at ``i``, or -1 (none, or more:
    ``[A-Za-z]{1,most}`` never ends before a letter where a blank, slash or ``)`` must
    follow)."""
    cdef Py_ssize_t j = i
    while j < n and is_letter(src[j]):
        j += 1
    return j if 0 < j - i <= most else -1


cdef bint match_mark(const chars* src, Py_ssize_t i, Py_ssize_t n, Start* found) noexcept nogil:
    """``\\([ \\t]*(MARK)[ \\t]*\\)[ \\t]*`` at ``i`` (MARK: letters, then up to three
    ``[ \\t]*/{1,2}[ \\t]*`` parts of letters); on a match, its span into ``found``."""
    cdef Py_ssize_t mark, stop, part, j, slashes
    cdef int parts
    if i >= n or src[i] != 0x28:  # (
        return False
    mark = skip_blanks(src, i + 1, n)
    stop = letters_end(src, mark, n, MARK_LETTERS)
    if stop < 0:
        return False
    for parts in range(MAX_PARTS):
        j = skip_blanks(src, stop, n)
        slashes = 0
        while j < n and src[j] == 0x2F and slashes <= 2:  # /
            j += 1
            slashes += 1
        if not 1 <= slashes <= 2:
            break
        part = letters_end(src, skip_blanks(src, j, n), n, PART_LETTERS)
        if part < 0:
            break
        stop = part
    j = skip_blanks(src, stop, n)
    if j >= n or src[j] != 0x29:  # )
        return False
    found.mark = mark
    found.mark_end = stop
    found.text = skip_blanks(src, j + 1, n)
    return True


cdef bint match_start(const chars* src, Py_ssize_t line, Py_ssize_t n, Start* found) noexcept nogil:
    """``paragraphs._START_AT_LINE`` matched at ``line`` (every part is greedy and the
    next part never starts with what the one before takes, so no backtracking)."""
    cdef Py_ssize_t i = skip_blanks(src, line, n), digits, paren
    cdef Py_UCS4 ch
    if i < n and src[i] == PILCROW:
        i = skip_blanks(src, i + 1, n)
    found.number = 0
    digits = i
    while i < n and is_decimal(src[i]):
        if i - digits == MAX_DIGITS:
            return False
        found.number = found.number * 10 + Py_UNICODE_TODECIMAL(src[i])
        i += 1
    if i == digits:
        return False
    i = skip_blanks(src, i, n)
    if i >= n:
        return False
    if src[i] == 0x2E:  # . then a blank, (, a newline or the end
        i += 1
        if i < n:
            ch = src[i]
            if not (ch == 0x20 or ch == 0x09 or ch == 0x28 or ch == 0x0A):
                return False
    elif src[i] == 0x2C:  # , then blanks and (
        i += 1
        paren = skip_blanks(src, i, n)
        if paren >= n or src[paren] != 0x28:
            return False
    else:
        return False
    found.line = line
    i = skip_blanks(src, i, n)
    if not match_mark(src, i, n, found):
        found.mark = -1
        found.text = i
    return True


cdef inline bint ruler_start(const chars* src, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    """src[i:] starts with four ruler characters: a line whose first characters after
    spaces and tabs are not so is no ruler line (``text_c`` leaves those out)."""
    return (
        i + 4 <= n
        and is_ruler_char(src[i])
        and is_ruler_char(src[i + 1])
        and is_ruler_char(src[i + 2])
        and is_ruler_char(src[i + 3])
    )


cdef Py_ssize_t find_starts(
    const chars* src, Py_ssize_t n, Start** starts, Py_ssize_t* room, Py_ssize_t* rulers
) except -1:
    """The numbered paragraph starts in sequence into ``starts`` (grown as needed);
    their count. ``rulers`` counts the lines that can be ruler lines."""
    cdef Py_ssize_t line = 0, count = 0, expected = -1
    cdef Start found
    cdef Start* grown
    while line <= n:
        if ruler_start(src, skip_blanks(src, line, n), n):  # never a paragraph's line
            rulers[0] += 1
        if match_start(src, line, n, &found) and (
            found.number == expected
            if expected >= 0
            else 0 < found.number < MAX_PARAGRAPH
        ):
            if count == room[0]:
                grown = <Start*>PyMem_Realloc(starts[0], 2 * room[0] * sizeof(Start))
                if grown == NULL:
                    raise MemoryError()
                starts[0] = grown
                room[0] *= 2
            starts[0][count] = found
            starts[0][count].rulers = rulers[0]
            count += 1
            expected = found.number + 1
        line = next_line(src, line, n)
    return count


cdef inline Py_ssize_t next_line(const chars* src, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    """Where the line after the one holding ``i`` starts (past its ``\\n``), or n + 1."""
    cdef const void* found
    if chars is Py_UCS1:
        found = memchr(src + i, 0x0A, n - i) if i < n else NULL
        return n + 1 if found == NULL else <const Py_UCS1*>found - src + 1
    elif chars is Py_UCS2:
        return newline2(src, i, n) + 1 if i < n else n + 1
    else:
        while i < n and src[i] != 0x0A:
            i += 1
        return i + 1


cdef object marking(const chars* src, Start* start, frozenset heads):
    """``normalize_marking`` of the mark: blanks left out, capitals; None unless its
    part before a slash is one of ``heads``."""
    cdef char mark[MAX_MARK]
    cdef Py_ssize_t i, size = 0, head = -1
    cdef unsigned int ch  # an ASCII letter, blank or slash
    memset(mark, 0, MAX_MARK)
    if start.mark < 0:
        return None
    for i in range(start.mark, start.mark_end):
        ch = src[i]
        if ch == 0x20 or ch == 0x09:
            continue
        if ch == 0x2F and head < 0:
            head = size
        mark[size] = <char>(ch - 0x20 if 0x61 <= ch <= 0x7A else ch)
        size += 1
    text = PyUnicode_FromStringAndSize(mark, size)
    if head < 0:
        return text if text in heads else None
    return text if PyUnicode_FromStringAndSize(mark, head) in heads else None


cdef Py_ssize_t starts_of(
    str body, Start** starts, Py_ssize_t* room, Py_ssize_t* rulers
) except -1:
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(body)
    cdef int kind = PyUnicode_KIND(body)
    cdef void* data = PyUnicode_DATA(body)
    if kind == 1:
        return find_starts(<Py_UCS1*>data, n, starts, room, rulers)
    if kind == 2:
        return find_starts(<Py_UCS2*>data, n, starts, room, rulers)
    return find_starts(<Py_UCS4*>data, n, starts, room, rulers)


cdef bint ruler_start_at(str body, Py_ssize_t i):
    """``ruler_start`` at body[i]."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(body)
    cdef int kind = PyUnicode_KIND(body)
    cdef void* data = PyUnicode_DATA(body)
    if kind == 1:
        return ruler_start(<Py_UCS1*>data, i, n)
    if kind == 2:
        return ruler_start(<Py_UCS2*>data, i, n)
    return ruler_start(<Py_UCS4*>data, i, n)


cdef object marking_of(str body, Start* start, frozenset heads):
    cdef int kind = PyUnicode_KIND(body)
    cdef void* data = PyUnicode_DATA(body)
    if kind == 1:
        return marking(<Py_UCS1*>data, start, heads)
    if kind == 2:
        return marking(<Py_UCS2*>data, start, heads)
    return marking(<Py_UCS4*>data, start, heads)


def numbered_starts(str body not None, frozenset heads not None):
    cdef Py_ssize_t room = 16, count, k
    cdef Start* starts = <Start*>PyMem_Malloc(room * sizeof(Start))
    cdef Py_ssize_t rulers = 0
    if starts == NULL:
        raise MemoryError()
    try:
        count = starts_of(body, &starts, &room, &rulers)
        return [
            (starts[k].line, starts[k].text, starts[k].number, marking_of(body, &starts[k], heads))
            for k in range(count)
        ]
    finally:
        PyMem_Free(starts)


def numbered_paragraphs(str body not None, frozenset heads not None, object make not None):
    cdef Py_ssize_t room = 16, count, k, end, n = PyUnicode_GET_LENGTH(body), rulers = 0
    cdef bint ruled
    cdef Start* starts = <Start*>PyMem_Malloc(room * sizeof(Start))
    cdef void* out = NULL  # every paragraph's text is cleaned in it in turn
    cdef list found = []
    if starts == NULL:
        raise MemoryError()
    try:
        count = starts_of(body, &starts, &room, &rulers)
        if count:
            out = PyMem_Malloc(n * PyUnicode_KIND(body) + 1)
            if out == NULL:
                raise MemoryError()
        for k in range(count):
            end = starts[k + 1].line if k + 1 < count else n
            # a line in the span (its text first) that can be a ruler line
            ruled = (
                (starts[k + 1].rulers if k + 1 < count else rulers) > starts[k].rulers
                or ruler_start_at(body, starts[k].text)
            )
            found.append(make(
                starts[k].number,
                marking_of(body, &starts[k], heads),
                join_span_into(body, starts[k].text, end, ruled, out),
            ))
        return (starts[0].line if count else -1), found
    finally:
        PyMem_Free(out)
        PyMem_Free(starts)
