# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled core of :func:`loaders.entities.scan.scan_segments` (``keep`` given).

The pure-Python version in ``scan.py`` is the reference: this one walks the text once
in C instead of through ``SCANNER.finditer`` and per-run Python, remembers what each
run it has seen yields (:class:`KeptScanner`), and gives the same list of segments
(``tests/loaders/test_scan_compiled.py`` checks it on every corpus body and on
generated text). The character-level helpers are inline in ``scan_c.pxd``. A run
follows ``scan_pattern.SCANNER``:

- a word is ``[A-Z]`` then any of ``\\w ' ’ . - / &`` (``\\w`` as ``re`` reads it on
  ``str``: a Unicode letter or digit, or ``_``);
- words are joined by a gap (spaces/tabs, or spaces/tabs around one line break),
  optionally followed by one connector (``of``, ``da`` ...) and spaces/tabs.
"""

from cpython.ref cimport PyObject, Py_XDECREF
from libc.stdint cimport uint8_t, uint64_t
from libc.stdlib cimport calloc, free, realloc
from libc.string cimport memset


cdef tuple CONNECTORS = (
    "of", "for", "the", "de", "da", "del", "dos", "do", "bin", "ibn", "al", "van",
    "von", "der", "du", "la", "le", "y", "and",
)


cdef Py_ssize_t connector_at(const Text* t, Py_ssize_t q) noexcept:
    """The length of the connector at ``q`` followed by a space or tab, else 0."""
    cdef Py_ssize_t size = 0, k
    cdef str connector
    while q + size < t.n and size < 4 and 97 <= at(t, q + size) <= 122:  # a-z
        size += 1
    if size == 0 or q + size >= t.n or not is_space(at(t, q + size)):
        return 0
    for connector in CONNECTORS:
        if len(connector) != size:
            continue
        for k in range(size):
            if <Py_UCS4> connector[k] != at(t, q + k):
                break
        else:
            return size
    return 0


cdef Py_ssize_t next_word(const Text* t, Py_ssize_t q, Py_ssize_t* conn) noexcept:
    """After a gap ending at ``q``: the start of the next word (an optional connector
    and its spaces first, its span stored in ``conn[0]``, ``conn[1]``), or -1."""
    cdef Py_ssize_t size, r
    conn[0] = -1
    if q >= t.n:
        return -1
    if is_upper(at(t, q)):
        return q
    size = connector_at(t, q)
    if size == 0:
        return -1
    r = q + size
    while r < t.n and is_space(at(t, r)):
        r += 1
    if r < t.n and is_upper(at(t, r)):
        conn[0], conn[1] = q, q + size
        return r
    return -1


cdef Py_ssize_t gap_end(const Text* t, Py_ssize_t p, Py_ssize_t* conn) noexcept:
    """The start of the word joined to the word ending at ``p``, or -1."""
    cdef Py_ssize_t q = p, r
    while q < t.n and is_space(at(t, q)):
        q += 1
    if q > p:
        r = next_word(t, q, conn)
        if r >= 0:
            return r
    if q < t.n and at(t, q) == 10:  # one line break
        q += 1
        while q < t.n and is_space(at(t, q)):
            q += 1
        return next_word(t, q, conn)
    return -1


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


cdef void split_segments(
    str text, Py_ssize_t base, _Spans spans, list words, frozenset keep,
    frozenset abbreviations, list out,
) except *:
    """Cut a several-word run after sentence-ending words; keep what may matter, as
    (start, end, words, raw) with offsets from ``base`` (the run's start)."""
    cdef Py_ssize_t count = len(words), first = 0, k, begin, end
    cdef Py_ssize_t* at = spans.data
    cdef bint look = False
    cdef tuple chunk
    cdef str raw, word
    for k in range(count - 1):
        end = at[2 * k + 1]
        if text[end - 1] == 46 and (text[end] == 32 or text[end] == 10):
            look = True
            break
    for k in range(count):
        word = words[k]
        if k < count - 1 and not (look and word[len(word) - 1] == 46):
            continue
        if k < count - 1 and not ends_sentence(word, abbreviations):
            continue
        begin, end = at[2 * first], at[2 * k + 1]
        raw = text[begin:end]
        chunk = tuple(words[first : k + 1])
        if may_matter(chunk, raw, keep):
            out.append((begin - base, end - base, chunk, raw))
        first = k + 1


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
    cdef Slot* slots
    cdef uint8_t lone_bloom[BLOOM_BYTES]  # lone: the words kept as they are
    cdef uint8_t keep_bloom[BLOOM_BYTES]  # keep: kept less their last character
    cdef Py_ssize_t capacity, used

    def __cinit__(self):
        self.slots = NULL
        self.capacity = 0

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
        free(self.slots)
        self.slots = <Slot*> calloc(capacity, sizeof(Slot))
        if self.slots == NULL:
            self.capacity = 0
            raise MemoryError("scan_c: no memory for the run table")
        self.capacity = capacity

    def __dealloc__(self):
        self.release()
        free(self.slots)

    def clear(self):
        """Forget every run seen."""
        self.release()

    cdef void release(self) noexcept:
        """Empty every slot (their references dropped)."""
        cdef Py_ssize_t k
        for k in range(self.capacity):
            if self.slots[k].hash:
                Py_XDECREF(self.slots[k].run)
                Py_XDECREF(self.slots[k].segments)
                self.slots[k].hash = self.slots[k].size = 0
                self.slots[k].run = self.slots[k].segments = NULL
        self.used = 0

    def __len__(self):
        return self.used

    cdef tuple read_run(self, str text, Py_ssize_t start, Py_ssize_t end, _Spans spans):
        """The segments of the run ``text[start:end]`` (word spans in ``spans``)."""
        cdef str run = text[start:end]
        cdef list found = []
        cdef list words
        cdef Py_ssize_t k
        if spans.size == 2:
            if (
                has_mark(run)
                or run in self.lone
                or (run[: len(run) - 1] in self.keep and run not in self.sentence_starts)
            ):
                return (run, ((0, end - start, (run,), run),))
            return (run, ())
        words = [text[spans.data[k] : spans.data[k + 1]] for k in range(0, spans.size, 2)]
        if words_may_matter(run, words, self.keep):
            split_segments(text, start, spans, words, self.keep, self.abbreviations, found)
        return (run, tuple(found))

    cdef tuple lookup(
        self, str text, const Text* t, Py_ssize_t start, Py_ssize_t end, _Spans spans
    ):
        """The remembered segments of the run ``text[start:end]``, read when new. A run
        the filters of ``lone`` and ``keep`` rule out (no word kept, as written or less a
        closing full stop; no mark) is dropped at once."""
        cdef uint64_t head, h
        cdef Py_ssize_t mask = self.capacity - 1, slot
        cdef object run, segments
        if (
            spans.size > 2
            and not spans_in_bloom(t, spans.data, spans.size, self.keep_bloom)
            and not marks_between(t, start, end)
        ):
            return ()
        h = run_hash(t, start, end, &head)
        if (
            spans.size == 2
            and not in_bloom(self.lone_bloom, h)
            and not in_bloom(self.keep_bloom, head)
            and not marks_between(t, start, end)
        ):
            return ()
        h = h if h else 1  # 0 marks a free slot
        slot = h & mask
        while self.slots[slot].hash:
            if (
                self.slots[slot].hash == h
                and self.slots[slot].size == end - start
                and same_run(t, start, end, <str> self.slots[slot].run)
            ):
                return <tuple> self.slots[slot].segments
            slot = (slot + 1) & mask
        run, segments = self.read_run(text, start, end, spans)
        if 2 * (self.used + 1) > self.capacity:
            self.release()
            slot = h & mask
        Py_INCREF(run)
        Py_INCREF(segments)
        self.slots[slot].hash, self.slots[slot].size = h, end - start
        self.slots[slot].run = <PyObject*> run
        self.slots[slot].segments = <PyObject*> segments
        self.used += 1
        return <tuple> segments

    def scan(self, str text):
        """The segments of ``text`` that may matter, as ``scan.scan_segments`` gives them."""
        cdef Py_ssize_t n = len(text), i = 0, start, end, nxt, rel_start, rel_end
        cdef Py_ssize_t conn[2]
        cdef _Spans spans = _Spans()
        cdef list out = []
        cdef tuple found, words
        cdef str raw
        cdef object segment_type = self.segment_type
        cdef Text t
        if self.capacity == 0:
            raise ValueError("KeptScanner: not initialised")
        t.kind, t.data, t.n = PyUnicode_KIND(text), PyUnicode_DATA(text), n
        while True:
            i = next_upper(&t, i)
            if i >= n:
                break
            start = i
            spans.size = 0
            end = word_end(&t, i + 1)
            spans.push(start, end)
            while True:
                nxt = gap_end(&t, end, conn)
                if nxt < 0:
                    break
                if conn[0] >= 0:
                    spans.push(conn[0], conn[1])
                end = word_end(&t, nxt + 1)
                spans.push(nxt, end)
            i = end
            found = self.lookup(text, &t, start, end, spans)
            for rel_start, rel_end, words, raw in found:
                out.append(new_tuple4(segment_type, start + rel_start, start + rel_end, words, raw))
        return out
