# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled core of :func:`loaders.entities.lexicon.iter_hits`: the lexicon hits of a
cable's segments, each segment's matches read from a table keyed by its words tuple
(the scanner shares one words tuple among the cables where a run recurs) and each hit
built in place, not through ``tuple.__new__``. A words tuple never seen is matched in
C too (``hits_matcher_c.LexiconMatcher``), not by ``lexicon.match_words``.

``lexicon.collect_hits_python`` and ``lexicon.match_words`` are the references
(``tests/loaders/test_mentions_hits.py`` and ``test_mentions_matcher.py`` compare them
on every corpus body and on generated text).
"""

from cpython.ref cimport PyObject, Py_INCREF, Py_XDECREF
from libc.stdlib cimport calloc, free

from libc.stdint cimport uint8_t
from libc.string cimport memset

from loaders.entities.hits_matcher_c cimport LexiconMatcher
from loaders.entities.hits_table_c cimport address_slot, table_capacity
from loaders.entities.inplace_c cimport new_tuple4
from loaders.entities.lexicon_words_c cimport (
    WORD_BLOOM_BYTES, add_to_word_bloom, fnv_prefix, in_word_bloom,
)

cdef struct Slot:
    PyObject* words  # owned: the words tuple (kept alive, so its address stays its own)
    size_t found  # owned: its ((entry, first, width), ...), the low bit: it holds a flag word


cdef inline PyObject* found_of(size_t tagged) noexcept:
    """The matches tuple of a slot, less its flag bit (objects are 8-byte aligned)."""
    return <PyObject*> (tagged & ~(<size_t> 1))


cdef class HitCollector:
    """The hits (``hit_type`` tuples: entry, segment, first word, width) of segments,
    from ``match(words)`` (the (entry, first, width) triples of one segment's words),
    remembered for at most ``limit`` words tuples (the table is emptied when full).

    The table is keyed by the words tuple itself (its address: the table holds it, so
    no other tuple can have that address while it is there): the scanner hands the
    same tuple for a run seen before, and a lookup reads neither the tuple nor its words.
    Each entry also notes whether the words hold one of ``flag_words`` (the officials'
    title heads and honorifics): :meth:`flagged` picks those segments without reading
    their words again.
    """

    cdef object match, hit_type
    cdef readonly frozenset flag_words
    cdef readonly Py_ssize_t generation  # how many times the table was emptied
    cdef tuple last_segments  # the segments of the last ``collect`` (held: no reuse)
    cdef list last_flagged  # and the indices of those holding a flag word
    cdef uint8_t flag_bloom[WORD_BLOOM_BYTES]  # the flag words, by their characters
    cdef LexiconMatcher matcher  # ``match`` when it is one: called without Python
    cdef Slot* slots
    cdef Py_ssize_t capacity, limit, used

    def __cinit__(self):
        self.slots = NULL
        self.capacity = 0
        self.used = 0

    def __init__(self, match, hit_type, Py_ssize_t limit=1 << 15,
                 frozenset flag_words=frozenset()):
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
        self.flag_words = flag_words
        memset(self.flag_bloom, 0, sizeof(self.flag_bloom))
        for word in flag_words:
            add_to_word_bloom(self.flag_bloom, fnv_prefix(word, len(word)))
        self.matcher = match if isinstance(match, LexiconMatcher) else None
        self.release()
        free(self.slots)
        self.capacity = table_capacity(limit)
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
        self.last_segments = self.last_flagged = None

    cdef void release(self) noexcept:
        cdef Py_ssize_t k
        for k in range(self.capacity):
            if self.slots[k].words != NULL:
                Py_XDECREF(self.slots[k].words)
                Py_XDECREF(found_of(self.slots[k].found))
                self.slots[k].words = NULL
                self.slots[k].found = 0
        self.used = 0
        self.generation += 1

    def __len__(self):
        return self.used

    cdef Py_ssize_t slot_of(self, object words) noexcept:
        """The slot of ``words``, or the free slot where it would go."""
        cdef Py_ssize_t mask = self.capacity - 1
        cdef Py_ssize_t slot = address_slot(words, mask)
        while self.slots[slot].words != NULL and self.slots[slot].words != <PyObject*> words:
            slot = (slot + 1) & mask
        return slot

    cdef bint holds_flag_word(self, tuple words):
        """A word of ``words`` is a flag word (most are ruled out by the filter)."""
        cdef object word
        for word in words:
            if (
                in_word_bloom(self.flag_bloom, fnv_prefix(<str?> word, len(<str> word)))
                and word in self.flag_words
            ):
                return True
        return False

    cdef tuple matches(self, object words, bint* flag):
        """The remembered matches of ``words``, computed when new; ``flag[0]``: the
        words hold a flag word."""
        cdef Py_ssize_t slot = self.slot_of(words)
        cdef object found
        cdef bint flagged = False
        if self.slots[slot].words != NULL:
            flag[0] = self.slots[slot].found & 1
            return <tuple> found_of(self.slots[slot].found)
        if self.matcher is not None and self.matcher.flag_words is self.flag_words:
            found = self.matcher.match_flagged(words, &flagged)  # one pass over the words
        else:
            if self.matcher is not None:
                found = self.matcher.match(words)
            else:
                found = tuple(self.match(words))
            flagged = self.holds_flag_word(<tuple?> words)
        if self.used >= self.limit:
            self.release()
            slot = self.slot_of(words)
        Py_INCREF(words)
        Py_INCREF(found)
        self.slots[slot].words = <PyObject*> words
        self.slots[slot].found = <size_t> <PyObject*> found | flagged
        self.used += 1
        flag[0] = flagged
        return <tuple> found

    def flagged(self, segments):
        """The indices of the segments whose words hold a flag word: noted by the last
        ``collect`` when it read these very segments (a list holding the same objects;
        the note is dropped once asked for, so the segments are not held longer), else
        read from the table for words it holds, from the words otherwise."""
        cdef list found = [], noted = self.last_flagged
        cdef Py_ssize_t index = 0, slot, n
        cdef object segment, words
        cdef tuple last = self.last_segments
        if self.capacity == 0:
            raise ValueError("HitCollector: not initialised")
        self.last_segments = self.last_flagged = None
        if last is not None and type(segments) is list and len(<list> segments) == len(last):
            n = len(last)
            while index < n and (<list> segments)[index] is last[index]:
                index += 1
            if index == n:
                return noted
            index = 0
        for segment in segments:
            if not isinstance(segment, tuple):
                raise TypeError("segments: tuples (scan.Segment)")
            words = (<tuple> segment)[2]
            slot = self.slot_of(words)
            if self.slots[slot].words != NULL:
                if self.slots[slot].found & 1:
                    found.append(index)
            elif self.holds_flag_word(<tuple?> words):
                found.append(index)
            index += 1
        return found

    def collect(self, segments):
        """The hits of ``segments``, in order; which segments hold a flag word is noted
        for :meth:`flagged` (the segments are held, so none is another's address)."""
        cdef list hits = [], flagged = []
        cdef object segment, hit_type = self.hit_type
        cdef tuple item
        cdef Py_ssize_t index = 0
        cdef bint flag = False
        if self.capacity == 0:
            raise ValueError("HitCollector: not initialised")
        self.last_segments = self.last_flagged = None
        for segment in segments:
            if not isinstance(segment, tuple):
                raise TypeError("segments: tuples (scan.Segment)")
            for item in self.matches((<tuple> segment)[2], &flag):  # read in place
                hits.append(new_tuple4(hit_type, item[0], segment, item[1], item[2]))
            if flag:
                flagged.append(index)
            index += 1
        if type(segments) is list:
            self.last_segments, self.last_flagged = tuple(<list> segments), flagged
        return hits
