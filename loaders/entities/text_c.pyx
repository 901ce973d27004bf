# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled character loops of the body-text helpers (``text.py``, ``paragraphs.py``).

Each function has a pure-Python reference (``text.py``, ``paragraphs.py``: the
``*_python`` functions) that it must equal and that is used when this module is not
built; ``tests/loaders/test_text_compiled.py`` compares them on every corpus body and
on generated text:

- ``join_words(text, start, end)``: ``" ".join(text[start:end].split())`` (whitespace
  as ``str.split`` reads it: ``Py_UNICODE_ISSPACE``), straight from ``text``;
- ``clean_paragraph_span(text, start, end)``: the same words without the ruler lines
  (``[ \\t]*[-=_*]{4,}[ \\t]*``) and framed headings (ruler, a line of 1 to 80
  characters, ruler; found left to right), when the span holds ``----``, ``====``,
  ``____`` or ``****``.

The read-only scans of body text (letter counts, the first ruler run) are in
``text_scans_c``.

Spans are ``0 <= start <= end <= len(text)`` as callers give them (others are clamped).
"""

from libc.stdlib cimport free, malloc
from libc.string cimport memchr

from loaders.entities.text2_c cimport (
    join_ascii_blocks,
    join_ascii_blocks2,
    newline2,
)
from loaders.entities.text_unicode_c cimport (
    Py_UCS1,
    Py_UCS2,
    Py_UNICODE_ISSPACE,
    PyUnicode_DATA,
    PyUnicode_FromKindAndData,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    chars,
    clamp_span,
    is_ruler_char,
)


cdef inline bint is_blank(Py_UCS4 ch) noexcept nogil:
    return ch == 0x20 or ch == 0x09


# Which Latin-1 characters are whitespace to the word joiner (what ``str.isspace``
# says); characters above U+00FF are whitespace when Py_UNICODE_ISSPACE.
cdef enum:
    SPACE = 1
    RULER_RUN = 4  # equal ruler characters in a row that make a ruler
    MAX_TITLE = 80  # characters of a framed heading's title line
cdef unsigned char CLASSES[256]
for _code in range(256):
    CLASSES[_code] = SPACE if chr(_code).isspace() else 0


cdef inline Py_ssize_t join_step(
    chars* out, Py_ssize_t n, Py_UCS4 ch, unsigned int* gap
) noexcept nogil:
    """Write ``ch`` at out[n] (whitespace as a space); the new length: one more unless
    ``ch`` is whitespace after whitespace (``gap``). Branch-free, so ``out`` needs room
    for one character past what it keeps."""
    cdef unsigned int space
    if chars is Py_UCS1:
        space = CLASSES[ch] & SPACE
    else:
        space = (CLASSES[ch] & SPACE) if ch < 256 else Py_UNICODE_ISSPACE(ch)
    out[n] = <chars>(0x20 if space else ch)
    n += 1 - (space & gap[0])
    gap[0] = space
    return n


cdef inline Py_ssize_t trimmed(const chars* out, Py_ssize_t n) noexcept nogil:
    """The length of out[:n] without its trailing space (whitespace run) if any."""
    return n - 1 if n and out[n - 1] == 0x20 else n


cdef inline Py_ssize_t join_run(
    const chars* src, Py_ssize_t i, Py_ssize_t end, chars* out, Py_ssize_t n,
    unsigned int* gap,
) noexcept nogil:
    """join_step over src[i:end]: 1-byte (2-byte) text by blocks of 16 (8) where it
    can (``text2_c.join_ascii_blocks``), the characters in between one at a time."""
    cdef Py_ssize_t stop
    if chars is Py_UCS1:
        while i < end:
            i = join_ascii_blocks(src, i, end, out, &n, gap)
            stop = i + 16 if i + 16 < end else end
            while i < stop:
                n = join_step(out, n, src[i], gap)
                i += 1
    elif chars is Py_UCS2:
        while i < end:
            i = join_ascii_blocks2(src, i, end, out, &n, gap)
            stop = i + 8 if i + 8 < end else end
            while i < stop:
                n = join_step(out, n, src[i], gap)
                i += 1
    else:
        while i < end:
            n = join_step(out, n, src[i], gap)
            i += 1
    return n


cdef Py_ssize_t join_into(
    const chars* src, Py_ssize_t start, Py_ssize_t end, chars* out
) noexcept nogil:
    """Write the words of src[start:end] joined by one space to ``out`` (room for
    ``end - start`` characters); their length."""
    cdef unsigned int gap = 1
    return trimmed(out, join_run(src, start, end, out, 0, &gap))


cdef bint has_ruler_run(const chars* src, Py_ssize_t start, Py_ssize_t end) noexcept nogil:
    """src[start:end] holds four equal ruler characters in a row."""
    cdef Py_ssize_t i, run = 0
    for i in range(start, end):
        run = run + 1 if i > start and src[i] == src[i - 1] else 1
        if run >= RULER_RUN and is_ruler_char(src[i]):
            return True
    return False


cdef bint is_ruler_line(const chars* src, Py_ssize_t a, Py_ssize_t b) noexcept nogil:
    """src[a:b] is spaces/tabs, at least four ruler characters, spaces/tabs."""
    while a < b and is_blank(src[a]):
        a += 1
    while b > a and is_blank(src[b - 1]):
        b -= 1
    if b - a < RULER_RUN:
        return False
    while a < b:
        if not is_ruler_char(src[a]):
            return False
        a += 1
    return True


cdef inline Py_ssize_t line_end(
    const chars* src, Py_ssize_t start, Py_ssize_t end
) noexcept nogil:
    """Where the line starting at ``start`` ends: its ``\\n``, or ``end``."""
    cdef const void* found
    if chars is Py_UCS1:
        found = memchr(src + start, 0x0A, end - start) if start < end else NULL
        return end if found == NULL else <const Py_UCS1*>found - src
    elif chars is Py_UCS2:
        return newline2(src, start, end) if start < end else start
    else:
        while start < end and src[start] != 0x0A:
            start += 1
        return start


cdef Py_ssize_t ruler_line(
    const chars* src, Py_ssize_t i, Py_ssize_t end, Py_ssize_t* stop
) noexcept nogil:
    """Where the first ruler line of src[i:end] starts (``i`` at a line's start) and, in
    ``stop``, where it ends; ``end`` when there is none."""
    cdef Py_ssize_t first, line_stop
    while i < end:
        first = i
        while first < end and is_blank(src[first]):
            first += 1
        line_stop = line_end(src, first, end)
        if first < end and is_ruler_char(src[first]) and is_ruler_line(src, i, line_stop):
            stop[0] = line_stop
            return i
        i = line_stop + 1
    return end


cdef Py_ssize_t join_paragraph_into(
    const chars* src, Py_ssize_t start, Py_ssize_t end, chars* out, bint* cut
) noexcept nogil:
    """:func:`join_into` without the ruler lines and framed headings (ruler, a line of 1
    to MAX_TITLE characters, ruler; found left to right) of src[start:end], which count
    as whitespace; ``cut`` is set when one is left out without a ruler run in it. The
    text between them is joined in one run."""
    cdef Py_ssize_t i = start, line, stop = 0, title_stop, last_stop, n = 0
    cdef unsigned int gap = 1
    line = ruler_line(src, start, end, &stop)
    if line >= end:
        return join_into(src, start, end, out)
    while True:
        n = join_run(src, i, line, out, n, &gap)  # up to the ruler line
        if line >= end:
            break
        if not has_ruler_run(src, line, stop):
            cut[0] = True
        if stop < end:  # a title line follows
            title_stop = line_end(src, stop + 1, end)
            if title_stop < end and 1 <= title_stop - stop - 1 <= MAX_TITLE:
                last_stop = line_end(src, title_stop + 1, end)
                if is_ruler_line(src, title_stop + 1, last_stop):
                    stop = last_stop
        if stop >= end:
            break
        n = join_step(out, n, src[stop], &gap)  # its newline, whitespace
        i = stop + 1
        line = ruler_line(src, i, end, &stop)
    return trimmed(out, n)


cdef object join_span(str text, Py_ssize_t start, Py_ssize_t end, bint paragraph):
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text)
    cdef void* out
    clamp_span(length, &start, &end)
    if end == start:
        return ""
    out = malloc((end - start) * PyUnicode_KIND(text))
    if out == NULL:
        raise MemoryError()
    try:
        return join_span_into(text, start, end, paragraph, out)
    finally:
        free(out)


cdef object join_span_into(
    str text, Py_ssize_t start, Py_ssize_t end, bint paragraph, void* out
):
    """The words of text[start:end] (``0 <= start <= end <= len(text)``) joined in
    ``out`` (room for ``end - start`` characters of the text's width), as a new str;
    without the ruler lines and framed headings when ``paragraph``."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n
    cdef bint cut = False
    if end <= start:
        return ""
    if paragraph:
        if kind == 1:
            n = join_paragraph_into(<Py_UCS1*>data, start, end, <Py_UCS1*>out, &cut)
            cut = cut and not has_ruler_run(<Py_UCS1*>data, start, end)
        elif kind == 2:
            n = join_paragraph_into(<Py_UCS2*>data, start, end, <Py_UCS2*>out, &cut)
            cut = cut and not has_ruler_run(<Py_UCS2*>data, start, end)
        else:
            n = join_paragraph_into(<Py_UCS4*>data, start, end, <Py_UCS4*>out, &cut)
            cut = cut and not has_ruler_run(<Py_UCS4*>data, start, end)
    if not paragraph or cut:  # rulers are left out only when a ruler run is there
        if kind == 1:
            n = join_into(<Py_UCS1*>data, start, end, <Py_UCS1*>out)
        elif kind == 2:
            n = join_into(<Py_UCS2*>data, start, end, <Py_UCS2*>out)
        else:
            n = join_into(<Py_UCS4*>data, start, end, <Py_UCS4*>out)
    return PyUnicode_FromKindAndData(kind, out, n)


def join_words(str text not None, Py_ssize_t start, Py_ssize_t end):
    return join_span(text, start, end, False)


def clean_paragraph_span(str text not None, Py_ssize_t start, Py_ssize_t end):
    return join_span(text, start, end, True)
