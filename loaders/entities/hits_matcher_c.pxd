# cython: language_level=3
"""Declarations of ``hits_matcher_c.pyx``: the compiled lexicon matcher, whose C methods
the hit collector (``hits_c``) calls."""

from libc.stdint cimport uint8_t, uint64_t

from loaders.entities.lexicon_words_c cimport WORD_BLOOM_BYTES


cdef class LexiconMatcher:
    cdef dict lexicon, first_words
    cdef frozenset abbreviations
    cdef readonly frozenset flag_words
    cdef uint8_t first_bloom[WORD_BLOOM_BYTES]  # the first words, by their characters
    cdef uint8_t flag_bloom[WORD_BLOOM_BYTES]  # the flag words, by their characters

    cdef bint may_start(self, str word, Py_ssize_t size, bint* hyphen, uint64_t* full)
    cdef str bare(self, str word)
    cdef object match_at(self, tuple words, Py_ssize_t first, tuple widths, Py_ssize_t* got)
    cdef tuple match(self, tuple words)
    cdef bint is_flag_word(self, str word, uint64_t h)
    cdef tuple match_flagged(self, tuple words, bint* flagged)
