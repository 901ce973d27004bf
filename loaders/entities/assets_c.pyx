# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled core of :func:`loaders.entities.assets.designator_words`: the words of the
scanned segments that could be designators (a hyphen followed by a decimal digit, as
``CH-47`` or ``C-130s)``), picked in one C loop over the segments instead of collecting
every hyphenated word and testing each with a regular expression. The pure-Python
function in ``assets.py`` is the reference (``tests/loaders/test_assets_designators.py``
compares them).
"""

cdef extern from "Python.h":
    Py_ssize_t PyUnicode_FindChar(object text, Py_UCS4 ch, Py_ssize_t start,
                                  Py_ssize_t end, int direction) except -2


cdef bint has_dash_digit(str word):
    """Does ``word`` hold a hyphen followed by a decimal digit (``re``'s ``-\\d``)?"""
    cdef Py_ssize_t at = PyUnicode_FindChar(word, 45, 0, len(word), 1)
    cdef Py_UCS4 c
    while 0 <= at < len(word) - 1:
        c = word[at + 1]
        if c.isdecimal():
            return True
        at = PyUnicode_FindChar(word, 45, at + 1, len(word), 1)
    return False


def designator_words(segments):
    """The words of the segments holding a hyphen followed by a decimal digit, in order
    (only segments whose raw text holds a hyphen are read)."""
    cdef list found = []
    cdef object segment
    cdef str word, raw
    for segment in segments:
        if not isinstance(segment, tuple):
            raise TypeError("segments: tuples (scan.Segment)")
        raw = (<tuple> segment)[3]
        if PyUnicode_FindChar(raw, 45, 0, len(raw), 1) < 0:
            continue
        for word in <tuple> (<tuple> segment)[2]:
            if has_dash_digit(word):
                found.append(word)
    return found
