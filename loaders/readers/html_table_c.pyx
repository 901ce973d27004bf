# cython: language_level=3
"""Compiled search for a Cablegate page's metadata table (``html.table_start``): where
``<table class='cable'>`` first occurs, else where ``<table class="cable">`` does, else
-1 — what two ``bytes.find`` calls give, in one pass.

Most of a page (~35 kB) is the navigation column before the table, in which ``<t``
occurs about once: SSE2 compares 16 bytes at a time with ``<`` and the next 16 with
``t``, and only where both match are the two marks compared. ``table_start(data)``
equals ``html.table_start_python(data)``, its reference and fallback
(``tests/loaders/test_readers_table.py`` compares them).
"""

cdef extern from *:
    """
    #include <string.h>
    #if defined(__SSE2__)
    #include <emmintrin.h>
    #endif
    static const char TABLE_MARK[] = "<table class='cable'>";
    static const char TABLE_MARK_DQ[] = "<table class=\\"cable\\">";
    #define TABLE_MARK_SIZE 21

    /* At a "<t" at pos: 1 for the single-quoted mark there (the answer); the first
       double-quoted one noted in *dq. */
    static inline int table_mark_at(const char* s, Py_ssize_t n, Py_ssize_t pos, Py_ssize_t* dq) {
        if (pos + TABLE_MARK_SIZE > n) return 0;
        if (memcmp(s + pos, TABLE_MARK, TABLE_MARK_SIZE) == 0) return 1;
        if (*dq < 0 && memcmp(s + pos, TABLE_MARK_DQ, TABLE_MARK_SIZE) == 0) *dq = pos;
        return 0;
    }

    static Py_ssize_t find_table(const char* s, Py_ssize_t n) {
        Py_ssize_t i = 0, dq = -1;
    #if defined(__SSE2__)
        const __m128i lt = _mm_set1_epi8('<'), t = _mm_set1_epi8('t');
        for (; i + 17 <= n; i += 16) {
            __m128i a = _mm_loadu_si128((const __m128i*)(s + i));
            __m128i b = _mm_loadu_si128((const __m128i*)(s + i + 1));
            unsigned int m = (unsigned int)_mm_movemask_epi8(
                _mm_and_si128(_mm_cmpeq_epi8(a, lt), _mm_cmpeq_epi8(b, t)));
            while (m) {
                Py_ssize_t pos = i + __builtin_ctz(m);
                m &= m - 1;
                if (table_mark_at(s, n, pos, &dq)) return pos;
            }
        }
    #endif
        for (; i + 1 < n; i++) {
            if (s[i] == '<' && s[i + 1] == 't' && table_mark_at(s, n, i, &dq)) return i;
        }
        return dq;
    }
    """
    Py_ssize_t find_table(const char* s, Py_ssize_t n) nogil

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_GET_SIZE


def table_start(bytes data not None) -> int:
    """Where the metadata table starts in ``data`` (-1 when it has none)."""
    return find_table(PyBytes_AS_STRING(data), PyBytes_GET_SIZE(data))
