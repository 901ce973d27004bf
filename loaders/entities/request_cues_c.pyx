# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled walk of :mod:`loaders.entities.request_cues`: the offsets of the request
verbs and ``FOR`` marks of a body, as ``occurrences.occurrence_offsets`` gives them.

The request stage looks for a dozen needles (``request``, ``instruct`` ... ``FOR ``) in
every body; ``occurrences_c`` compares each 16-byte block with each needle's rare pair,
one pair after the other. Here the text is read 32 bytes at a time with AVX2 and every
needle is looked for at once by the shuffle filter known as Teddy (Hyperscan): each
needle goes to one of 8 buckets; the low and high halves of each of the first three
characters at an offset look up the buckets whose needles have that half there; an
offset where some bucket is left by all six look-ups may start a needle, and is then
compared with the needles of its first character. The filter finds no occurrence
fewer (a needle's own characters are always in its bucket's tables); the comparison
drops the others.

2-byte text is packed to bytes first (saturated: a character above 255 becomes 255,
which no needle's character equals). 4-byte text, needles of under three characters
or of characters above 255, and a processor without AVX2 take
``occurrences_c.offsets_and_capitalised_after`` instead (same results). Each needle's
occurrences are those of its own ``str.find`` chain: one overlapping the needle's
previous occurrence is skipped (``ready``).
"""

from cpython.unicode cimport (
    Py_UCS1, Py_UCS2, PyUnicode_1BYTE_KIND, PyUnicode_2BYTE_KIND, PyUnicode_DATA, PyUnicode_KIND,
)
from libc.string cimport memset

from loaders.entities.occurrences_c import offsets_and_capitalised_after


cdef extern from *:
    """
    #if defined(__GNUC__) && defined(__x86_64__)
    #include <immintrin.h>
    #define RQ_TEDDY 1
    #define RQ_AVX2 __attribute__((target("avx2")))
    static int rq_has_avx2(void) { __builtin_cpu_init(); return __builtin_cpu_supports("avx2"); }
    #else
    #define RQ_TEDDY 0
    #define RQ_AVX2
    static int rq_has_avx2(void) { return 0; }
    #endif
    #define RQ_BATCH 512

    /* lo[p][h]: the buckets of the needles whose character p has low half h;
       hi[p][h]: ... high half h. */
    typedef struct { unsigned char lo[3][16], hi[3][16]; } rq_tables;

    #if RQ_TEDDY
    RQ_AVX2 static inline __m256i rq_lookup(__m256i x, __m256i lo, __m256i hi) {
        const __m256i low = _mm256_set1_epi8(0x0f);
        __m256i l = _mm256_shuffle_epi8(lo, _mm256_and_si256(x, low));
        __m256i h = _mm256_shuffle_epi8(hi, _mm256_and_si256(_mm256_srli_epi16(x, 4), low));
        return _mm256_and_si256(l, h);
    }
    RQ_AVX2 static inline __m256i rq_packed(const unsigned short* s) {
        __m256i p = _mm256_packus_epi16(_mm256_loadu_si256((const __m256i*) s),
                                        _mm256_loadu_si256((const __m256i*) (s + 16)));
        return _mm256_permute4x64_epi64(p, 0xD8);
    }
    /* The offsets i >= *start (in order) where a needle may start, into out (at most
       RQ_BATCH); *start: where the next call goes on; reads up to s[i + 34]. unit: 1 or 2. */
    RQ_AVX2 static Py_ssize_t rq_candidates(const rq_tables* t, const void* s, int unit,
                                            Py_ssize_t n, Py_ssize_t* start, Py_ssize_t* out) {
        __m256i lo[3], hi[3], x, r;
        Py_ssize_t i = *start, count = 0;
        unsigned int mask;
        int p;
        for (p = 0; p < 3; p++) {
            lo[p] = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i*) t->lo[p]));
            hi[p] = _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i*) t->hi[p]));
        }
        while (i + 34 <= n && count + 32 <= RQ_BATCH) {
            r = _mm256_set1_epi8((char) 0xff);
            for (p = 0; p < 3; p++) {
                x = unit == 1 ? _mm256_loadu_si256((const __m256i*) ((const unsigned char*) s + i + p))
                              : rq_packed((const unsigned short*) s + i + p);
                r = _mm256_and_si256(r, rq_lookup(x, lo[p], hi[p]));
            }
            mask = ~(unsigned int) _mm256_movemask_epi8(_mm256_cmpeq_epi8(r, _mm256_setzero_si256()));
            while (mask) {
                out[count++] = i + __builtin_ctz(mask);
                mask &= mask - 1;
            }
            i += 32;
        }
        *start = i;
        return count;
    }
    #else
    static Py_ssize_t rq_candidates(const rq_tables* t, const void* s, int unit,
                                    Py_ssize_t n, Py_ssize_t* start, Py_ssize_t* out) {
        return 0;
    }
    #endif
    """
    int RQ_TEDDY
    int RQ_BATCH
    int rq_has_avx2()
    ctypedef struct rq_tables:
        unsigned char lo[3][16]
        unsigned char hi[3][16]
    Py_ssize_t rq_candidates(
        const rq_tables* t, const void* s, int unit, Py_ssize_t n, Py_ssize_t* start,
        Py_ssize_t* out,
    ) nogil


cdef enum:
    MAX_NEEDLES = 32
    MAX_SIZE = 32
    NONE = -1
    MAX_TABLES = 16
    BATCH = 512  # RQ_BATCH: the candidates one call of rq_candidates may give

ctypedef fused unit:
    Py_UCS1
    Py_UCS2

if RQ_BATCH != BATCH:  # pragma: no cover - the C and Cython sizes disagree
    raise ImportError("request_cues_c: RQ_BATCH is not BATCH")

#: True when this processor runs the AVX2 walk (else every call takes occurrences_c's).
AVX2 = bool(RQ_TEDDY and rq_has_avx2())


cdef class _Table:
    """The needles, their buckets' shuffle tables and chains by first character."""

    cdef rq_tables t
    cdef Py_UCS4 chars[MAX_NEEDLES][MAX_SIZE]
    cdef Py_ssize_t sizes[MAX_NEEDLES]
    cdef Py_ssize_t ready[MAX_NEEDLES]
    cdef int next[MAX_NEEDLES]
    cdef int heads[256]
    cdef int count
    cdef bint usable  # the Teddy walk can take these needles

    def __cinit__(self, tuple needles):
        cdef int j, p
        cdef Py_ssize_t k
        cdef str needle
        cdef unsigned int c
        memset(&self.t, 0, sizeof(self.t))
        for j in range(256):
            self.heads[j] = NONE
        self.count = len(needles)
        self.usable = 0 < self.count <= MAX_NEEDLES and all(
            3 <= len(needle) <= MAX_SIZE and max(map(ord, needle)) < 255 for needle in needles
        )
        if not self.usable:
            return
        for j in reversed(range(self.count)):
            needle = needles[j]
            self.sizes[j] = len(needle)
            for k in range(len(needle)):
                self.chars[j][k] = needle[k]
            for p in range(3):
                c = self.chars[j][p]
                self.t.lo[p][c & 15] |= 1 << (j & 7)
                self.t.hi[p][c >> 4] |= 1 << (j & 7)
            c = self.chars[j][0]
            self.next[j], self.heads[c] = self.heads[c], j


cdef dict _TABLES = {}


cdef int verify(const unit* s, Py_ssize_t n, Py_ssize_t i, _Table table, list offsets) except -1:
    """Record the needles occurring at ``i`` (each past its previous occurrence)."""
    cdef Py_UCS4 c = s[i]
    cdef int j
    cdef Py_ssize_t k, size
    if c > 255:
        return 0
    j = table.heads[c]
    while j != NONE:
        size = table.sizes[j]
        if i >= table.ready[j] and i + size <= n:
            for k in range(1, size):
                if s[i + k] != table.chars[j][k]:
                    break
            else:
                table.ready[j] = i + size
                offsets.append(i)
        j = table.next[j]
    return 0


cdef int walk(const unit* s, Py_ssize_t n, _Table table, list offsets) except -1:
    cdef Py_ssize_t found[BATCH]
    cdef Py_ssize_t start = 0, count, k, i
    cdef int size = sizeof(unit)
    for k in range(table.count):
        table.ready[k] = 0
    while True:
        count = rq_candidates(&table.t, s, size, n, &start, found)
        for k in range(count):
            verify(s, n, found[k], table, offsets)
        if start + 34 > n:
            break
    for i in range(start, n):
        verify(s, n, i, table, offsets)
    return 0


def needle_offsets(str text, tuple needles):
    """Sorted offsets of every occurrence of each needle (twice where two occur there),
    as ``occurrences.occurrence_offsets(text, needles)`` gives them."""
    cdef _Table table = _TABLES.get(needles)
    cdef int kind = PyUnicode_KIND(text)
    cdef list offsets = []
    if table is None:
        if len(_TABLES) >= MAX_TABLES:
            _TABLES.clear()
        table = _TABLES[needles] = _Table(needles)
    if not AVX2 or not table.usable or kind not in (PyUnicode_1BYTE_KIND, PyUnicode_2BYTE_KIND):
        return offsets_and_capitalised_after(text, needles, ())[0]
    if kind == PyUnicode_1BYTE_KIND:
        walk(<const Py_UCS1*> PyUnicode_DATA(text), len(text), table, offsets)
    else:
        walk(<const Py_UCS2*> PyUnicode_DATA(text), len(text), table, offsets)
    return offsets
