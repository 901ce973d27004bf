# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled loops of ``summary.py``:

- ``summary_word(text, start, end)`` is
``summary.summary_word_python(text, start, end)``, where the first ``ummary`` or
``UMMARY`` starts in ``text[start:end]`` (-1 when neither does), found in one pass
that stops at the first (two ``str.find`` calls read the whole text when one of
them is not there) and skips ahead as Horspool's search does;
- ``summary_folded(text, start)`` is ``summary.summary_folded_python(text, start)``:
  where ``summary`` starts at or after ``start`` in any case, as ``re.IGNORECASE``
  reads it (the simple lower case, ``ſ`` as ``s``), or -1;
- ``replace_rulers(text, start, end)`` is ``summary.replace_rulers_python``:
  ``text[start:end]`` with each run of four or more ruler characters (``[-=_*]{4,}``)
  replaced by one space.

``tests/loaders/test_summary_compiled.py`` compares them with their references on
every corpus body and on generated text.
"""

from libc.stdlib cimport free, malloc

from loaders.entities.text_unicode_c cimport (
    Py_UCS1,
    Py_UCS2,
    PyUnicode_DATA,
    PyUnicode_FromKindAndData,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    chars,
    clamp_span,
    fold,
    is_ruler_char,
)

cdef const char* LOWER = b"ummary"
cdef const char* UPPER = b"UMMARY"
cdef enum:
    WORD = 6  # characters of ``ummary``
# Horspool's skip for the two words: how far the window may move when its last
# character is this one (WORD when it is in neither word but as their last letter).
cdef unsigned char SKIP[128]
for _code in range(128):
    SKIP[_code] = WORD
for _k in range(WORD - 1):
    SKIP[<unsigned char>LOWER[_k]] = SKIP[<unsigned char>UPPER[_k]] = WORD - 1 - _k


cdef Py_ssize_t find_word(const chars* src, Py_ssize_t start, Py_ssize_t end) noexcept nogil:
    cdef Py_ssize_t i = start, k
    cdef Py_UCS4 last
    cdef const char* word
    while i + WORD <= end:
        last = src[i + WORD - 1]
        if last == 0x79 or last == 0x59:  # y, Y: the window may hold a word
            word = LOWER if last == 0x79 else UPPER
            k = 0
            while k < WORD - 1 and src[i + k] == <unsigned char>word[k]:
                k += 1
            if k == WORD - 1:
                return i
        i += SKIP[last] if last < 128 else WORD
    return -1


def summary_word(str text not None, Py_ssize_t start, Py_ssize_t end):
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    clamp_span(length, &start, &end)
    if kind == 1:
        return find_word(<Py_UCS1*>data, start, end)
    if kind == 2:
        return find_word(<Py_UCS2*>data, start, end)
    return find_word(<Py_UCS4*>data, start, end)


cdef Py_ssize_t unruled(
    const chars* src, Py_ssize_t start, Py_ssize_t end, chars* out
) noexcept nogil:
    """src[start:end] into ``out`` with each ruler run (four or more ruler characters,
    as long as it goes: the regex is greedy) as one space; the length written."""
    cdef Py_ssize_t i = start, run, n = 0
    while i < end:
        if is_ruler_char(src[i]):
            run = i + 1
            while run < end and is_ruler_char(src[run]):
                run += 1
            if run - i >= 4:
                out[n] = 0x20
                n += 1
            else:
                while i < run:
                    out[n] = src[i]
                    n += 1
                    i += 1
            i = run
        else:
            out[n] = src[i]
            n += 1
            i += 1
    return n


def replace_rulers(str text not None, Py_ssize_t start, Py_ssize_t end):
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef void* out
    cdef Py_ssize_t n
    clamp_span(length, &start, &end)
    if end == start:
        return ""
    out = malloc((end - start) * kind)
    if out == NULL:
        raise MemoryError()
    try:
        if kind == 1:
            n = unruled(<Py_UCS1*>data, start, end, <Py_UCS1*>out)
        elif kind == 2:
            n = unruled(<Py_UCS2*>data, start, end, <Py_UCS2*>out)
        else:
            n = unruled(<Py_UCS4*>data, start, end, <Py_UCS4*>out)
        return PyUnicode_FromKindAndData(kind, out, n)
    finally:
        free(out)


cdef const char* SUMMARY = b"summary"


cdef Py_ssize_t find_folded(const chars* src, Py_ssize_t start, Py_ssize_t end) noexcept nogil:
    cdef Py_ssize_t i, k
    for i in range(start, end - 6):
        k = 0
        while k < 7 and fold(src[i + k]) == <unsigned char>SUMMARY[k]:
            k += 1
        if k == 7:
            return i
    return -1


def summary_folded(str text not None, Py_ssize_t start):
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    start = 0 if start < 0 else start
    if kind == 1:
        return find_folded(<Py_UCS1*>data, start, length)
    if kind == 2:
        return find_folded(<Py_UCS2*>data, start, length)
    return find_folded(<Py_UCS4*>data, start, length)
