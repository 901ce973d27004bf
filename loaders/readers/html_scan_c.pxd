# cython: language_level=3
"""The character search of the compiled page reader (``html_plain_c.pyx``; ``cimport``
only): the next of two characters in text of 1-, 2- or 4-byte units, 16 bytes (or 8
two-byte units) compared at a time with SSE2, one at a time otherwise."""

from libc.stdint cimport uint8_t, uint16_t, uint32_t


cdef extern from *:
    """
    #if defined(__SSE2__)
    #include <emmintrin.h>
    #endif
    /* The first offset from ``at`` of ``a`` or ``b`` in ``s[:n]`` (``n`` when none), 16
       bytes (or 8 two-byte units) compared at a time. */
    static Py_ssize_t plain_next2_u8(const uint8_t* s, Py_ssize_t at, Py_ssize_t n,
                                     uint8_t a, uint8_t b) {
    #if defined(__SSE2__)
        const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b);
        for (; at + 16 <= n; at += 16) {
            __m128i x = _mm_loadu_si128((const __m128i*)(s + at));
            unsigned int m = (unsigned int)_mm_movemask_epi8(
                _mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)));
            if (m) return at + __builtin_ctz(m);
        }
    #endif
        for (; at < n; at++) if (s[at] == a || s[at] == b) return at;
        return n;
    }
    static Py_ssize_t plain_next2_u16(const uint16_t* s, Py_ssize_t at, Py_ssize_t n,
                                      uint16_t a, uint16_t b) {
    #if defined(__SSE2__)
        const __m128i va = _mm_set1_epi16((short)a), vb = _mm_set1_epi16((short)b);
        for (; at + 8 <= n; at += 8) {
            __m128i x = _mm_loadu_si128((const __m128i*)(s + at));
            unsigned int m = (unsigned int)_mm_movemask_epi8(
                _mm_or_si128(_mm_cmpeq_epi16(x, va), _mm_cmpeq_epi16(x, vb)));
            if (m) return at + (__builtin_ctz(m) >> 1);
        }
    #endif
        for (; at < n; at++) if (s[at] == a || s[at] == b) return at;
        return n;
    }
    """
    Py_ssize_t plain_next2_u8(const uint8_t* s, Py_ssize_t at, Py_ssize_t n,
                              uint8_t a, uint8_t b) noexcept nogil
    Py_ssize_t plain_next2_u16(const uint16_t* s, Py_ssize_t at, Py_ssize_t n,
                               uint16_t a, uint16_t b) noexcept nogil


ctypedef fused chars:
    uint8_t
    uint16_t
    uint32_t

cdef inline Py_ssize_t next2(const chars* text, Py_ssize_t at, Py_ssize_t size,
                             uint8_t a, uint8_t b) noexcept nogil:
    """The first offset from ``at`` of ``a`` or ``b`` (``size`` when none)."""
    if chars is uint8_t:
        return plain_next2_u8(text, at, size, a, b)
    elif chars is uint16_t:
        return plain_next2_u16(text, at, size, a, b)
    else:
        while at < size and text[at] != a and text[at] != b:
            at += 1
        return at
