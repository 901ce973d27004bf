# cython: language_level=3
"""The SSE2 part of ``markings_c.pyx``, in C: the mask of the offsets ``i`` of a block
where ``s[i]``, ``s[i + 2]`` and ``s[i + 4]`` are all spaces, as in every spaced banner
(16 offsets of 1-byte units; 8 offsets, at even bits, of 2-byte units). The caller
reads 4 units past the block. Without SSE2 every offset is in the mask and
``MK_SIMD`` is 0."""


cdef extern from *:
    """
    #if defined(__SSE2__)
    #include <emmintrin.h>
    #define MK_SIMD 1
    #else
    #define MK_SIMD 0
    #endif

    static inline unsigned int mk_spaced8(const unsigned char* s) {
    #if MK_SIMD
        __m128i sp = _mm_set1_epi8(' ');
        __m128i m = _mm_and_si128(
            _mm_and_si128(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i*) s), sp),
                          _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i*) (s + 2)), sp)),
            _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i*) (s + 4)), sp));
        return (unsigned int) _mm_movemask_epi8(m);
    #else
        (void) s;
        return 0xFFFFu;
    #endif
    }

    static inline unsigned int mk_spaced16(const unsigned short* s) {
    #if MK_SIMD
        __m128i sp = _mm_set1_epi16(' ');
        __m128i m = _mm_and_si128(
            _mm_and_si128(_mm_cmpeq_epi16(_mm_loadu_si128((const __m128i*) s), sp),
                          _mm_cmpeq_epi16(_mm_loadu_si128((const __m128i*) (s + 2)), sp)),
            _mm_cmpeq_epi16(_mm_loadu_si128((const __m128i*) (s + 4)), sp));
        return (unsigned int) _mm_movemask_epi8(m) & 0x5555u;
    #else
        (void) s;
        return 0x5555u;
    #endif
    }

    static inline int mk_lowest_bit(unsigned int m) {
    #if defined(__GNUC__)
        return __builtin_ctz(m);
    #else
        int k = 0;
        while (!(m & 1u)) { m >>= 1; k++; }
        return k;
    #endif
    }
    """
    int MK_SIMD
    unsigned int mk_spaced8(const unsigned char* s) noexcept nogil
    unsigned int mk_spaced16(const unsigned short* s) noexcept nogil
    int mk_lowest_bit(unsigned int m) noexcept nogil
