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
from libc.stdlib cimport free, realloc
from libc.string cimport memcmp, memcpy

from loaders.entities.scan_text_c cimport Py_UCS1, chars


cdef extern from *:
    """
    #include <stdlib.h>
    #include <string.h>
    #if defined(__linux__)
    #include <sys/mman.h>
    #endif
    /* An array of n bytes (zeroed when asked), on huge pages where the system offers
       them (Linux transparent huge pages, madvise mode): the table and its blocks are
       read at random, one 4 KiB page per lookup otherwise, and the page walks showed in
       profiles. NULL: no memory; free() frees it. */
    static void* scan_alloc_table(size_t n, int zeroed) {
        void* p = NULL;
    #if defined(__linux__) && defined(MADV_HUGEPAGE)
        const size_t huge = (size_t)1 << 21;
        if (n >= huge && posix_memalign(&p, huge, n) == 0) {
            madvise(p, n, MADV_HUGEPAGE);
            if (zeroed) memset(p, 0, n);
            return p;
        }
        p = NULL;
    #endif
        return zeroed ? calloc(1, n) : malloc(n);
    }
    """
    void* alloc_table "scan_alloc_table"(size_t n, int zeroed) noexcept nogil


cdef enum:
    CHUNK = 1 << 21  # bytes of each chunk the blocks are cut from


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
    Entry* entry  # its block, in the table's chunks


cdef struct Table:
    Slot* slots
    Py_ssize_t capacity  # a power of two
    Py_ssize_t used  # at most capacity // 2
    # The blocks are cut in order from chunks of CHUNK bytes (one malloc and one free per
    # chunk instead of per run, and the blocks of a table on few pages).
    char** chunks
    Py_ssize_t chunk_count, chunk_room
    char* top  # the free end of the last chunk
    size_t left  # bytes free there


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


cdef inline void* cut_block(Table* table, size_t size) noexcept nogil:
    """``size`` bytes (8-aligned) from the table's chunks, or NULL when out of memory."""
    cdef char** grown
    cdef char* chunk
    cdef size_t room
    size = (size + 7) & ~(<size_t> 7)
    if size > table.left:
        if table.chunk_count == table.chunk_room:
            grown = <char**> realloc(table.chunks, (2 * table.chunk_room + 4) * sizeof(char*))
            if grown == NULL:
                return NULL
            table.chunks, table.chunk_room = grown, 2 * table.chunk_room + 4
        room = size if size > CHUNK else CHUNK
        chunk = <char*> alloc_table(room, 0)
        if chunk == NULL:
            return NULL
        table.chunks[table.chunk_count] = chunk
        table.chunk_count += 1
        table.top, table.left = chunk, room
    chunk = table.top
    table.top += size
    table.left -= size
    return chunk


cdef inline Entry* new_entry(
    Table* table, const chars* s, Py_ssize_t start, Py_ssize_t end, const Piece* pieces,
    Py_ssize_t count,
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
    entry = <Entry*> cut_block(
        table, sizeof(Entry) + count * sizeof(Piece) + size * (sizeof(Py_UCS4) if wide else 1)
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


cdef inline void drop_entry(Entry* entry) noexcept:
    """Drop the references of an entry's pieces."""
    cdef Piece* pieces = pieces_of(entry)
    cdef Py_ssize_t k
    for k in range(entry.count):
        Py_XDECREF(pieces[k].words)
        Py_XDECREF(pieces[k].raw)


cdef inline void empty_table(Table* table) noexcept:
    """Empty every slot (its block's references dropped) and free the chunks."""
    cdef Py_ssize_t k
    for k in range(table.capacity):
        if table.slots[k].hash:
            drop_entry(table.slots[k].entry)
            table.slots[k].hash = 0
            table.slots[k].entry = NULL
    for k in range(table.chunk_count):
        free(table.chunks[k])
    table.chunk_count, table.top, table.left = 0, NULL, 0
    table.used = 0
