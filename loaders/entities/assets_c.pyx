# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled core of :func:`loaders.entities.assets.designator_words`: the words of the
scanned segments that could be designators (a hyphen followed by a decimal digit, as
``CH-47`` or ``C-130s)``), picked in one C loop over the segments instead of collecting
every hyphenated word and testing each with a regular expression. The pure-Python
function in ``assets.py`` is the reference (``tests/loaders/test_assets_designators.py``
compares them).
"""

from cpython.unicode cimport (
    Py_UCS1, Py_UCS2, PyUnicode_1BYTE_KIND, PyUnicode_2BYTE_KIND, PyUnicode_DATA, PyUnicode_KIND,
)

from loaders.entities.unicode_c cimport holds_char, unit, unit_find


cdef enum:
    HYPHEN = 45


cdef inline bint dash_digit_in(const unit* s, Py_ssize_t n) noexcept:
    cdef Py_ssize_t at = unit_find(s, 0, n, HYPHEN)
    cdef Py_UCS4 c
    while 0 <= at < n - 1:
        c = s[at + 1]
        if c.isdecimal():
            return True
        at = unit_find(s, at + 1, n, HYPHEN)
    return False


cdef bint has_dash_digit(str word) noexcept:
    """Does ``word`` hold a hyphen followed by a decimal digit (``re``'s ``-\\d``)?"""
    cdef int kind = PyUnicode_KIND(word)
    cdef void* data = PyUnicode_DATA(word)
    cdef Py_ssize_t n = len(word)
    if kind == PyUnicode_1BYTE_KIND:
        return dash_digit_in(<const Py_UCS1*> data, n)
    if kind == PyUnicode_2BYTE_KIND:
        return dash_digit_in(<const Py_UCS2*> data, n)
    return dash_digit_in(<const Py_UCS4*> data, n)


def designator_words(segments):
    """The words of the segments holding a hyphen followed by a decimal digit, in order
    (only segments whose raw text holds a hyphen are read). The loop of
    ``segment_filters_c.words_holding``, with each word tested once: composing the two
    would read every hyphenated word twice (~2 µs a cable)."""
    cdef list found = []
    cdef object segment
    cdef str word, raw
    for segment in segments:
        if not isinstance(segment, tuple):
            raise TypeError("segments: tuples (scan.Segment)")
        raw = (<tuple> segment)[3]
        if not holds_char(raw, HYPHEN):
            continue
        for word in <tuple> (<tuple> segment)[2]:
            if has_dash_digit(word):
                found.append(word)
    return found
