# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled core of :class:`loaders.entities.substrings.NeedleSet`: which of a few
short needles occur in a long text, found in one skipping pass over the text's own
buffer (1, 2 or 4 bytes a character) instead of one ``needle in text`` per needle.

The pass is Wu-Manber's: a window as long as the shortest needle slides over the text
and its last two characters (hashed) say how far it may jump; only where they end the
prefix of some needle are those needles compared. ``substrings.PythonNeedleSet`` is
the reference (``tests/loaders/test_mentions_substrings.py`` compares them).

Texts of 1- and 2-byte characters are read 16 bytes at a time instead (SSE2, see
``occ_simd_c.pxd``): each needle is anchored on its rarest pair of characters (by
the letters' frequency in English text: ``airlift`` on ``if``, ``medevac`` on ``va``)
and only where one of those pairs occurs are its needles compared. English text is full
of the common pairs that cut Wu-Manber's jumps short; the rare pairs barely occur. A
caller that knows its needles may name each one's anchor instead (``anchors``: offsets
of pairs rare in cables and shared between needles, so fewer pairs are compared: the
capability phrases of ``assets.py``); those needles must then be below U+0100 and anchor
at most 16 distinct pairs.
"""

from cpython.unicode cimport Py_UCS1, Py_UCS2, PyUnicode_DATA, PyUnicode_KIND
from libc.stdint cimport uint8_t, uint64_t
from libc.string cimport memset

from loaders.entities.occ_simd_c cimport (
    OCC_MAX_SET, OCC_SIMD, occ_anchors, occ_anchors_block, occ_anchors_init, occ_block_unit,
)
from loaders.entities.unicode_c cimport unit as chars

cdef extern from *:
    int ctz64 "__builtin_ctzll"(unsigned long long x) nogil

cdef enum:
    MOST_NEEDLES = 64
    LONGEST = 64  # characters of one needle
    BUCKETS = 1 << 14  # hashed pairs of characters
    MAX_PAIRS = 16  # anchor pairs: OCC_MAX_SET of occ_simd_c.pxd

if OCC_MAX_SET != MAX_PAIRS:  # pragma: no cover - the two headers disagree
    raise ImportError("substrings_c: MAX_PAIRS is not OCC_MAX_SET")


#: How common a character is in English text (per mille, space included); any other
#: character (capitals, digits, marks) counts as rare. Only the speed depends on it.
_FREQUENCY = dict(zip(
    " etaoinsrhldcumfpgwybvkxjqz\n",
    (180, 100, 75, 65, 62, 57, 57, 52, 50, 42, 33, 32, 23, 23, 20, 18, 16, 16, 15, 14, 12, 8,
     6, 1.5, 1, 1, 0.7, 15),
))


def pair_rarity(str needle, Py_ssize_t k):
    """How likely the pair of characters at ``needle[k]`` is in English text."""
    return _FREQUENCY.get(needle[k], 3) * _FREQUENCY.get(needle[k + 1], 3)


def anchor_of(str needle):
    """The offset of the pair of characters of ``needle`` least likely in English text."""
    return min(range(len(needle) - 1), key=lambda k: pair_rarity(needle, k))


cdef inline Py_ssize_t pair(Py_UCS4 first, Py_UCS4 second) noexcept nogil:
    return ((<Py_ssize_t> first & 0x7F) << 7) | (<Py_ssize_t> second & 0x7F)


cdef inline bint needle_at(
    const chars* data, Py_ssize_t n, Py_ssize_t start, const Py_UCS4* needle, Py_ssize_t size
) noexcept nogil:
    """Does the needle of ``size`` characters occur at ``data[start]`` (``start >= 0``)?"""
    cdef Py_ssize_t j = 0
    if size > n - start:
        return False
    while j < size and data[start + j] == needle[j]:
        j += 1
    return j == size


cdef class NeedleSet:
    """Up to 64 non-empty needles of at most 64 characters, ready to be searched for."""

    cdef readonly tuple needles
    cdef Py_UCS4 chars[MOST_NEEDLES * LONGEST]
    cdef Py_ssize_t sizes[MOST_NEEDLES]
    cdef Py_ssize_t window
    cdef uint8_t shift[BUCKETS]
    cdef uint64_t ends[BUCKETS]  # bit k: needle k's window ends with this pair
    cdef uint64_t every
    cdef Py_ssize_t anchors[MOST_NEEDLES]  # offset of each needle's anchor pair
    cdef unsigned int firsts[MAX_PAIRS]  # the distinct anchor pairs
    cdef unsigned int seconds[MAX_PAIRS]
    cdef uint64_t anchored[MAX_PAIRS]  # bit k: needle k is anchored on pair j
    cdef int pair_count  # -1: too many distinct pairs, Wu-Manber only

    def __init__(self, needles, anchors=None):
        cdef Py_ssize_t k, j, q
        cdef str needle
        self.needles = tuple(needles)
        count = len(self.needles)
        if not 0 < count <= MOST_NEEDLES or not all(
            isinstance(needle, str) and 2 <= len(needle) <= LONGEST for needle in self.needles
        ):
            raise ValueError("1 to 64 needles of 2 to 64 characters")
        if anchors is not None:
            anchors = tuple(anchors)
            if len(anchors) != count or not all(
                ord(c) < 256 for needle in self.needles for c in needle
            ):
                raise ValueError("one anchor per needle, needles below U+0100")
            for k in range(count):
                if not 0 <= anchors[k] < len(self.needles[k]) - 1:
                    raise ValueError(f"anchor {anchors[k]!r} out of {self.needles[k]!r}")
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
        self.pair_count = 0
        for k in range(count):
            needle = self.needles[k]
            self.anchors[k] = anchor_of(needle) if anchors is None else anchors[k]
            self.add_anchor(needle[self.anchors[k]], needle[self.anchors[k] + 1], k)
        if anchors is not None and self.pair_count < 0:
            raise ValueError("more than 16 distinct anchor pairs")

    @property
    def pairs(self):
        """The distinct anchor pairs, in order of first use (none: Wu-Manber only)."""
        return [chr(self.firsts[j]) + chr(self.seconds[j]) for j in range(self.pair_count)]

    cdef void add_anchor(self, Py_UCS4 first, Py_UCS4 second, Py_ssize_t k) noexcept:
        cdef int j
        if self.pair_count < 0:
            return
        for j in range(self.pair_count):
            if self.firsts[j] == first and self.seconds[j] == second:
                self.anchored[j] |= (<uint64_t> 1) << k
                return
        if self.pair_count == MAX_PAIRS:
            self.pair_count = -1
            return
        self.firsts[self.pair_count], self.seconds[self.pair_count] = first, second
        self.anchored[self.pair_count] = (<uint64_t> 1) << k
        self.pair_count += 1

    def occurring(self, str text):
        """The needles that occur in ``text``, in order."""
        cdef int kind = PyUnicode_KIND(text)
        cdef void* data = PyUnicode_DATA(text)
        cdef uint64_t found
        cdef Py_ssize_t k
        if self.needles is None:
            raise ValueError("NeedleSet: not initialised")
        if OCC_SIMD and self.pair_count > 0 and kind == 1:
            found = self.search_anchored(<const Py_UCS1*> data, len(text))
        elif OCC_SIMD and self.pair_count > 0 and kind == 2:
            found = self.search_anchored(<const Py_UCS2*> data, len(text))
        elif kind == 1:
            found = self.search(<const Py_UCS1*> data, len(text))
        elif kind == 2:
            found = self.search(<const Py_UCS2*> data, len(text))
        else:
            found = self.search(<const Py_UCS4*> data, len(text))
        return [self.needles[k] for k in range(len(self.needles)) if (found >> k) & 1]

    cdef uint64_t search(self, const chars* data, Py_ssize_t n) noexcept nogil:
        """The bit set of the needles found in ``data[:n]``."""
        cdef uint64_t found = 0, candidates
        cdef Py_ssize_t end = self.window - 1, start, k, bucket
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
                if needle_at(data, n, start, &self.chars[LONGEST * k], self.sizes[k]):
                    found |= (<uint64_t> 1) << k
                    if found == self.every:
                        return found
            end += 1
        return found

    cdef uint64_t found_at(
        self, const chars* data, Py_ssize_t n, Py_ssize_t at, uint64_t found
    ) noexcept nogil:
        """``found`` with the needles anchored on the pair at ``at`` that occur there."""
        cdef int j
        cdef uint64_t candidates = 0
        cdef Py_ssize_t k, start
        for j in range(self.pair_count):
            if data[at] == self.firsts[j] and data[at + 1] == self.seconds[j]:
                candidates = self.anchored[j] & ~found
                break
        while candidates:
            k = ctz64(candidates)
            candidates &= candidates - 1
            start = at - self.anchors[k]
            if start >= 0 and needle_at(data, n, start, &self.chars[LONGEST * k], self.sizes[k]):
                found |= (<uint64_t> 1) << k
        return found

    cdef uint64_t search_anchored(self, const chars* data, Py_ssize_t n) noexcept nogil:
        """The bit set of the needles found in ``data[:n]`` (1- or 2-byte units), looked
        for only where their anchor pairs occur."""
        cdef occ_anchors anchors
        cdef uint64_t found = 0
        cdef unsigned int mask
        cdef Py_ssize_t i = 0, at
        cdef int width = occ_anchors_init(
            &anchors, self.firsts, self.seconds, self.pair_count, sizeof(chars)
        )
        while i + width < n:  # data[i + width] is read too: the second of the last pair
            mask = occ_anchors_block(&anchors, data + i, sizeof(chars), width)
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
