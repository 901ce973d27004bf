# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled search of :mod:`loaders.entities.assets` for its lower-case capability
phrases (``airlift``, ``medevac``, ``missile defense`` ...): which of a few needles occur
in a text, as ``[needle for needle in needles if needle in text]``.

``substrings_c.NeedleSet`` answers the same question, each needle anchored on its
rarest pair of characters by the frequency of single letters; for the eleven phrases
that makes nine distinct pairs (``e,`` ``if`` ``y-`` ``va`` ``pp`` ``fu`` ``r-`` ``-I``
``mi``), and every pair costs a comparison per 16 bytes of text. Here the caller names
each needle's anchor, so that phrases share them (``ft`` in the three lifts, ``ef`` in
both refuelings and ``defense``): six pairs, found by the SSE2 walk of
``occ_simd_c.pxd``. Texts of 4-byte characters, or a build without SSE2, are searched
with ``in`` (the reference). ``tests/loaders/test_capabilities_compiled.py`` compares
the two.
"""

from cpython.unicode cimport Py_UCS1, Py_UCS2, PyUnicode_DATA, PyUnicode_KIND
from libc.stdint cimport uint64_t

from loaders.entities.occ_simd_c cimport (
    OCC_MAX_SET, OCC_SIMD, occ_anchors, occ_anchors_block, occ_anchors_init, occ_block_unit,
)
from loaders.entities.unicode_c cimport unit as chars

cdef extern from *:
    int ctz64 "__builtin_ctzll"(unsigned long long x) nogil

cdef enum:
    MOST_NEEDLES = 64
    LONGEST = 64  # characters of one needle
    MAX_PAIRS = 16  # anchor pairs: OCC_MAX_SET of occ_simd_c.pxd

if OCC_MAX_SET != MAX_PAIRS:  # pragma: no cover - the two headers disagree
    raise ImportError("capabilities_c: MAX_PAIRS is not OCC_MAX_SET")


cdef class AnchoredNeedles:
    """Up to 64 needles (2 to 64 characters below U+0100), each with the offset of the
    pair of its characters its search is anchored on; at most 16 distinct pairs."""

    cdef readonly tuple needles
    cdef Py_UCS4 chars[MOST_NEEDLES * LONGEST]
    cdef Py_ssize_t sizes[MOST_NEEDLES]
    cdef Py_ssize_t anchors[MOST_NEEDLES]
    cdef unsigned int firsts[MAX_PAIRS]  # the distinct anchor pairs
    cdef unsigned int seconds[MAX_PAIRS]
    cdef uint64_t anchored[MAX_PAIRS]  # bit k: needle k is anchored on pair j
    cdef int pair_count
    cdef uint64_t every

    def __init__(self, needles, anchors):
        cdef Py_ssize_t k, j
        cdef str needle
        self.needles = tuple(needles)
        anchors = tuple(anchors)
        count = len(self.needles)
        if not 0 < count <= MOST_NEEDLES or len(anchors) != count or not all(
            isinstance(needle, str) and 2 <= len(needle) <= LONGEST
            and all(ord(c) < 256 for c in needle)
            for needle in self.needles
        ):
            raise ValueError("1 to 64 needles of 2 to 64 characters below U+0100")
        self.pair_count = 0
        self.every = 0
        for k in range(count):
            needle = self.needles[k]
            if not 0 <= anchors[k] < len(needle) - 1:
                raise ValueError(f"anchor {anchors[k]!r} out of {needle!r}")
            self.sizes[k] = len(needle)
            self.anchors[k] = anchors[k]
            self.every |= (<uint64_t> 1) << k
            for j in range(len(needle)):
                self.chars[LONGEST * k + j] = needle[j]
            self.add_anchor(needle[anchors[k]], needle[anchors[k] + 1], k)

    cdef int add_anchor(self, Py_UCS4 first, Py_UCS4 second, Py_ssize_t k) except -1:
        cdef int j
        for j in range(self.pair_count):
            if self.firsts[j] == first and self.seconds[j] == second:
                self.anchored[j] |= (<uint64_t> 1) << k
                return 0
        if self.pair_count == MAX_PAIRS:
            raise ValueError("more than 16 distinct anchor pairs")
        self.firsts[self.pair_count], self.seconds[self.pair_count] = first, second
        self.anchored[self.pair_count] = (<uint64_t> 1) << k
        self.pair_count += 1
        return 0

    @property
    def pairs(self):
        """The distinct anchor pairs, in order of first use."""
        return [chr(self.firsts[j]) + chr(self.seconds[j]) for j in range(self.pair_count)]

    def occurring(self, str text not None):
        """The needles that occur in ``text``, in order."""
        cdef int kind = PyUnicode_KIND(text)
        cdef void* data = PyUnicode_DATA(text)
        cdef uint64_t found
        cdef Py_ssize_t k
        if self.needles is None:
            raise ValueError("AnchoredNeedles: not initialised")
        if OCC_SIMD and kind == 1:
            found = self.search(<const Py_UCS1*> data, len(text))
        elif OCC_SIMD and kind == 2:
            found = self.search(<const Py_UCS2*> data, len(text))
        else:
            return [needle for needle in self.needles if needle in text]
        return [self.needles[k] for k in range(len(self.needles)) if (found >> k) & 1]

    cdef uint64_t found_at(
        self, const chars* data, Py_ssize_t n, Py_ssize_t at, uint64_t found
    ) noexcept nogil:
        """``found`` with the needles anchored on the pair at ``at`` that occur there."""
        cdef int j
        cdef uint64_t candidates = 0
        cdef Py_ssize_t k, start, size, i
        cdef const Py_UCS4* needle
        for j in range(self.pair_count):
            if data[at] == self.firsts[j] and data[at + 1] == self.seconds[j]:
                candidates = self.anchored[j] & ~found
                break
        while candidates:
            k = ctz64(candidates)
            candidates &= candidates - 1
            start = at - self.anchors[k]
            size = self.sizes[k]
            if start < 0 or size > n - start:
                continue
            needle = &self.chars[LONGEST * k]
            i = 0
            while i < size and data[start + i] == needle[i]:
                i += 1
            if i == size:
                found |= (<uint64_t> 1) << k
        return found

    cdef uint64_t search(self, const chars* data, Py_ssize_t n) noexcept nogil:
        """The bit set of the needles found in ``data[:n]`` (1- or 2-byte units), looked
        for only where their anchor pairs occur."""
        cdef occ_anchors pairs
        cdef uint64_t found = 0
        cdef unsigned int mask
        cdef Py_ssize_t i = 0, at
        cdef int width = occ_anchors_init(
            &pairs, self.firsts, self.seconds, self.pair_count, sizeof(chars)
        )
        while i + width < n:  # data[i + width] is read too: the second of the last pair
            mask = occ_anchors_block(&pairs, data + i, sizeof(chars), width)
            while mask:
                at = i + occ_block_unit(mask, sizeof(chars), width)
                found = self.found_at(data, n, at, found)
                if found == self.every:
                    return found
                mask &= mask - 1
            i += width
        while i + 1 < n:
            found = self.found_at(data, n, i, found)
            if found == self.every:
                return found
            i += 1
        return found
