# cython: language_level=3
"""The SSE2 part of ``repair_c.pyx``, in C: the mask of the offsets of a 16-byte block
that can need a look (``&``, ``,``, ``8`` or a character above ASCII; 8 offsets, at even
bits, for 2-byte units). Without SSE2 every offset is in the mask and ``REP_SIMD`` is 0."""


cdef extern from *:
    """
    #if defined(__SSE2__)
    #include <emmintrin.h>
    #define REP_SIMD 1
    #else
    #define REP_SIMD 0
    #endif

    static inline unsigned int rep_mask8(const unsigned char* s) {
    #if REP_SIMD
        __m128i a = _mm_loadu_si128((const __m128i*) s);
        __m128i m = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(a, _mm_set1_epi8('&')), _mm_cmpeq_epi8(a, _mm_set1_epi8(','))),
            _mm_cmpeq_epi8(a, _mm_set1_epi8('8')));
        return (unsigned int) (_mm_movemask_epi8(m) | _mm_movemask_epi8(a));
    #else
        (void) s;
        return 0xFFFFu;
    #endif
    }

    static inline unsigned int rep_mask16(const unsigned short* s) {
    #if REP_SIMD
        __m128i a = _mm_loadu_si128((const __m128i*) s);
        __m128i m = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi16(a, _mm_set1_epi16('&')), _mm_cmpeq_epi16(a, _mm_set1_epi16(','))),
            _mm_cmpeq_epi16(a, _mm_set1_epi16('8')));
        __m128i ascii = _mm_cmpeq_epi16(_mm_subs_epu16(a, _mm_set1_epi16(0x7F)), _mm_setzero_si128());
        m = _mm_or_si128(m, _mm_andnot_si128(ascii, _mm_set1_epi16(-1)));
        return (unsigned int) _mm_movemask_epi8(m) & 0x5555u;
    #else
        (void) s;
        return 0x5555u;
    #endif
    }

    static inline int rep_lowest_bit(unsigned int m) {
    #if defined(__GNUC__)
        return __builtin_ctz(m);
    #else
        int k = 0;
        while (!(m & 1u)) { m >>= 1; k++; }
        return k;
    #endif
    }
    """
    int REP_SIMD
    unsigned int rep_mask8(const unsigned char* s) noexcept nogil
    unsigned int rep_mask16(const unsigned short* s) noexcept nogil
    int rep_lowest_bit(unsigned int m) noexcept nogil
