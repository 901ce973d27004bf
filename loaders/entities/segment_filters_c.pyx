# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled core of :mod:`loaders.entities.segment_filters`: the segments (or words) of
a cable that an extractor reads, picked in one C loop instead of a Python loop over
every segment. The pure-Python functions there are the reference
(``tests/loaders/test_mentions_segment_filters.py`` compares them).
"""

from loaders.entities.unicode_c cimport holds_char


def indices_naming_any(segments, frozenset words):
    """The indices of the segments with a word in ``words``."""
    cdef list found = []
    cdef Py_ssize_t index = 0
    cdef object segment, word
    for segment in segments:
        if not isinstance(segment, tuple):
            raise TypeError("segments: tuples (scan.Segment)")
        for word in <tuple> (<tuple> segment)[2]:  # read in place: a Segment is a tuple
            if word in words:
                found.append(index)
                break
        index += 1
    return found


def words_holding(segments, str char):
    """The words of the segments that hold ``char`` (one character), in order."""
    cdef list found = []
    cdef Py_UCS4 wanted = char
    cdef object segment
    cdef str word, raw
    for segment in segments:
        if not isinstance(segment, tuple):
            raise TypeError("segments: tuples (scan.Segment)")
        raw = (<tuple> segment)[3]
        if not holds_char(raw, wanted):
            continue
        for word in <tuple> (<tuple> segment)[2]:
            if holds_char(word, wanted):
                found.append(word)
    return found
