# cython: language_level=3
"""Declarations of ``officials_segment_c.pyx``: the compiled reader of a segment's
titled mentions, its word tables and C methods (``officials_c.MentionReader`` builds on
it)."""

from libc.stdint cimport uint8_t

from loaders.entities.lexicon_words_c cimport WORD_BLOOM_BYTES
from loaders.entities.officials_table_c cimport SegmentTable


cdef class SegmentReader:
    cdef dict lexicon
    cdef frozenset kinds, heads, honorifics, particles, not_names, office_words
    cdef frozenset modifiers, common_words, common_caps, abbreviations, org_words
    cdef frozenset introducers  # title heads and honorifics: a segment worth reading
    cdef uint8_t common_bloom[WORD_BLOOM_BYTES]  # common_words, by their characters
    cdef tuple verbish
    cdef object mention_type, official_type, make_official
    cdef Py_ssize_t max_name, max_caps_name
    cdef readonly SegmentTable table  # the mentions of the segments read, by words tuple

    cdef object new_official(self, str name, object title, object affiliation)
    cdef object new_mention(self, object name_end, object official)
    cdef str bare(self, str word)
    cdef bint ends_sentence(self, str word)
    cdef object affiliation_of(self, str word, bint all_caps)
    cdef bint is_name_word(self, str word, bint all_caps)
    cdef bint is_common(self, str word)
    cdef Py_ssize_t read_name(self, tuple words, Py_ssize_t start, bint all_caps)
    cdef Py_ssize_t read_office(self, tuple words, Py_ssize_t start)
    cdef tuple mention_at(self, tuple words, Py_ssize_t head, bint all_caps)
    cdef tuple read_appositive(self, tuple words, bint all_caps)
    cdef tuple mentions(self, tuple words, bint all_caps)
