# cython: language_level=3
"""The run table of ``scan_c.KeptScanner``, in C (``cimport`` only; no module of its
own): what each run seen yields, found by the run's hash and characters.

A slot holds the run's hash and one block of its own: the run's length, its segments
(offsets in the run, the words tuple and raw text to put in a ``Segment``) and its
characters. A run seen before thus costs the slot, the block and the segments' own
objects, and no Python object is read to recognise it (the table used to point at a
tuple of tuples of the run's text and segments: five objects apart in memory).
"""

from cpython.ref cimport PyObject, Py_XDECREF
from libc.stdint cimport uint64_t
from libc.stdlib cimport free, malloc
from libc.string cimport memcmp, memcpy

from loaders.entities.scan_text_c cimport Py_UCS1, chars


cdef extern from *:
    """
    #include <stdlib.h>
    #include <string.h>
    #if defined(__linux__)
    #include <sys/mman.h>
    #endif
    /* A zeroed array of n bytes, on huge pages where the system offers them (Linux
       transparent huge pages, madvise mode): the table is read at random, one 4 KiB page
       per lookup otherwise, and the page walks showed in profiles. NULL: no memory. */
    static void* scan_alloc_table(size_t n) {
        void* p = NULL;
    #if defined(__linux__) && defined(MADV_HUGEPAGE)
        const size_t huge = (size_t)1 << 21;
        if (n >= huge && posix_memalign(&p, huge, n) == 0) {
            madvise(p, n, MADV_HUGEPAGE);
            memset(p, 0, n);
            return p;
        }
        p = NULL;
    #endif
        return calloc(1, n);
    }
    """
    void* alloc_table "scan_alloc_table"(size_t n) noexcept nogil


cdef struct Piece:
    Py_ssize_t start, end  # offsets in the run
    PyObject* words  # owned: the segment's words (a tuple)
    PyObject* raw  # owned: the segment as written (a str)


cdef struct Entry:
    Py_ssize_t size  # of the run, in characters
    Py_ssize_t count  # of its pieces (segments kept)
    bint wide  # characters stored as Py_UCS4, else as Py_UCS1
    # then ``count`` pieces, then ``size`` characters


cdef struct Slot:
    uint64_t hash  # of the run, 0: a free slot
    Entry* entry  # owned


cdef struct Table:
    Slot* slots
    Py_ssize_t capacity  # a power of two
    Py_ssize_t used  # at most capacity // 2


cdef inline Piece* pieces_of(Entry* entry) noexcept nogil:
    return <Piece*> (entry + 1)


cdef inline void* chars_of(Entry* entry) noexcept nogil:
    return <void*> (pieces_of(entry) + entry.count)


cdef inline bint same_chars(const chars* s, Py_ssize_t start, Entry* entry) noexcept nogil:
    """The entry's run is ``text[start:start + entry.size]``."""
    cdef Py_ssize_t k
    cdef const Py_UCS1* narrow
    cdef const Py_UCS4* wide
    if not entry.wide:
        narrow = <const Py_UCS1*> chars_of(entry)
        if chars is Py_UCS1:
            return memcmp(s + start, narrow, entry.size) == 0
        for k in range(entry.size):
            if s[start + k] != narrow[k]:
                return False
        return True
    wide = <const Py_UCS4*> chars_of(entry)
    for k in range(entry.size):
        if s[start + k] != wide[k]:
            return False
    return True


cdef inline Py_ssize_t find_slot(
    const Table* table, const chars* s, Py_ssize_t start, Py_ssize_t end, uint64_t h
) noexcept nogil:
    """The slot of the run ``text[start:end]`` (hash ``h``, not 0), or the free slot
    where it goes."""
    cdef Py_ssize_t mask = table.capacity - 1, slot = h & mask
    cdef Slot* found
    while True:
        found = &table.slots[slot]
        if found.hash == 0:
            return slot
        if found.hash == h and found.entry.size == end - start and same_chars(s, start, found.entry):
            return slot
        slot = (slot + 1) & mask


cdef inline Entry* new_entry(
    const chars* s, Py_ssize_t start, Py_ssize_t end, const Piece* pieces, Py_ssize_t count
) noexcept nogil:
    """A block of the run ``text[start:end]`` and its ``pieces`` (their references
    taken over), or NULL when out of memory."""
    cdef Py_ssize_t size = end - start, k
    cdef bint wide = False
    cdef Entry* entry
    cdef Py_UCS1* narrow
    cdef Py_UCS4* four
    if chars is not Py_UCS1:
        for k in range(start, end):
            if s[k] > 255:
                wide = True
                break
    entry = <Entry*> malloc(
        sizeof(Entry) + count * sizeof(Piece) + size * (sizeof(Py_UCS4) if wide else 1)
    )
    if entry == NULL:
        return NULL
    entry.size, entry.count, entry.wide = size, count, wide
    memcpy(pieces_of(entry), pieces, count * sizeof(Piece))
    if chars is Py_UCS1:
        memcpy(chars_of(entry), s + start, size)
    elif wide:
        four = <Py_UCS4*> chars_of(entry)
        for k in range(size):
            four[k] = s[start + k]
    else:
        narrow = <Py_UCS1*> chars_of(entry)
        for k in range(size):
            narrow[k] = <Py_UCS1> s[start + k]
    return entry


cdef inline void free_entry(Entry* entry) noexcept:
    cdef Piece* pieces = pieces_of(entry)
    cdef Py_ssize_t k
    for k in range(entry.count):
        Py_XDECREF(pieces[k].words)
        Py_XDECREF(pieces[k].raw)
    free(entry)


cdef inline void empty_table(Table* table) noexcept:
    """Free every slot's block (and drop its references)."""
    cdef Py_ssize_t k
    for k in range(table.capacity):
        if table.slots[k].hash:
            free_entry(table.slots[k].entry)
            table.slots[k].hash = 0
            table.slots[k].entry = NULL
    table.used = 0
