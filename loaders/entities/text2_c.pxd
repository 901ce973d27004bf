# cython: language_level=3
"""Inline helpers of the compiled text loops (``cimport`` only): the word joiner's fast
path over 16 (8) ASCII characters at a time of 1-byte (2-byte) text
(``text_c.join_into``), ``memchr`` of a newline in 2-byte text, and the letter counts
of 1-byte (2-byte) text 16 (8) characters at a time (``text_c.ascii_letter_counts``)."""

from cpython.unicode cimport Py_UCS2

cdef extern from *:
    """
    #if defined(__SSE2__)
    #include <emmintrin.h>
    #endif

    /* Join the words of src[i:end] onto out[:*n] 16 characters at a time while a block
       holds only ASCII characters above the space and spaces, tabs, newlines or
       carriage returns (each written as one space, none after whitespace: *gap says
       the character before was some; a block with such runs is written a character
       at a time); where the next block is not so, the new i, from
       where the caller goes on one character at a time. out needs room for 16
       characters past *n when i + 16 <= end (the caller's buffer has: *n <= i - start).
       Without SSE2 nothing is done here. */
    static inline Py_ssize_t text2_join_ascii_blocks(
        const unsigned char* src, Py_ssize_t i, Py_ssize_t end,
        unsigned char* out, Py_ssize_t* n, unsigned int* gap)
    {
    #if defined(__SSE2__)
        const __m128i space = _mm_set1_epi8(0x20), newline = _mm_set1_epi8(0x0A);
        const __m128i tab = _mm_set1_epi8(0x09), cr = _mm_set1_epi8(0x0D);
        const __m128i above = _mm_set1_epi8(0x21);
        while (i + 16 <= end) {
            __m128i x = _mm_loadu_si128((const __m128i*)(src + i));
            __m128i white = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(x, space), _mm_cmpeq_epi8(x, newline)),
                _mm_or_si128(_mm_cmpeq_epi8(x, tab), _mm_cmpeq_epi8(x, cr)));
            int mask = _mm_movemask_epi8(white);
            /* signed: below 0x21 or not ASCII */
            int low = _mm_movemask_epi8(_mm_cmplt_epi8(x, above));
            /* whitespace after whitespace: left out */
            int drop = mask & ((mask << 1) | (int)(*gap & 1));
            __m128i joined;
            if (low != mask)
                break;
            joined = _mm_or_si128(_mm_andnot_si128(white, x), _mm_and_si128(white, space));
            if (drop == 0) {
                _mm_storeu_si128((__m128i*)(out + *n), joined);
                *n += 16;
            } else {  /* the kept characters one by one (within out[*n:*n + 16]) */
                unsigned char kept[16];
                int k;
                Py_ssize_t m = *n;
                _mm_storeu_si128((__m128i*)kept, joined);
                for (k = 0; k < 16; k++) {
                    out[m] = kept[k];
                    m += 1 - ((drop >> k) & 1);
                }
                *n = m;
            }
            *gap = (mask >> 15) & 1;
            i += 16;
        }
    #endif
        return i;
    }

    /* The same over 2-byte text, 8 characters at a time. */
    static inline Py_ssize_t text2_join_ascii_blocks2(
        const Py_UCS2* src, Py_ssize_t i, Py_ssize_t end,
        Py_UCS2* out, Py_ssize_t* n, unsigned int* gap)
    {
    #if defined(__SSE2__)
        const __m128i space = _mm_set1_epi16(0x20), newline = _mm_set1_epi16(0x0A);
        const __m128i tab = _mm_set1_epi16(0x09), cr = _mm_set1_epi16(0x0D);
        const __m128i above = _mm_set1_epi16(0x21), ascii = _mm_set1_epi16(0x7F);
        while (i + 8 <= end) {
            __m128i x = _mm_loadu_si128((const __m128i*)(src + i));
            __m128i white = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi16(x, space), _mm_cmpeq_epi16(x, newline)),
                _mm_or_si128(_mm_cmpeq_epi16(x, tab), _mm_cmpeq_epi16(x, cr)));
            int mask = _mm_movemask_epi8(white);  /* two bits a character */
            /* signed: below 0x21 or from 0x8000 on; or from 0x80 to 0x7FFF */
            int low = _mm_movemask_epi8(_mm_or_si128(
                _mm_cmplt_epi16(x, above), _mm_cmpgt_epi16(x, ascii)));
            /* whitespace after whitespace: left out (its two bits set) */
            int drop = mask & ((mask << 2) | (*gap & 1 ? 3 : 0));
            __m128i joined;
            if (low != mask)
                break;
            joined = _mm_or_si128(_mm_andnot_si128(white, x), _mm_and_si128(white, space));
            if (drop == 0) {
                _mm_storeu_si128((__m128i*)(out + *n), joined);
                *n += 8;
            } else {  /* the kept characters one by one (within out[*n:*n + 8]) */
                Py_UCS2 kept[8];
                int k;
                Py_ssize_t m = *n;
                _mm_storeu_si128((__m128i*)kept, joined);
                for (k = 0; k < 8; k++) {
                    out[m] = kept[k];
                    m += 1 - ((drop >> (2 * k)) & 1);
                }
                *n = m;
            }
            *gap = (mask >> 15) & 1;
            i += 8;
        }
    #endif
        return i;
    }

    /* Where the first newline of src[i:end] is, or end: 8 characters at a time. */
    static inline Py_ssize_t text2_newline2(const Py_UCS2* src, Py_ssize_t i, Py_ssize_t end)
    {
    #if defined(__SSE2__)
        const __m128i newline = _mm_set1_epi16(0x0A);
        int mask;
        while (i + 8 <= end) {
            mask = _mm_movemask_epi8(_mm_cmpeq_epi16(
                _mm_loadu_si128((const __m128i*)(src + i)), newline));
            if (mask)
                return i + __builtin_ctz(mask) / 2;
            i += 8;
        }
    #endif
        while (i < end && src[i] != 0x0A)
            i++;
        return i;
    }

    /* Add the ASCII characters, capitals and small letters of src[:stop] to counts[0],
       counts[1] and counts[2], 16 characters at a time; where it stopped (the rest is
       the caller's to count). Without SSE2 nothing is done here. */
    static inline Py_ssize_t text2_letter_counts1(
        const unsigned char* src, Py_ssize_t stop, Py_ssize_t* counts)
    {
        Py_ssize_t i = 0;
    #if defined(__SSE2__)
        const __m128i zero = _mm_setzero_si128();
        const __m128i before_upper = _mm_set1_epi8(0x40), after_upper = _mm_set1_epi8(0x5B);
        const __m128i before_lower = _mm_set1_epi8(0x60), after_lower = _mm_set1_epi8(0x7B);
        while (i + 16 <= stop) {
            /* per byte lane, at most 255 blocks before the lanes are summed */
            __m128i ascii = zero, upper = zero, lower = zero, x;
            int blocks = 0;
            for (; blocks < 255 && i + 16 <= stop; blocks++, i += 16) {
                x = _mm_loadu_si128((const __m128i*)(src + i));
                /* signed: the bytes from 0x80 on are below zero, and below any letter */
                ascii = _mm_sub_epi8(ascii, _mm_cmpgt_epi8(x, _mm_set1_epi8(-1)));
                upper = _mm_sub_epi8(upper, _mm_and_si128(
                    _mm_cmpgt_epi8(x, before_upper), _mm_cmplt_epi8(x, after_upper)));
                lower = _mm_sub_epi8(lower, _mm_and_si128(
                    _mm_cmpgt_epi8(x, before_lower), _mm_cmplt_epi8(x, after_lower)));
            }
            ascii = _mm_sad_epu8(ascii, zero);
            upper = _mm_sad_epu8(upper, zero);
            lower = _mm_sad_epu8(lower, zero);
            counts[0] += _mm_cvtsi128_si32(ascii) + _mm_cvtsi128_si32(_mm_srli_si128(ascii, 8));
            counts[1] += _mm_cvtsi128_si32(upper) + _mm_cvtsi128_si32(_mm_srli_si128(upper, 8));
            counts[2] += _mm_cvtsi128_si32(lower) + _mm_cvtsi128_si32(_mm_srli_si128(lower, 8));
        }
    #endif
        return i;
    }

    /* The same over 2-byte text, 8 characters at a time (16-bit lanes summed every
       4096 blocks). */
    static inline Py_ssize_t text2_letter_counts2(
        const Py_UCS2* src, Py_ssize_t stop, Py_ssize_t* counts)
    {
        Py_ssize_t i = 0;
    #if defined(__SSE2__)
        const __m128i zero = _mm_setzero_si128(), ones = _mm_set1_epi16(1);
        const __m128i below_ascii = _mm_set1_epi16(-1), after_ascii = _mm_set1_epi16(0x80);
        const __m128i before_upper = _mm_set1_epi16(0x40), after_upper = _mm_set1_epi16(0x5B);
        const __m128i before_lower = _mm_set1_epi16(0x60), after_lower = _mm_set1_epi16(0x7B);
        int sums[4];
        while (i + 8 <= stop) {
            __m128i ascii = zero, upper = zero, lower = zero, x;
            int blocks = 0;
            /* signed: the characters from U+8000 on are below zero, and below 0x80 */
            for (; blocks < 4096 && i + 8 <= stop; blocks++, i += 8) {
                x = _mm_loadu_si128((const __m128i*)(src + i));
                ascii = _mm_sub_epi16(ascii, _mm_and_si128(
                    _mm_cmpgt_epi16(x, below_ascii), _mm_cmplt_epi16(x, after_ascii)));
                upper = _mm_sub_epi16(upper, _mm_and_si128(
                    _mm_cmpgt_epi16(x, before_upper), _mm_cmplt_epi16(x, after_upper)));
                lower = _mm_sub_epi16(lower, _mm_and_si128(
                    _mm_cmpgt_epi16(x, before_lower), _mm_cmplt_epi16(x, after_lower)));
            }
            _mm_storeu_si128((__m128i*)sums, _mm_madd_epi16(ascii, ones));
            counts[0] += (Py_ssize_t)sums[0] + sums[1] + sums[2] + sums[3];
            _mm_storeu_si128((__m128i*)sums, _mm_madd_epi16(upper, ones));
            counts[1] += (Py_ssize_t)sums[0] + sums[1] + sums[2] + sums[3];
            _mm_storeu_si128((__m128i*)sums, _mm_madd_epi16(lower, ones));
            counts[2] += (Py_ssize_t)sums[0] + sums[1] + sums[2] + sums[3];
        }
    #endif
        return i;
    }
    """
    Py_ssize_t letter_counts2 "text2_letter_counts2"(
        const Py_UCS2* src, Py_ssize_t stop, Py_ssize_t* counts
    ) noexcept nogil
    Py_ssize_t letter_counts1 "text2_letter_counts1"(
        const unsigned char* src, Py_ssize_t stop, Py_ssize_t* counts
    ) noexcept nogil
    Py_ssize_t newline2 "text2_newline2"(const Py_UCS2* src, Py_ssize_t i, Py_ssize_t end) noexcept nogil
    Py_ssize_t join_ascii_blocks2 "text2_join_ascii_blocks2"(
        const Py_UCS2* src, Py_ssize_t i, Py_ssize_t end,
        Py_UCS2* out, Py_ssize_t* n, unsigned int* gap,
    ) noexcept nogil
    Py_ssize_t join_ascii_blocks "text2_join_ascii_blocks"(
        const unsigned char* src, Py_ssize_t i, Py_ssize_t end,
        unsigned char* out, Py_ssize_t* n, unsigned int* gap,
    ) noexcept nogil
