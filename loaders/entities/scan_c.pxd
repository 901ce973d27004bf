# cython: language_level=3
"""Inline helpers of ``scan_c.pyx``: the hash of a run and the bloom filters that drop
hopeless runs before the run table is read."""

from libc.stdint cimport uint8_t, uint64_t

from loaders.entities.scan_text_c cimport chars


cdef enum:
    BLOOM_BITS = 1 << 16  # of each filter of the lone-word test
    BLOOM_BYTES = BLOOM_BITS >> 3


cdef inline uint64_t run_hash(
    const chars* s, Py_ssize_t start, Py_ssize_t end, uint64_t* head
) noexcept nogil:
    """FNV-1a of the characters of ``text[start:end]`` (the same whatever the width
    they are stored in); ``head[0]``: the same of all but the last character."""
    cdef uint64_t h = 14695981039346656037ULL
    cdef Py_ssize_t k
    for k in range(start, end - 1):
        h = (h ^ <uint64_t> s[k]) * 1099511628211ULL
    head[0] = h
    return (h ^ <uint64_t> s[end - 1]) * 1099511628211ULL


cdef inline uint64_t word_hash(str word):
    """:func:`run_hash` of a whole string."""
    cdef uint64_t h = 14695981039346656037ULL
    cdef Py_UCS4 c
    for c in word:
        h = (h ^ <uint64_t> c) * 1099511628211ULL
    return h


cdef inline bint in_bloom(const uint8_t* bloom, uint64_t h) noexcept nogil:
    h = (h >> 20) & (BLOOM_BITS - 1)
    return (bloom[h >> 3] >> (h & 7)) & 1


cdef inline void add_to_bloom(uint8_t* bloom, uint64_t h) noexcept nogil:
    h = (h >> 20) & (BLOOM_BITS - 1)
    bloom[h >> 3] |= 1 << (h & 7)


cdef inline bint spans_in_bloom(
    const chars* s, const Py_ssize_t* spans, Py_ssize_t size, const uint8_t* bloom
) noexcept nogil:
    """Could a word of a run (``spans[:size]``: start, end pairs), as written or less a
    closing full stop, be in the set of the filter ``bloom``? False: none is."""
    cdef Py_ssize_t k
    cdef uint64_t head, h
    for k in range(0, size, 2):
        h = run_hash(s, spans[k], spans[k + 1], &head)
        if in_bloom(bloom, h) or (s[spans[k + 1] - 1] == 46 and in_bloom(bloom, head)):
            return True
    return False
