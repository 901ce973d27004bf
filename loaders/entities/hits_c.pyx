# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled core of :func:`loaders.entities.lexicon.iter_hits`: the lexicon hits of a
cable's segments, each segment's matches read from a table keyed by its words (the
scanner shares one words tuple among the cables where a run recurs, so a lookup is an
identity hit) and each hit built in place, not through ``tuple.__new__``.

``lexicon.collect_hits_python`` is the reference (``tests/loaders/test_mentions_hits.py``
compares them on every corpus body and on generated text).
"""

from cpython.ref cimport Py_INCREF
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


cdef class HitCollector:
    """The hits (``hit_type`` tuples: entry, segment, first word, width) of segments,
    from ``match(words)`` (the (entry, first, width) triples of one segment's words),
    remembered for at most ``limit`` words tuples (the table is emptied when full)."""

    cdef object match, hit_type
    cdef dict table
    cdef Py_ssize_t limit

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
        self.table = {}

    def clear(self):
        """Forget every segment's matches."""
        self.table.clear()

    def __len__(self):
        return len(self.table)

    def collect(self, segments):
        """The hits of ``segments``, in order."""
        cdef list hits = []
        cdef dict table = self.table
        cdef object segment, words, found, item, hit_type = self.hit_type
        for segment in segments:
            words = segment[2]
            found = table.get(words)
            if found is None:
                found = tuple(self.match(words))
                if len(table) >= self.limit:
                    table.clear()
                table[words] = found
            for item in <tuple> found:
                hits.append(new_hit(hit_type, item[0], segment, item[1], item[2]))
        return hits
