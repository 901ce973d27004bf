# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled core of :func:`loaders.entities.geo.marked_words`: the offsets of the place
nouns (`` province``, `` District`` ...) and the lone capitalised words just past
`` in `` / ``\\nin `` / `` near ``, found in one walk over the text.

The shared walk (``occurrences_c``) takes any needles: for these seven it compares seven
runs of four characters a block. Every one of them starts with a space or a newline
then ``in `` ``nea`` ``pro`` or ``dis`` (the ``i n p d`` read with bit 0x20 set): a
block of 16 units is filtered by those four characters at once (SSE2; 2-byte units
packed to bytes, saturated: a character of 256 or more matches none), and where the
mask says one may start, the one needle its first two characters name is compared. Each needle's occurrences are the ones its own
``str.find`` chain finds (an occurrence overlapping the needle's previous one is
skipped). 4-byte texts and machines without SSE2 read every offset.

The pure-Python ``geo.marked_words_python`` is the reference
(``tests/loaders/test_geo_places_compiled.py`` compares them).
"""

from cpython.unicode cimport (
    Py_UCS1, Py_UCS2, Py_UNICODE_ISSPACE, Py_UNICODE_ISUPPER, PyUnicode_1BYTE_KIND,
    PyUnicode_2BYTE_KIND, PyUnicode_DATA, PyUnicode_KIND,
)

from loaders.entities.occ_needles_c cimport is_capital_word, word_end
from loaders.entities.unicode_c cimport unit


cdef extern from *:
    """
    #if defined(__SSE2__)
    #include <emmintrin.h>
    #define PLC_SIMD 1
    static inline __m128i plc_load(const void* s) { return _mm_loadu_si128((const __m128i*) s); }
    static inline __m128i plc_eq(__m128i a, char c) { return _mm_cmpeq_epi8(a, _mm_set1_epi8(c)); }
    /* Bit k: the units at k, k + 1, k + 2, k + 3 may start a needle (b with 0x20 set). */
    static inline unsigned int plc_mask(__m128i a, __m128i b, __m128i c, __m128i d) {
        __m128i m0 = _mm_or_si128(plc_eq(a, ' '), plc_eq(a, '\\n'));
        __m128i hit, ne, pr, di;
        b = _mm_or_si128(b, _mm_set1_epi8(0x20));
        hit = _mm_and_si128(_mm_and_si128(plc_eq(b, 'i'), plc_eq(c, 'n')), plc_eq(d, ' '));
        ne = _mm_and_si128(_mm_and_si128(plc_eq(b, 'n'), plc_eq(c, 'e')), plc_eq(d, 'a'));
        pr = _mm_and_si128(_mm_and_si128(plc_eq(b, 'p'), plc_eq(c, 'r')), plc_eq(d, 'o'));
        di = _mm_and_si128(_mm_and_si128(plc_eq(b, 'd'), plc_eq(c, 'i')), plc_eq(d, 's'));
        hit = _mm_or_si128(_mm_or_si128(hit, ne), _mm_or_si128(pr, di));
        return (unsigned int) _mm_movemask_epi8(_mm_and_si128(m0, hit));
    }
    /* 16 units of 1 byte at s (reads s[0:19]). */
    static inline unsigned int plc_mask1(const unsigned char* s) {
        return plc_mask(plc_load(s), plc_load(s + 1), plc_load(s + 2), plc_load(s + 3));
    }
    static inline __m128i plc_packed(const unsigned short* s) {
        return _mm_packus_epi16(plc_load(s), plc_load(s + 8));
    }
    /* 16 units of 2 bytes at s (reads s[0:19]). */
    static inline unsigned int plc_mask2(const unsigned short* s) {
        return plc_mask(plc_packed(s), plc_packed(s + 1), plc_packed(s + 2), plc_packed(s + 3));
    }
    static inline int plc_lowest(unsigned int m) { return __builtin_ctz(m); }
    #else
    #define PLC_SIMD 0
    static inline unsigned int plc_mask1(const unsigned char* s) { return 0xFFFFu; }
    static inline unsigned int plc_mask2(const unsigned short* s) { return 0xFFFFu; }
    static inline int plc_lowest(unsigned int m) { int k = 0; while (!(m & 1u)) { m >>= 1; k++; } return k; }
    #endif
    """
    bint PLC_SIMD
    unsigned int plc_mask1(const Py_UCS1* s) noexcept nogil
    unsigned int plc_mask2(const Py_UCS2* s) noexcept nogil
    int plc_lowest(unsigned int m) noexcept nogil


cdef enum:
    COUNT = 7  # needles
    NOUNS = 4  # the first four report their offsets; the others the word past them
    LONGEST = 9

#: The needles: geo._NOUN_MARKS, then geo._PREPOSITIONS (the module checks they agree).
NEEDLES = (" province", " district", " Province", " District", " in ", "\nin ", " near ")
cdef Py_UCS4 CHARS[COUNT][LONGEST]
cdef Py_ssize_t SIZES[COUNT]
for _j, _needle in enumerate(NEEDLES):
    SIZES[_j] = len(_needle)
    for _k, _c in enumerate(_needle):
        CHARS[_j][_k] = ord(_c)


cdef inline int needle_of(Py_UCS4 first, Py_UCS4 second) noexcept:
    """The needle starting with these two characters (they differ in their first two),
    or -1."""
    if first == 10:
        return 5 if second == 105 else -1  # "\\nin "
    if first != 32:
        return -1
    if second == 112:  # p
        return 0
    if second == 100:  # d
        return 1
    if second == 80:  # P
        return 2
    if second == 68:  # D
        return 3
    if second == 105:  # i
        return 4
    if second == 110:  # n
        return 6
    return -1


cdef int at(
    str text, const unit* s, Py_ssize_t n, Py_ssize_t i, Py_ssize_t* ready, list nouns,
    list words,
) except -1:
    """Record the needle occurring at ``i`` (if any): a noun's offset, or the lone
    capitalised word past a preposition."""
    cdef int j = needle_of(s[i], s[i + 1]) if i + 1 < n else -1
    cdef Py_ssize_t k, end, stop
    if j < 0 or i < ready[j] or i + SIZES[j] > n:
        return 0
    for k in range(2, SIZES[j]):
        if s[i + k] != CHARS[j][k]:
            return 0
    end = ready[j] = i + SIZES[j]
    if j < NOUNS:
        nouns.append(i)
    elif is_capital_word(s, n, end):
        stop = word_end(s, n, end + 2)
        if not (stop + 1 < n and Py_UNICODE_ISSPACE(s[stop]) and Py_UNICODE_ISUPPER(s[stop + 1])):
            words.append((end, text[end:stop]))
    return 0


cdef int walk(str text, const unit* s, Py_ssize_t n, list nouns, list words) except -1:
    cdef Py_ssize_t ready[COUNT]
    cdef Py_ssize_t i = 0
    cdef unsigned int mask
    cdef int j
    for j in range(COUNT):
        ready[j] = 0
    if PLC_SIMD and unit is not Py_UCS4:
        while i + 19 <= n:
            if unit is Py_UCS1:
                mask = plc_mask1(s + i)
            elif unit is Py_UCS2:
                mask = plc_mask2(s + i)
            while mask:
                at(text, s, n, i + plc_lowest(mask), ready, nouns, words)
                mask &= mask - 1
            i += 16
    while i < n:
        if s[i] == 32 or s[i] == 10:
            at(text, s, n, i, ready, nouns, words)
        i += 1
    return 0


def marked_words(str text):
    """The offsets of the place nouns, and (offset, word) of the lone capitalised words
    past the prepositions, in order: as ``geo.marked_words_python`` gives them."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = len(text)
    cdef list nouns = [], words = []
    if kind == PyUnicode_1BYTE_KIND:
        walk(text, <const Py_UCS1*> data, n, nouns, words)
    elif kind == PyUnicode_2BYTE_KIND:
        walk(text, <const Py_UCS2*> data, n, nouns, words)
    else:
        walk(text, <const Py_UCS4*> data, n, nouns, words)
    return nouns, words
