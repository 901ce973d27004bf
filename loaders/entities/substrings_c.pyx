# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled core of :class:`loaders.entities.substrings.NeedleSet`: which of a few
short needles occur in a long text, found in one skipping pass over the text's own
buffer (1, 2 or 4 bytes a character) instead of one ``needle in text`` per needle.

The pass is Wu-Manber's: a window as long as the shortest needle slides over the text
and its last two characters (hashed) say how far it may jump; only where they end the
prefix of some needle are those needles compared. ``substrings.PythonNeedleSet`` is
the reference (``tests/loaders/test_mentions_substrings.py`` compares them).
"""

from libc.stdint cimport uint8_t, uint64_t
from libc.string cimport memset

cdef extern from "Python.h":
    ctypedef unsigned char Py_UCS1
    ctypedef unsigned short Py_UCS2
    int PyUnicode_KIND(object text)
    void* PyUnicode_DATA(object text)

cdef extern from *:
    int ctz64 "__builtin_ctzll"(unsigned long long x) nogil

ctypedef fused chars:
    Py_UCS1
    Py_UCS2
    Py_UCS4

cdef enum:
    MOST_NEEDLES = 64
    LONGEST = 64  # characters of one needle
    BUCKETS = 1 << 14  # hashed pairs of characters


cdef inline Py_ssize_t pair(Py_UCS4 first, Py_UCS4 second) noexcept nogil:
    return ((<Py_ssize_t> first & 0x7F) << 7) | (<Py_ssize_t> second & 0x7F)


cdef class NeedleSet:
    """Up to 64 non-empty needles of at most 64 characters, ready to be searched for."""

    cdef readonly tuple needles
    cdef Py_UCS4 chars[MOST_NEEDLES * LONGEST]
    cdef Py_ssize_t sizes[MOST_NEEDLES]
    cdef Py_ssize_t window
    cdef uint8_t shift[BUCKETS]
    cdef uint64_t ends[BUCKETS]  # bit k: needle k's window ends with this pair
    cdef uint64_t every

    def __init__(self, needles):
        cdef Py_ssize_t k, j, q
        cdef str needle
        self.needles = tuple(needles)
        count = len(self.needles)
        if not 0 < count <= MOST_NEEDLES or not all(
            isinstance(needle, str) and 2 <= len(needle) <= LONGEST for needle in self.needles
        ):
            raise ValueError("1 to 64 needles of 2 to 64 characters")
        self.window = min(len(needle) for needle in self.needles)
        memset(self.ends, 0, sizeof(self.ends))
        for q in range(BUCKETS):
            self.shift[q] = self.window - 1
        self.every = 0
        for k in range(count):
            needle = self.needles[k]
            self.sizes[k] = len(needle)
            self.every |= (<uint64_t> 1) << k
            for j in range(len(needle)):
                self.chars[LONGEST * k + j] = needle[j]
            for q in range(1, self.window):
                bucket = pair(needle[q - 1], needle[q])
                self.shift[bucket] = min(self.shift[bucket], self.window - 1 - q)
            self.ends[pair(needle[self.window - 2], needle[self.window - 1])] |= (
                (<uint64_t> 1) << k
            )

    def occurring(self, str text):
        """The needles that occur in ``text``, in order."""
        cdef int kind = PyUnicode_KIND(text)
        cdef void* data = PyUnicode_DATA(text)
        cdef uint64_t found
        cdef Py_ssize_t k
        if self.needles is None:
            raise ValueError("NeedleSet: not initialised")
        if kind == 1:
            found = self.search(<const Py_UCS1*> data, len(text))
        elif kind == 2:
            found = self.search(<const Py_UCS2*> data, len(text))
        else:
            found = self.search(<const Py_UCS4*> data, len(text))
        return [self.needles[k] for k in range(len(self.needles)) if (found >> k) & 1]

    cdef uint64_t search(self, const chars* data, Py_ssize_t n) noexcept nogil:
        """The bit set of the needles found in ``data[:n]``."""
        cdef uint64_t found = 0, candidates
        cdef Py_ssize_t end = self.window - 1, start, k, size, j, bucket
        cdef const Py_UCS4* needle
        while end < n:
            bucket = pair(data[end - 1], data[end])
            if self.shift[bucket]:
                end += self.shift[bucket]
                continue
            start = end - self.window + 1
            candidates = self.ends[bucket] & ~found
            while candidates:
                k = ctz64(candidates)
                candidates &= candidates - 1
                size = self.sizes[k]
                if size > n - start:
                    continue
                needle = &self.chars[LONGEST * k]
                j = 0
                while j < size and data[start + j] == needle[j]:
                    j += 1
                if j == size:
                    found |= (<uint64_t> 1) << k
                    if found == self.every:
                        return found
            end += 1
        return found
