# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled core of :func:`loaders.entities.lexicon.iter_hits`: the lexicon hits of a
cable's segments, each segment's matches read from a table keyed by its words tuple
(the scanner shares one words tuple among the cables where a run recurs) and each hit
built in place, not through ``tuple.__new__``. A words tuple never seen is matched in
C too (:class:`LexiconMatcher`), not by ``lexicon.match_words``.

``lexicon.collect_hits_python`` and ``lexicon.match_words`` are the references
(``tests/loaders/test_mentions_hits.py`` and ``test_mentions_matcher.py`` compare them
on every corpus body and on generated text).
"""

from cpython.ref cimport PyObject, Py_INCREF, Py_XDECREF
from libc.stdlib cimport calloc, free

from libc.stdint cimport uint8_t, uint64_t
from libc.string cimport memset

from loaders.entities.inplace_c cimport bare_word, new_tuple4
from loaders.entities.lexicon_words_c cimport (
    FNV_PRIME, FNV_START, PyUnicode_DATA, PyUnicode_KIND, PyUnicode_READ,
    WORD_BLOOM_BYTES, add_to_word_bloom, char_at, fnv_prefix, in_word_bloom,
)

cdef inline bint is_possessive(str word, Py_ssize_t n):
    """``word`` (of length ``n``) ends in ``'s``, ``’s`` or ``'S``."""
    cdef Py_UCS4 last, prev
    if n < 2:
        return False
    last, prev = char_at(word, n - 1), char_at(word, n - 2)
    return (last == 115 and (prev == 39 or prev == 0x2019)) or (last == 83 and prev == 39)


cdef class LexiconMatcher:
    """``lexicon.match_words`` in C: (entry, first word, width) of every form of
    ``lexicon`` in a words tuple, longest first, left to right (``first_words``: first
    word → the form lengths starting with it, longest first; ``abbreviations``: words
    whose full stop stays; ``flag_words``: the words :meth:`match_flagged` notes).
    Not cached: the collector remembers its results."""

    cdef dict lexicon, first_words
    cdef frozenset abbreviations
    cdef readonly frozenset flag_words
    cdef uint8_t first_bloom[WORD_BLOOM_BYTES]  # the first words, by their characters
    cdef uint8_t flag_bloom[WORD_BLOOM_BYTES]  # the flag words, by their characters

    def __init__(self, dict lexicon, dict first_words, frozenset abbreviations,
                 frozenset flag_words=frozenset()):
        self.lexicon, self.first_words = lexicon, first_words
        self.abbreviations, self.flag_words = abbreviations, flag_words
        memset(self.first_bloom, 0, sizeof(self.first_bloom))
        for word in first_words:
            add_to_word_bloom(self.first_bloom, fnv_prefix(word, len(word)))
        memset(self.flag_bloom, 0, sizeof(self.flag_bloom))
        for word in flag_words:
            add_to_word_bloom(self.flag_bloom, fnv_prefix(word, len(word)))

    cdef bint may_start(self, str word, Py_ssize_t size, bint* hyphen, uint64_t* full):
        """Could ``word`` (of length ``size``), as written or bare (less a closing full
        stop or possessive), be a first word? False: it is none, without a lookup.
        ``hyphen[0]``: the word holds a hyphen; ``full[0]``: the hash of the word."""
        cdef int kind = PyUnicode_KIND(word)
        cdef void* data = PyUnicode_DATA(word)
        cdef uint64_t h = FNV_START, less_one = FNV_START, less_two = FNV_START
        cdef Py_ssize_t k
        cdef Py_UCS4 c, last = 0, prev = 0
        hyphen[0] = False
        for k in range(size):
            c = PyUnicode_READ(kind, data, k)
            if c == 45:
                hyphen[0] = True
            less_two, less_one = less_one, h
            h = (h ^ <uint64_t> c) * FNV_PRIME
            prev, last = last, c
        full[0] = h
        if in_word_bloom(self.first_bloom, h):
            return True
        if size == 0:
            return False
        if last == 46:  # a closing full stop
            return in_word_bloom(self.first_bloom, less_one)
        if (last == 115 and (prev == 39 or prev == 0x2019)) or (last == 83 and prev == 39):
            return size >= 2 and in_word_bloom(self.first_bloom, less_two)  # 's ’s 'S
        return False

    def __call__(self, tuple words):
        return self.match(words)

    cdef str bare(self, str word):
        """``scan.bare_word``: without a closing full stop or possessive."""
        return bare_word(word, self.abbreviations)

    cdef object match_at(self, tuple words, Py_ssize_t first, tuple widths, Py_ssize_t* got):
        """``lexicon.match_at``: the longest form from ``words[first]``, its width in
        ``got[0]``; None when there is none."""
        cdef Py_ssize_t width, end, n = len(words), size
        cdef str last, key, tail
        cdef object entry
        cdef Py_UCS4 mark
        for item in widths:
            width = item
            end = first + width
            if end > n:
                continue
            last = <str> words[end - 1]
            key = last if width == 1 else " ".join(words[first:end])
            entry = self.lexicon.get(key)
            if entry is None:
                size = len(last)
                mark = char_at(last, size - 1)
                if mark != 46 and mark != 115 and mark != 83:  # . s S
                    continue
                tail = self.bare(last)
                if tail is last:
                    continue
                entry = self.lexicon.get(tail if width == 1 else key[: len(key) - size] + tail)
                if entry is None:
                    continue
            got[0] = width
            return entry
        return None

    cdef tuple match(self, tuple words):
        """The matches of one segment's ``words``."""
        return self.match_flagged(words, NULL)

    cdef bint is_flag_word(self, str word, uint64_t h):
        """``word`` (its hash ``h``) is a flag word; most words the filter rules out."""
        return in_word_bloom(self.flag_bloom, h) and word in self.flag_words

    cdef tuple match_flagged(self, tuple words, bint* flagged):
        """The matches of one segment's ``words``; a word the first-word filter rules
        out is looked up only when it holds a hyphen. ``flagged`` (unless NULL): set
        when a word is a flag word."""
        cdef list found = None
        cdef Py_ssize_t index = 0, n = len(words), width = 0, size, k
        cdef str word, head
        cdef object widths, entry
        cdef bint hyphen
        cdef uint64_t h
        while index < n:
            word = <str> words[index]
            size = len(word)
            widths = None
            if self.may_start(word, size, &hyphen, &h):
                widths = self.first_words.get(word)
                if widths is None and size and (
                    char_at(word, size - 1) == 46 or is_possessive(word, size)
                ):
                    widths = self.first_words.get(self.bare(word))
            if flagged != NULL and not flagged[0] and self.is_flag_word(word, h):
                flagged[0] = True
            if widths:
                entry = self.match_at(words, index, <tuple> widths, &width)
                if entry is not None:
                    if found is None:
                        found = []
                    found.append((entry, index, width))
                    if flagged != NULL and not flagged[0]:
                        for k in range(index + 1, index + width):  # the words not visited
                            if words[k] in self.flag_words:
                                flagged[0] = True
                    index += width
                    continue
            if hyphen:
                head, _, tail = word.partition("-")
                if head and tail:
                    entry = self.lexicon.get(head)
                    if entry is not None:
                        if found is None:
                            found = []
                        found.append((entry, index, 1))
            index += 1
        return () if found is None else tuple(found)


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
        cdef Py_ssize_t slot = ((<size_t> <PyObject*> words >> 4) * 0x9E3779B97F4A7C15ULL) >> 20 & mask
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
