# cython: language_level=3
"""Inline helpers of ``scan_c.pyx``: the text buffer and the character classes of a run
(read in place), the hash and filters of the run table, and the word-level tests of
what a run's segments may match."""

from cpython.ref cimport PyObject, Py_INCREF
from libc.stdint cimport uint8_t, uint64_t

from loaders.entities.inplace_c cimport ends_sentence, new_tuple4


cdef extern from "Python.h":
    ctypedef unsigned char Py_UCS1
    ctypedef unsigned short Py_UCS2
    int PyUnicode_KIND(object text)
    void* PyUnicode_DATA(object text)
    Py_UCS4 PyUnicode_READ(int kind, void* data, Py_ssize_t index) nogil


cdef struct Slot:
    uint64_t hash  # of the run, 0: a free slot
    Py_ssize_t size  # of the run, in characters
    PyObject* run  # owned: the run's text
    PyObject* segments  # owned: ((start, end, words, raw), ...) of its segments


cdef struct Text:
    int kind
    void* data
    Py_ssize_t n


cdef inline Py_UCS4 at(const Text* t, Py_ssize_t i) noexcept nogil:
    return PyUnicode_READ(t.kind, t.data, i)


cdef inline Py_ssize_t next_upper(const Text* t, Py_ssize_t i) noexcept nogil:
    """The first index from ``i`` of a character A-Z, else ``t.n``: the scan between
    runs, one loop per character width."""
    cdef const Py_UCS1* one
    cdef const Py_UCS2* two
    cdef const Py_UCS4* four
    if t.kind == 1:
        one = <const Py_UCS1*> t.data
        while i < t.n and not (65 <= one[i] <= 90):
            i += 1
    elif t.kind == 2:
        two = <const Py_UCS2*> t.data
        while i < t.n and not (65 <= two[i] <= 90):
            i += 1
    else:
        four = <const Py_UCS4*> t.data
        while i < t.n and not (65 <= four[i] <= 90):
            i += 1
    return i


cdef inline bint is_upper(Py_UCS4 c) noexcept:
    return c >= 65 and c <= 90  # A-Z


cdef inline bint is_space(Py_UCS4 c) noexcept:
    return c == 32 or c == 9  # space, tab


cdef inline bint marks_between(const Text* t, Py_ssize_t start, Py_ssize_t end) noexcept:
    """:func:`has_mark` of ``text[start:end]``, read in place."""
    cdef Py_ssize_t k
    cdef Py_UCS4 c
    for k in range(start, end):
        c = at(t, k)
        if c == 45 or c == 39 or c == 0x2019:  # - ' ’
            return True
    return False


cdef inline bint is_word_char(Py_UCS4 c) noexcept:
    if c < 128:
        return (
            (c >= 97 and c <= 122) or (c >= 65 and c <= 90) or (c >= 48 and c <= 57)
            or c == 95 or c == 39 or c == 46 or c == 45 or c == 47 or c == 38
        )
    return c == 0x2019 or c.isalnum()


cdef inline Py_ssize_t word_end(const Text* t, Py_ssize_t i) noexcept:
    """The end of the word going on at ``i``, one loop per character width."""
    cdef const Py_UCS1* one
    cdef const Py_UCS2* two
    if t.kind == 1:
        one = <const Py_UCS1*> t.data
        while i < t.n and is_word_char(one[i]):
            i += 1
    elif t.kind == 2:
        two = <const Py_UCS2*> t.data
        while i < t.n and is_word_char(two[i]):
            i += 1
    else:
        while i < t.n and is_word_char(at(t, i)):
            i += 1
    return i


cdef enum:
    BLOOM_BITS = 1 << 16  # of each filter of the lone-word test
    BLOOM_BYTES = BLOOM_BITS >> 3


cdef inline uint64_t run_hash(
    const Text* t, Py_ssize_t start, Py_ssize_t end, uint64_t* head
) noexcept:
    """FNV-1a of the characters of ``text[start:end]``; ``head[0]``: the same of all but
    the last character."""
    cdef uint64_t h = 14695981039346656037ULL
    cdef Py_ssize_t k
    cdef const Py_UCS1* one
    if t.kind == 1:
        one = <const Py_UCS1*> t.data
        for k in range(start, end - 1):
            h = (h ^ <uint64_t> one[k]) * 1099511628211ULL
    else:
        for k in range(start, end - 1):
            h = (h ^ <uint64_t> at(t, k)) * 1099511628211ULL
    head[0] = h
    return (h ^ <uint64_t> at(t, end - 1)) * 1099511628211ULL


cdef inline uint64_t word_hash(str word):
    """:func:`run_hash` of a whole string."""
    cdef uint64_t h = 14695981039346656037ULL
    cdef Py_UCS4 c
    for c in word:
        h = (h ^ <uint64_t> c) * 1099511628211ULL
    return h


cdef inline bint in_bloom(const uint8_t* bloom, uint64_t h) noexcept:
    h = (h >> 20) & (BLOOM_BITS - 1)
    return (bloom[h >> 3] >> (h & 7)) & 1


cdef inline void add_to_bloom(uint8_t* bloom, uint64_t h) noexcept:
    h = (h >> 20) & (BLOOM_BITS - 1)
    bloom[h >> 3] |= 1 << (h & 7)


cdef inline bint spans_in_bloom(
    const Text* t, const Py_ssize_t* spans, Py_ssize_t size, const uint8_t* bloom
) noexcept:
    """Could a word of a run (``spans[:size]``: start, end pairs), as written or less a
    closing full stop, be in the set of the filter ``bloom``? False: none is."""
    cdef Py_ssize_t k
    cdef uint64_t head, h
    for k in range(0, size, 2):
        h = run_hash(t, spans[k], spans[k + 1], &head)
        if in_bloom(bloom, h) or (at(t, spans[k + 1] - 1) == 46 and in_bloom(bloom, head)):
            return True
    return False


cdef inline bint same_run(const Text* t, Py_ssize_t start, Py_ssize_t end, str run) noexcept:
    """``text[start:end] == run``, read in place."""
    cdef int kind = PyUnicode_KIND(run)
    cdef void* data = PyUnicode_DATA(run)
    cdef Py_ssize_t k
    if len(run) != end - start:
        return False
    for k in range(end - start):
        if PyUnicode_READ(kind, data, k) != at(t, start + k):
            return False
    return True


# Word-level tests of a run's words (Python strings).


cdef inline bint any_kept(words, frozenset keep):
    cdef str word
    for word in words:
        if word in keep:
            return True
    return False


cdef inline bint has_mark(str text):
    """A hyphen or an apostrophe (``NATO-led``, ``CH-47``, ``Japan's``)."""
    return "-" in text or "'" in text or "’" in text


cdef inline bint may_matter(tuple words, str raw, frozenset keep):
    cdef str word
    if any_kept(words, keep) or has_mark(raw):
        return True
    word = words[len(words) - 1]
    return raw[len(raw) - 1] == 46 and word[: len(word) - 1] in keep


cdef inline bint words_may_matter(str run, list words, frozenset keep):
    cdef str word
    if any_kept(words, keep) or has_mark(run):
        return True
    if "." in run:
        for word in words:
            if word[len(word) - 1] == 46 and word[: len(word) - 1] in keep:
                return True
    return False
