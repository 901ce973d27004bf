# cython: language_level=3
"""Inline helpers of the open-addressing tables keyed by a words tuple's address
(``hits_c.HitCollector``, ``officials_table_c.SegmentTable``; ``cimport`` only): each
table holds the tuples it keys, so no other tuple can have their address while they
are there, and a lookup reads neither the tuple nor its words."""

from cpython.ref cimport PyObject


cdef inline Py_ssize_t table_capacity(Py_ssize_t limit) noexcept nogil:
    """The slots of a table of at most ``limit`` keys: a power of two, at least 2 and
    twice ``limit`` (half full at most, so probes stay short)."""
    cdef Py_ssize_t capacity = 2
    while capacity < 2 * limit:
        capacity *= 2
    return capacity


cdef inline Py_ssize_t address_slot(object words, Py_ssize_t mask) noexcept:
    """Where the probe for ``words`` starts: its address (less the low bits every
    object's has alike) spread by Fibonacci hashing, within ``mask`` (capacity - 1)."""
    return ((<size_t> <PyObject*> words >> 4) * 0x9E3779B97F4A7C15ULL) >> 20 & mask
