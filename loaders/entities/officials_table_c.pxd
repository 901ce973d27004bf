# cython: language_level=3
"""Declarations of ``officials_table_c.pyx``: the titled mentions of segments, keyed by
their words tuple (for ``officials_c``)."""

from cpython.ref cimport PyObject


cdef struct TableSlot:
    PyObject* words  # owned: the words tuple (kept alive, so its address stays its own)
    PyObject* found[2]  # owned or NULL: its value as written (0) and in capitals (1)


cdef class SegmentTable:
    cdef TableSlot* slots
    cdef Py_ssize_t capacity, limit, used
    cdef readonly Py_ssize_t generation

    cdef Py_ssize_t slot_of(self, object words) noexcept
    cdef object get(self, object words, bint caps)
    cdef int put(self, object words, bint caps, object value) except -1
    cdef void follow(self, Py_ssize_t generation) noexcept
    cdef void release(self) noexcept
