# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled core of :func:`loaders.entities.scan.scan_segments` (``keep`` given).

The pure-Python version in ``scan.py`` is the reference: this one walks the text once
in C instead of through ``SCANNER.finditer`` and per-run Python, remembers what each
run it has seen yields (:class:`KeptScanner`), and gives the same list of segments
(``tests/loaders/test_scan_compiled.py`` checks it on every corpus body and on
generated text). The walk from word to word is inline in ``scan_text_c.pxd``, the
hash and filters of a run in ``scan_c.pxd``, the run table in ``scan_table_c.pxd``.
"""

from cpython.ref cimport PyObject, Py_INCREF, Py_XDECREF
from cpython.tuple cimport PyTuple_New, PyTuple_SET_ITEM
from libc.stdint cimport uint8_t, uint64_t
from libc.stdlib cimport calloc, free, realloc
from libc.string cimport memset

from loaders.entities.inplace_c cimport ends_sentence, new_tuple4
from loaders.entities.scan_table_c cimport (
    Entry, Piece, Slot, Table, empty_table, find_slot, new_entry, pieces_of,
)
from loaders.entities.scan_text_c cimport (
    PyUnicode_DATA, PyUnicode_KIND, Text, at, gap_end, marks_between, next_upper, word_end,
)


cdef class _Spans:
    """A growable C array of token spans (start, end)."""

    cdef Py_ssize_t* data
    cdef Py_ssize_t size
    cdef Py_ssize_t capacity

    def __cinit__(self):
        self.data = NULL
        self.size = 0
        self.capacity = 0

    def __dealloc__(self):
        free(self.data)

    cdef int push(self, Py_ssize_t start, Py_ssize_t end) except -1:
        cdef Py_ssize_t* grown
        if self.size + 2 > self.capacity:
            self.capacity = 2 * self.capacity + 64
            grown = <Py_ssize_t*> realloc(self.data, self.capacity * sizeof(Py_ssize_t))
            if grown == NULL:
                raise MemoryError("scan_c: no memory for token spans")
            self.data = grown
        self.data[self.size] = start
        self.data[self.size + 1] = end
        self.size += 2
        return 0


cdef class _Pieces:
    """A growable C array of the pieces of the run being read (their references owned
    until a table entry takes them over)."""

    cdef Piece* data
    cdef Py_ssize_t size
    cdef Py_ssize_t capacity

    def __cinit__(self):
        self.data = NULL
        self.size = 0
        self.capacity = 0

    def __dealloc__(self):
        self.drop()
        free(self.data)

    cdef void drop(self) noexcept:
        """Forget every piece (their references dropped)."""
        cdef Py_ssize_t k
        for k in range(self.size):
            Py_XDECREF(self.data[k].words)
            Py_XDECREF(self.data[k].raw)
        self.size = 0

    cdef int push(self, Py_ssize_t start, Py_ssize_t end, tuple words, str raw) except -1:
        cdef Piece* grown
        if self.size + 1 > self.capacity:
            self.capacity = 2 * self.capacity + 8
            grown = <Piece*> realloc(self.data, self.capacity * sizeof(Piece))
            if grown == NULL:
                raise MemoryError("scan_c: no memory for segments")
            self.data = grown
        Py_INCREF(words)
        Py_INCREF(raw)
        self.data[self.size].start, self.data[self.size].end = start, end
        self.data[self.size].words = <PyObject*> words
        self.data[self.size].raw = <PyObject*> raw
        self.size += 1
        return 0


cdef bint any_kept(tuple words, Py_ssize_t first, Py_ssize_t last, frozenset keep) except -1:
    cdef Py_ssize_t k
    for k in range(first, last + 1):
        if words[k] in keep:
            return True
    return False


cdef tuple words_of(str text, const Py_ssize_t* span, Py_ssize_t count):
    """The words of a run (their spans in ``span``), as a tuple."""
    cdef tuple words = PyTuple_New(count)
    cdef str word
    cdef Py_ssize_t k
    for k in range(count):
        word = text[span[2 * k] : span[2 * k + 1]]
        Py_INCREF(word)
        PyTuple_SET_ITEM(words, k, word)
    return words


cdef int read_several(
    str text, const Text* t, Py_ssize_t base, _Spans spans, frozenset keep,
    frozenset abbreviations, _Pieces out,
) except -1:
    """Cut a several-word run (word spans in ``spans``, from ``base``) after
    sentence-ending words; keep the segments that may matter (a word in ``keep``, as
    written or less a closing full stop; a mark) as pieces in ``out``."""
    cdef Py_ssize_t count = spans.size // 2, first = 0, k, begin, end
    cdef Py_ssize_t* span = spans.data
    cdef tuple words = words_of(text, span, count)
    cdef bint look = False
    cdef str word
    for k in range(count - 1):
        end = span[2 * k + 1]
        if at(t, end - 1) == 46 and (at(t, end) == 32 or at(t, end) == 10):
            look = True
            break
    for k in range(count):
        word = words[k]
        end = span[2 * k + 1]
        if k < count - 1 and not (
            look and at(t, end - 1) == 46 and ends_sentence(word, abbreviations)
        ):
            continue
        begin = span[2 * first]
        if (
            any_kept(words, first, k, keep)
            or marks_between(t, begin, end)
            or (at(t, end - 1) == 46 and word[: len(word) - 1] in keep)
        ):
            out.push(
                begin - base, end - base,
                words if first == 0 and k == count - 1 else words[first : k + 1],
                text[begin:end],
            )
        first = k + 1
    return 0


cdef extern from *:
    """
    #define scan_prefetch(p) __builtin_prefetch((const void*)(p))
    """
    void prefetch "scan_prefetch"(const void* p) noexcept nogil


cdef enum:
    DEPTH = 8  # runs between finding a run and looking it up
    HALF = 3  # runs between finding a run and fetching its block
    LATE = 5  # runs between finding a run and fetching its segments' objects


cdef inline void prefetch_objects(Entry* entry) noexcept nogil:
    """Fetch the words and raw text of the entry's segments, whose counts ``Segment``
    will increment."""
    cdef Piece* piece = pieces_of(entry)
    cdef Py_ssize_t k
    for k in range(entry.count):
        prefetch(piece[k].words)
        prefetch(piece[k].raw)


cdef struct Run:
    Py_ssize_t start, end
    uint64_t hash


cdef Py_ssize_t walk_run(const Text* t, Py_ssize_t start, _Spans spans) except -1:
    """The end of the run starting at ``start``; its words' spans (connectors too) in
    ``spans``."""
    cdef Py_ssize_t end, nxt
    cdef Py_ssize_t conn[2]
    spans.size = 0
    end = word_end(t, start + 1)
    spans.push(start, end)
    while True:
        nxt = gap_end(t, end, conn)
        if nxt < 0:
            return end
        if conn[0] >= 0:
            spans.push(conn[0], conn[1])
        end = word_end(t, nxt + 1)
        spans.push(nxt, end)


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
    cdef _Pieces pieces  # of the new run being read
    cdef uint8_t lone_bloom[BLOOM_BYTES]  # lone: the words kept as they are
    cdef uint8_t keep_bloom[BLOOM_BYTES]  # keep: kept less their last character

    def __cinit__(self):
        self.table.slots = NULL
        self.table.capacity = self.table.used = 0
        self.pieces = _Pieces()

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
        self.table.slots = <Slot*> calloc(capacity, sizeof(Slot))
        if self.table.slots == NULL:
            self.table.capacity = 0
            raise MemoryError("scan_c: no memory for the run table")
        self.table.capacity = capacity

    def __dealloc__(self):
        self.release()
        free(self.table.slots)

    def clear(self):
        """Forget every run seen."""
        self.release()

    cdef void release(self) noexcept:
        if self.table.slots != NULL:
            empty_table(&self.table)

    def __len__(self):
        return self.table.used

    cdef int read_new(
        self, str text, const Text* t, Py_ssize_t start, Py_ssize_t end, _Spans spans
    ) except -1:
        """The pieces of the new run ``text[start:end]`` (word spans in ``spans``), in
        ``self.pieces``."""
        cdef str run
        self.pieces.drop()
        if spans.size > 2:
            return read_several(
                text, t, start, spans, self.keep, self.abbreviations, self.pieces
            )
        run = text[start:end]
        if (
            marks_between(t, start, end)
            or run in self.lone
            or (run[: len(run) - 1] in self.keep and run not in self.sentence_starts)
        ):
            self.pieces.push(0, end - start, (run,), run)
        return 0

    cdef bint may_hold(
        self, const Text* t, Py_ssize_t start, Py_ssize_t end, _Spans spans, uint64_t* h
    ) noexcept:
        """Could the run ``text[start:end]`` yield a segment? False when the filters of
        ``lone`` and ``keep`` rule it out (no word kept, as written or less a closing full
        stop; no mark); else its hash (not 0) in ``h[0]``."""
        cdef uint64_t head
        if (
            spans.size > 2
            and not spans_in_bloom(t, spans.data, spans.size, self.keep_bloom)
            and not marks_between(t, start, end)
        ):
            return False
        h[0] = run_hash(t, start, end, &head)
        if (
            spans.size == 2
            and not in_bloom(self.lone_bloom, h[0])
            and not in_bloom(self.keep_bloom, head)
            and not marks_between(t, start, end)
        ):
            return False
        if h[0] == 0:
            h[0] = 1  # 0 marks a free slot
        return True

    cdef int resolve(self, str text, const Text* t, const Run* run, _Spans spans, list out) except -1:
        """Append the segments of ``run`` to ``out``: from its table entry, read (its
        words walked again into ``spans``) and stored when new."""
        cdef Py_ssize_t slot = find_slot(&self.table, t, run.start, run.end, run.hash), k
        cdef Entry* entry
        cdef Piece* piece
        cdef object segment_type = self.segment_type
        if self.table.slots[slot].hash:
            entry = self.table.slots[slot].entry
        else:
            walk_run(t, run.start, spans)
            self.read_new(text, t, run.start, run.end, spans)
            entry = new_entry(t, run.start, run.end, self.pieces.data, self.pieces.size)
            if entry == NULL:
                raise MemoryError("scan_c: no memory for a run")
            self.pieces.size = 0  # the entry owns them now
            if 2 * (self.table.used + 1) > self.table.capacity:
                empty_table(&self.table)
                slot = find_slot(&self.table, t, run.start, run.end, run.hash)
            self.table.slots[slot].hash = run.hash
            self.table.slots[slot].entry = entry
            self.table.used += 1
        piece = pieces_of(entry)
        for k in range(entry.count):
            out.append(new_tuple4(
                segment_type, run.start + piece[k].start, run.start + piece[k].end,
                <object> piece[k].words, <object> piece[k].raw,
            ))
        return 0

    def scan(self, str text):
        """The segments of ``text`` that may matter, as ``scan.scan_segments`` gives them.

        The runs that pass the filters are looked up ``DEPTH`` runs late: the table slot
        of each is fetched into the cache when it is found, and its block a few runs
        later, so that the lookups rarely wait for memory."""
        cdef Py_ssize_t n = len(text), i = 0, start, end, first = 0, last = 0
        cdef Py_ssize_t mask = self.table.capacity - 1
        cdef _Spans spans = _Spans()
        cdef list out = []
        cdef uint64_t h
        cdef Run ring[DEPTH]
        cdef Run* run
        cdef Slot* slot
        cdef Text t
        if self.table.capacity == 0:
            raise ValueError("KeptScanner: not initialised")
        t.kind, t.data, t.n = PyUnicode_KIND(text), PyUnicode_DATA(text), n
        while True:
            i = next_upper(&t, i)
            if i >= n:
                break
            start = i
            end = walk_run(&t, start, spans)
            i = end
            if not self.may_hold(&t, start, end, spans, &h):
                continue
            prefetch(&self.table.slots[h & mask])
            run = &ring[last % DEPTH]
            run.start, run.end, run.hash = start, end, h
            last += 1
            if last - first > HALF:  # the slot of a run HALF back is cached: its block next
                run = &ring[(last - 1 - HALF) % DEPTH]
                slot = &self.table.slots[run.hash & mask]
                if slot.hash == run.hash:
                    prefetch(slot.entry)
            if last - first > LATE:  # the block of a run LATE back is cached: its objects
                run = &ring[(last - 1 - LATE) % DEPTH]
                slot = &self.table.slots[run.hash & mask]
                if slot.hash == run.hash:
                    prefetch_objects(slot.entry)
            if last - first == DEPTH:
                self.resolve(text, &t, &ring[first % DEPTH], spans, out)
                first += 1
        while first < last:
            self.resolve(text, &t, &ring[first % DEPTH], spans, out)
            first += 1
        return out
