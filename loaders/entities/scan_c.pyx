# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled core of :func:`loaders.entities.scan.scan_segments` (``keep`` given).

The pure-Python version in ``scan.py`` is the reference: this one walks the text once
in C instead of through ``SCANNER.finditer`` and per-run Python, remembers what each
run it has seen yields (:class:`KeptScanner`), and gives the same list of segments
(``tests/loaders/test_scan_compiled.py`` checks it on every corpus body and on
generated text). The walk from word to word is inline in ``scan_text_c.pxd`` (one
specialisation per character width), the hash and filters of a run in ``scan_c.pxd``,
the run table in ``scan_table_c.pxd``, the reading of a new run in ``scan_read_c.pxd``.
"""

from libc.stdint cimport uint8_t, uint64_t
from libc.stdlib cimport free
from libc.string cimport memset

from loaders.entities.inplace_c cimport new_tuple4
from loaders.entities.scan_read_c cimport Pieces, drop_pieces, read_lone, read_several
from loaders.entities.scan_table_c cimport (
    Entry, Piece, Slot, Table, alloc_table, empty_table, find_slot, new_entry, pieces_of,
)
from loaders.entities.scan_text_c cimport (
    Py_UCS1, Py_UCS2, PyUnicode_DATA, PyUnicode_KIND, Spans, chars, fill_word_bytes,
    marks_between, next_upper, walk_run,
)

fill_word_bytes()


cdef extern from *:
    """
    #define scan_prefetch(p) __builtin_prefetch((const void*)(p))
    """
    void prefetch "scan_prefetch"(const void* p) noexcept nogil


cdef enum:
    DEPTH = 8  # runs between finding a run and looking it up (a power of two)
    HALF = 3  # runs between finding a run and fetching its block
    LATE = 5  # runs between finding a run and fetching its segments' objects


cdef struct Run:
    Py_ssize_t start, end
    uint64_t hash


cdef inline void prefetch_objects(Entry* entry) noexcept nogil:
    """Fetch the words and raw text of the entry's segments, whose counts ``Segment``
    will increment."""
    cdef Piece* piece = pieces_of(entry)
    cdef Py_ssize_t k
    for k in range(entry.count):
        prefetch(piece[k].words)
        prefetch(piece[k].raw)


cdef class KeptScanner:
    """:func:`loaders.entities.scan.scan_segments` with one ``keep`` set: the segments
    of a text that may matter.

    What a run yields depends on the run alone, and runs recur across cables (``U.S.``,
    ``Foreign Minister Koumura``): each run seen is remembered (by its characters, in a
    table of at most ``capacity // 2`` runs, emptied when full) with its segments'
    offsets, words and raw text, so a run seen before costs one hash and no new strings;
    a run the bloom filters rule out is neither read nor stored.
    """

    cdef frozenset keep, lone, abbreviations, sentence_starts
    cdef object segment_type
    cdef Table table
    cdef Spans spans  # of the run being read
    cdef Pieces pieces  # of the new run being read
    cdef uint8_t lone_bloom[BLOOM_BYTES]  # lone: the words kept as they are
    cdef uint8_t keep_bloom[BLOOM_BYTES]  # keep: kept less their last character

    def __cinit__(self):
        self.table.slots = NULL
        self.table.capacity = self.table.used = 0
        self.table.chunks, self.table.chunk_count, self.table.chunk_room = NULL, 0, 0
        self.table.top, self.table.left = NULL, 0
        self.spans.data, self.spans.size, self.spans.capacity = NULL, 0, 0
        self.pieces.data, self.pieces.size, self.pieces.capacity = NULL, 0, 0

    def __init__(
        self, frozenset keep, frozenset lone, frozenset abbreviations,
        frozenset sentence_starts, object segment_type, Py_ssize_t capacity=1 << 17,
    ):
        if capacity < 2 or capacity & (capacity - 1):
            raise ValueError("capacity: a power of two, at least 2")
        if not (
            isinstance(segment_type, type)
            and issubclass(segment_type, tuple)
            and segment_type.__basicsize__ == tuple.__basicsize__
            and segment_type.__itemsize__ == tuple.__itemsize__
            and len(getattr(segment_type, "_fields", ())) == 4
        ):
            raise TypeError("segment_type: a named tuple of four fields")
        self.keep, self.lone = keep, lone
        self.abbreviations, self.sentence_starts = abbreviations, sentence_starts
        self.segment_type = segment_type
        memset(self.lone_bloom, 0, sizeof(self.lone_bloom))
        memset(self.keep_bloom, 0, sizeof(self.keep_bloom))
        for word in lone:
            add_to_bloom(self.lone_bloom, word_hash(word))
        for word in keep:
            add_to_bloom(self.keep_bloom, word_hash(word))
        self.release()
        free(self.table.slots)
        self.table.slots = <Slot*> alloc_table(capacity * sizeof(Slot), 1)
        if self.table.slots == NULL:
            self.table.capacity = 0
            raise MemoryError("scan_c: no memory for the run table")
        self.table.capacity = capacity

    def __dealloc__(self):
        self.release()
        free(self.table.slots)
        free(self.table.chunks)
        drop_pieces(&self.pieces)
        free(self.pieces.data)
        free(self.spans.data)

    def clear(self):
        """Forget every run seen."""
        self.release()

    cdef void release(self) noexcept:
        if self.table.slots != NULL:
            empty_table(&self.table)

    def __len__(self):
        return self.table.used

    cdef bint may_hold(
        self, const chars* s, Py_ssize_t start, Py_ssize_t end, uint64_t* h
    ) noexcept:
        """Could the run ``text[start:end]`` (its words in ``self.spans``) yield a
        segment? False when the filters of ``lone`` and ``keep`` rule it out (no word
        kept, as written or less a closing full stop; no mark); else its hash (not 0)
        in ``h[0]``."""
        cdef uint64_t head
        cdef bint lone = self.spans.size == 2
        if (
            not lone
            and not spans_in_bloom(s, self.spans.data, self.spans.size, self.keep_bloom)
            and not marks_between(s, start, end)
        ):
            return False
        h[0] = run_hash(s, start, end, &head)
        if (
            lone
            and not in_bloom(self.lone_bloom, h[0])
            and not in_bloom(self.keep_bloom, head)
            and not marks_between(s, start, end)
        ):
            return False
        if h[0] == 0:
            h[0] = 1  # 0 marks a free slot
        return True

    cdef Entry* entry_of(self, str text, const chars* s, Py_ssize_t n, const Run* run) except NULL:
        """The table entry of ``run``: read (its words walked again) and stored when new."""
        cdef Py_ssize_t slot = find_slot(&self.table, s, run.start, run.end, run.hash)
        cdef Entry* entry
        if self.table.slots[slot].hash:
            return self.table.slots[slot].entry
        walk_run(s, run.start, n, &self.spans)
        drop_pieces(&self.pieces)
        if self.spans.size > 2:
            read_several(
                text, s, run.start, &self.spans, self.keep, self.abbreviations, &self.pieces
            )
        else:
            read_lone(
                text, s, run.start, run.end, self.lone, self.keep, self.sentence_starts,
                &self.pieces,
            )
        if 2 * (self.table.used + 1) > self.table.capacity:  # full: emptied first
            empty_table(&self.table)
            slot = find_slot(&self.table, s, run.start, run.end, run.hash)
        entry = new_entry(
            &self.table, s, run.start, run.end, self.pieces.data, self.pieces.size
        )
        if entry == NULL:
            raise MemoryError("scan_c: no memory for a run")
        self.pieces.size = 0  # the entry owns them now
        self.table.slots[slot].hash = run.hash
        self.table.slots[slot].entry = entry
        self.table.used += 1
        return entry

    cdef int resolve(
        self, str text, const chars* s, Py_ssize_t n, const Run* run, list out
    ) except -1:
        """Append the segments of ``run`` to ``out``."""
        cdef Entry* entry = self.entry_of(text, s, n, run)
        cdef Piece* piece = pieces_of(entry)
        cdef object segment_type = self.segment_type
        cdef Py_ssize_t k
        for k in range(entry.count):
            out.append(new_tuple4(
                segment_type, run.start + piece[k].start, run.start + piece[k].end,
                <object> piece[k].words, <object> piece[k].raw,
            ))
        return 0

    cdef list scan_chars(self, str text, const chars* s, Py_ssize_t n):
        """:meth:`scan` over the characters of ``text`` (one width).

        The runs that pass the filters are looked up ``DEPTH`` runs late: the table slot
        of each is fetched into the cache when it is found, its block and its segments'
        objects a few runs later, so that the lookups rarely wait for memory."""
        cdef Py_ssize_t i = 0, start, end, first = 0, last = 0
        cdef Py_ssize_t mask = self.table.capacity - 1
        cdef list out = []
        cdef uint64_t h
        cdef Run ring[DEPTH]
        cdef Run* run
        cdef Slot* slot
        while True:
            i = next_upper(s, i, n)
            if i >= n:
                break
            start = i
            end = walk_run(s, start, n, &self.spans)
            i = end
            if not self.may_hold(s, start, end, &h):
                continue
            prefetch(&self.table.slots[h & mask])
            run = &ring[last & (DEPTH - 1)]
            run.start, run.end, run.hash = start, end, h
            last += 1
            if last - first > HALF:  # the slot of a run HALF back is cached: its block next
                run = &ring[(last - 1 - HALF) & (DEPTH - 1)]
                slot = &self.table.slots[run.hash & mask]
                if slot.hash == run.hash:
                    prefetch(slot.entry)
            if last - first > LATE:  # the block of a run LATE back is cached: its objects
                run = &ring[(last - 1 - LATE) & (DEPTH - 1)]
                slot = &self.table.slots[run.hash & mask]
                if slot.hash == run.hash:
                    prefetch_objects(slot.entry)
            if last - first == DEPTH:
                self.resolve(text, s, n, &ring[first & (DEPTH - 1)], out)
                first += 1
        while first < last:
            self.resolve(text, s, n, &ring[first & (DEPTH - 1)], out)
            first += 1
        return out

    def scan(self, str text):
        """The segments of ``text`` that may matter, as ``scan.scan_segments`` gives them."""
        cdef int kind = PyUnicode_KIND(text)
        cdef void* data = PyUnicode_DATA(text)
        if self.table.capacity == 0:
            raise ValueError("KeptScanner: not initialised")
        if kind == 1:
            return self.scan_chars(text, <const Py_UCS1*> data, len(text))
        if kind == 2:
            return self.scan_chars(text, <const Py_UCS2*> data, len(text))
        return self.scan_chars(text, <const Py_UCS4*> data, len(text))
