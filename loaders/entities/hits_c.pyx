# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled core of :func:`loaders.entities.lexicon.iter_hits`: the lexicon hits of a
cable's segments, each segment's matches read from a table keyed by its words tuple
(the scanner shares one words tuple among the cables where a run recurs) and each hit
built in place, not through ``tuple.__new__``.

``lexicon.collect_hits_python`` is the reference (``tests/loaders/test_mentions_hits.py``
compares them on every corpus body and on generated text).
"""

from cpython.ref cimport PyObject, Py_INCREF, Py_XDECREF
from libc.stdlib cimport calloc, free
from cpython.tuple cimport PyTuple_SET_ITEM

cdef extern from *:
    """
    #define hits_alloc_items(kind, n) PyType_GenericAlloc((PyTypeObject*)(kind), (n))
    """
    object hits_alloc_items(object kind, Py_ssize_t n)


cdef inline object new_hit(object kind, object entry, object segment, object first, object width):
    """``kind(entry, segment, first, width)`` for a named tuple ``kind`` of four fields."""
    cdef object hit = hits_alloc_items(kind, 4)
    Py_INCREF(entry)
    PyTuple_SET_ITEM(hit, 0, entry)
    Py_INCREF(segment)
    PyTuple_SET_ITEM(hit, 1, segment)
    Py_INCREF(first)
    PyTuple_SET_ITEM(hit, 2, first)
    Py_INCREF(width)
    PyTuple_SET_ITEM(hit, 3, width)
    return hit


cdef struct Slot:
    PyObject* words  # owned: the words tuple (kept alive, so its address stays its own)
    PyObject* found  # owned: its ((entry, first, width), ...)


cdef class HitCollector:
    """The hits (``hit_type`` tuples: entry, segment, first word, width) of segments,
    from ``match(words)`` (the (entry, first, width) triples of one segment's words),
    remembered for at most ``limit`` words tuples (the table is emptied when full).

    The table is keyed by the words tuple itself (its address: the table holds it, so
    no other tuple can have that address while it is there): the scanner hands the
    same tuple for a run seen before, and a lookup reads neither the tuple nor its words.
    """

    cdef object match, hit_type
    cdef Slot* slots
    cdef Py_ssize_t capacity, limit, used

    def __cinit__(self):
        self.slots = NULL
        self.capacity = 0
        self.used = 0

    def __init__(self, match, hit_type, Py_ssize_t limit=1 << 15):
        if not (
            isinstance(hit_type, type)
            and issubclass(hit_type, tuple)
            and hit_type.__basicsize__ == tuple.__basicsize__
            and hit_type.__itemsize__ == tuple.__itemsize__
            and len(getattr(hit_type, "_fields", ())) == 4
        ):
            raise TypeError("hit_type: a named tuple of four fields")
        if limit < 1:
            raise ValueError("limit: at least 1")
        self.match, self.hit_type, self.limit = match, hit_type, limit
        self.release()
        free(self.slots)
        self.capacity = 2
        while self.capacity < 2 * limit:
            self.capacity *= 2
        self.slots = <Slot*> calloc(self.capacity, sizeof(Slot))
        if self.slots == NULL:
            self.capacity = 0
            raise MemoryError("hits_c: no memory for the match table")

    def __dealloc__(self):
        self.release()
        free(self.slots)

    def clear(self):
        """Forget every segment's matches."""
        self.release()

    cdef void release(self) noexcept:
        cdef Py_ssize_t k
        for k in range(self.capacity):
            if self.slots[k].words != NULL:
                Py_XDECREF(self.slots[k].words)
                Py_XDECREF(self.slots[k].found)
                self.slots[k].words = self.slots[k].found = NULL
        self.used = 0

    def __len__(self):
        return self.used

    cdef tuple matches(self, object words):
        """The remembered matches of ``words``, computed when new."""
        cdef Py_ssize_t mask = self.capacity - 1
        cdef Py_ssize_t slot = ((<size_t> <PyObject*> words >> 4) * 0x9E3779B97F4A7C15ULL) >> 20 & mask
        cdef object found
        while self.slots[slot].words != NULL:
            if self.slots[slot].words == <PyObject*> words:
                return <tuple> self.slots[slot].found
            slot = (slot + 1) & mask
        found = tuple(self.match(words))
        if self.used >= self.limit:
            self.release()
            slot = ((<size_t> <PyObject*> words >> 4) * 0x9E3779B97F4A7C15ULL) >> 20 & mask
        Py_INCREF(words)
        Py_INCREF(found)
        self.slots[slot].words = <PyObject*> words
        self.slots[slot].found = <PyObject*> found
        self.used += 1
        return <tuple> found

    def collect(self, segments):
        """The hits of ``segments``, in order."""
        cdef list hits = []
        cdef object segment, item, hit_type = self.hit_type
        if self.capacity == 0:
            raise ValueError("HitCollector: not initialised")
        for segment in segments:
            for item in self.matches(segment[2]):
                hits.append(new_hit(hit_type, item[0], segment, item[1], item[2]))
        return hits
