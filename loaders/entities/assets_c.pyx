# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled core of :func:`loaders.entities.assets.designator_words`: the words of the
scanned segments that could be designators (a hyphen followed by a decimal digit, as
``CH-47`` or ``C-130s)``): the hyphenated words of ``segment_filters_c.words_holding``,
each tested by a C loop over its characters instead of a regular expression. The
pure-Python function in ``assets.py`` is the reference
(``tests/loaders/test_assets_designators.py`` compares them).
"""

from cpython.unicode cimport (
    Py_UCS1, Py_UCS2, PyUnicode_1BYTE_KIND, PyUnicode_2BYTE_KIND, PyUnicode_DATA, PyUnicode_KIND,
)
from libc.string cimport memchr

from loaders.entities.unicode_c cimport unit

from loaders.entities.segment_filters_c import words_holding


cdef enum:
    HYPHEN = 45


cdef inline Py_ssize_t hyphen_in(const unit* s, Py_ssize_t start, Py_ssize_t n) noexcept:
    """The offset of the first hyphen of ``s[start:n]``, or -1 (segments and words are
    short: a plain loop, no call per string)."""
    cdef Py_ssize_t i
    cdef const void* found
    if unit is Py_UCS1:
        found = memchr(s + start, HYPHEN, n - start) if start < n else NULL
        return -1 if found == NULL else <const Py_UCS1*> found - s
    else:
        for i in range(start, n):
            if s[i] == HYPHEN:
                return i
        return -1


cdef inline bint dash_digit_in(const unit* s, Py_ssize_t n) noexcept:
    cdef Py_ssize_t at = hyphen_in(s, 0, n)
    cdef Py_UCS4 c
    while 0 <= at < n - 1:
        c = s[at + 1]
        if c.isdecimal():
            return True
        at = hyphen_in(s, at + 1, n)
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
    (only segments whose raw text holds a hyphen are read: ``words_holding``)."""
    return [word for word in words_holding(segments, "-") if has_dash_digit(word)]
