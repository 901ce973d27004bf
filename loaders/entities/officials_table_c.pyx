# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""A segment's titled mentions remembered by its words tuple (as written and in
capitals), for the compiled officials reader: the scanner hands the same words tuple
for a run seen before, so a lookup is one probe by address (the table holds the tuple,
so no other tuple can have its address while it is there), without hashing the words as
``functools.lru_cache`` would.

The table follows the lexicon's hit collector (``hits_c.HitCollector``): it is emptied
whenever the collector's table was (its ``generation`` changed), so that emptying the
parser's caches (``loaders.entities.clear_caches``) empties it too; and when full.
"""

from cpython.ref cimport PyObject, Py_INCREF, Py_XDECREF
from libc.stdlib cimport calloc, free

from loaders.entities.hits_table_c cimport address_slot, table_capacity


cdef class SegmentTable:
    """Values per (words tuple, in capitals or not), at most ``limit`` words tuples."""

    def __cinit__(self):
        self.slots = NULL
        self.capacity = self.used = 0

    def __init__(self, Py_ssize_t limit=1 << 14):
        if limit < 1:
            raise ValueError("limit: at least 1")
        self.release()
        free(self.slots)
        self.limit, self.capacity = limit, table_capacity(limit)
        self.slots = <TableSlot*> calloc(self.capacity, sizeof(TableSlot))
        if self.slots == NULL:
            self.capacity = 0
            raise MemoryError("officials_table_c: no memory for the table")

    def __dealloc__(self):
        self.release()
        free(self.slots)

    def __len__(self):
        return self.used

    def clear(self):
        """Forget every value."""
        self.release()

    cdef void release(self) noexcept:
        cdef Py_ssize_t k
        for k in range(self.capacity):
            if self.slots[k].words != NULL:
                Py_XDECREF(self.slots[k].words)
                Py_XDECREF(self.slots[k].found[0])
                Py_XDECREF(self.slots[k].found[1])
                self.slots[k].words = self.slots[k].found[0] = self.slots[k].found[1] = NULL
        self.used = 0

    cdef void follow(self, Py_ssize_t generation) noexcept:
        """Empty the table when ``generation`` (of the hit collector) is not its own."""
        if generation != self.generation:
            self.release()
            self.generation = generation

    cdef Py_ssize_t slot_of(self, object words) noexcept:
        """The slot of ``words``, or the free slot where it would go."""
        cdef Py_ssize_t mask = self.capacity - 1
        cdef Py_ssize_t slot = address_slot(words, mask)
        while self.slots[slot].words != NULL and self.slots[slot].words != <PyObject*> words:
            slot = (slot + 1) & mask
        return slot

    cdef object get(self, object words, bint caps):
        """The value of ``words`` (as written or in capitals), None when unknown."""
        cdef Py_ssize_t slot
        if self.capacity == 0:
            return None
        slot = self.slot_of(words)
        if self.slots[slot].words == NULL or self.slots[slot].found[caps] == NULL:
            return None
        return <object> self.slots[slot].found[caps]

    cdef int put(self, object words, bint caps, object value) except -1:
        """Remember ``value`` for ``words`` (as written or in capitals)."""
        cdef Py_ssize_t slot
        if self.capacity == 0:
            raise ValueError("SegmentTable: not initialised")
        slot = self.slot_of(words)
        if self.slots[slot].words == NULL:
            if self.used >= self.limit:
                self.release()
                slot = self.slot_of(words)
            Py_INCREF(words)
            self.slots[slot].words = <PyObject*> words
            self.used += 1
        Py_INCREF(value)
        Py_XDECREF(self.slots[slot].found[caps])
        self.slots[slot].found[caps] = <PyObject*> value
        return 0
