# cython: language_level=3
"""Inline helpers of ``scan_c.pyx`` (``cimport`` only; no module of its own): the walk
from one capitalised word to the next over a text's characters read in place, one
specialisation per character width (``chars``), following ``scan_pattern.SCANNER``:

- a word is ``[A-Z]`` then any of ``\\w ' ’ . - / &`` (``\\w`` as ``re`` reads it on
  ``str``: a Unicode letter or digit, or ``_``);
- words are joined by a gap (spaces/tabs, or spaces/tabs around one line break),
  optionally followed by one connector (``of``, ``da`` ...) and spaces/tabs.
"""

from libc.stdint cimport uint32_t, uint64_t
from libc.stdlib cimport realloc


cdef extern from "Python.h":
    ctypedef unsigned char Py_UCS1
    ctypedef unsigned short Py_UCS2
    int PyUnicode_KIND(object text)
    void* PyUnicode_DATA(object text)


cdef extern from *:
    """
    #include <stdint.h>
    #include <string.h>
    /* Eight bytes (four 16-bit units) of text at p, as one word. */
    static inline uint64_t scan_load8(const void* p) { uint64_t x; memcpy(&x, p, 8); return x; }
    /* Does a byte of x lie in A-Z (65-90)? Exact: "hasbetween" of Bit Twiddling Hacks;
       bytes of 128 and up are ruled out by ~x. */
    static inline int scan_upper_in8(uint64_t x) {
        const uint64_t ones = 0x0101010101010101ULL;
        uint64_t low = x & (ones * 127);
        return ((ones * (127 + 91) - low) & ~x & (low + ones * (127 - 64)) & (ones * 128)) != 0;
    }
    /* The ASCII word characters as bits: 0-63 (& ' - . / 0-9), then 64-127 (A-Z _ a-z). */
    #define SCAN_WORD_LOW ((UINT64_C(1) << 38) | (UINT64_C(1) << 39) | (UINT64_C(7) << 45) \
                           | (UINT64_C(0x3FF) << 48))
    #define SCAN_WORD_HIGH ((UINT64_C(0x3FFFFFF) << 1) | (UINT64_C(1) << 31) \
                            | (UINT64_C(0x3FFFFFF) << 33))
    /* Is a character below 256 a word character? Filled once (fill_word_bytes). */
    static unsigned char scan_word_byte[256];
    static void scan_fill_word_bytes(void) {
        for (int c = 0; c < 256; c++) {
            scan_word_byte[c] = c < 64 ? (SCAN_WORD_LOW >> c) & 1
                : c < 128 ? (SCAN_WORD_HIGH >> (c - 64)) & 1 : Py_UNICODE_ISALNUM(c) != 0;
        }
    }
    /* The same for 16-bit units. */
    static inline int scan_upper_in16(uint64_t x) {
        const uint64_t ones = 0x0001000100010001ULL;
        uint64_t low = x & (ones * 0x7fff);
        return ((ones * (0x7fff + 91) - low) & ~x & (low + ones * (0x7fff - 64))
                & (ones * 0x8000)) != 0;
    }
    """
    uint64_t load8 "scan_load8"(const void* p) noexcept nogil
    bint upper_in8 "scan_upper_in8"(uint64_t x) noexcept nogil
    bint upper_in16 "scan_upper_in16"(uint64_t x) noexcept nogil
    const unsigned char* word_byte "scan_word_byte"
    void fill_word_bytes "scan_fill_word_bytes"() noexcept nogil


ctypedef fused chars:
    Py_UCS1
    Py_UCS2
    Py_UCS4


cdef inline bint is_upper(Py_UCS4 c) noexcept nogil:
    return c >= 65 and c <= 90  # A-Z


cdef inline bint is_space(Py_UCS4 c) noexcept nogil:
    return c == 32 or c == 9  # space, tab


cdef inline bint is_word_char(Py_UCS4 c) noexcept:
    if c < 256:
        return word_byte[c]
    return c == 0x2019 or c.isalnum()


cdef inline Py_ssize_t next_upper(const chars* s, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    """The first index from ``i`` of a character A-Z, else ``n``: the scan between runs,
    eight bytes at a time where it can."""
    if chars is Py_UCS1:
        while i + 8 <= n and not upper_in8(load8(s + i)):
            i += 8
    elif chars is Py_UCS2:
        while i + 4 <= n and not upper_in16(load8(s + i)):
            i += 4
    while i < n and not (65 <= s[i] <= 90):
        i += 1
    return i


cdef inline Py_ssize_t word_end(const chars* s, Py_ssize_t i, Py_ssize_t n) noexcept:
    """The end of the word going on at ``i``."""
    while i < n and is_word_char(s[i]):
        i += 1
    return i


cdef inline bint is_connector(uint32_t code) noexcept nogil:
    """``code``: up to three letters a-z, the first in the lowest byte."""
    return (
        code == 0x666f or code == 0x726f66 or code == 0x656874 or code == 0x6564  # of for the de
        or code == 0x6164 or code == 0x6c6564 or code == 0x736f64 or code == 0x6f64  # da del dos do
        or code == 0x6e6962 or code == 0x6e6269 or code == 0x6c61 or code == 0x6e6176  # bin ibn al van
        or code == 0x6e6f76 or code == 0x726564 or code == 0x7564 or code == 0x616c  # von der du la
        or code == 0x656c or code == 0x79 or code == 0x646e61  # le y and
    )


cdef inline Py_ssize_t connector_at(const chars* s, Py_ssize_t q, Py_ssize_t n) noexcept nogil:
    """The length of the connector at ``q`` followed by a space or tab, else 0."""
    cdef Py_ssize_t size = 0
    cdef uint32_t code = 0
    while q + size < n and size < 4 and 97 <= s[q + size] <= 122:  # a-z
        code |= (<uint32_t> s[q + size]) << (8 * size)
        size += 1
    if size == 0 or size == 4 or q + size >= n or not is_space(s[q + size]):
        return 0
    return size if is_connector(code) else 0


cdef inline Py_ssize_t next_word(
    const chars* s, Py_ssize_t q, Py_ssize_t n, Py_ssize_t* conn
) noexcept nogil:
    """After a gap ending at ``q``: the start of the next word (an optional connector
    and its spaces first, its span stored in ``conn[0]``, ``conn[1]``), or -1."""
    cdef Py_ssize_t size, r
    conn[0] = -1
    if q >= n:
        return -1
    if is_upper(s[q]):
        return q
    size = connector_at(s, q, n)
    if size == 0:
        return -1
    r = q + size
    while r < n and is_space(s[r]):
        r += 1
    if r < n and is_upper(s[r]):
        conn[0], conn[1] = q, q + size
        return r
    return -1


cdef inline Py_ssize_t gap_end(
    const chars* s, Py_ssize_t p, Py_ssize_t n, Py_ssize_t* conn
) noexcept nogil:
    """The start of the word joined to the word ending at ``p``, or -1."""
    cdef Py_ssize_t q = p, r
    while q < n and is_space(s[q]):
        q += 1
    if q > p:
        r = next_word(s, q, n, conn)
        if r >= 0:
            return r
    if q < n and s[q] == 10:  # one line break
        q += 1
        while q < n and is_space(s[q]):
            q += 1
        return next_word(s, q, n, conn)
    return -1


cdef inline bint marks_between(const chars* s, Py_ssize_t start, Py_ssize_t end) noexcept nogil:
    """A hyphen or an apostrophe in ``text[start:end]`` (``NATO-led``, ``CH-47``,
    ``Japan's``)."""
    cdef Py_ssize_t k
    for k in range(start, end):
        if s[k] == 45 or s[k] == 39 or (chars is not Py_UCS1 and s[k] == 0x2019):  # - ' ’
            return True
    return False


cdef struct Spans:
    Py_ssize_t* data  # start, end of each word of a run (connectors too)
    Py_ssize_t size  # twice the words
    Py_ssize_t capacity


cdef inline int push_span(Spans* spans, Py_ssize_t start, Py_ssize_t end) except -1:
    cdef Py_ssize_t* grown
    if spans.size + 2 > spans.capacity:
        grown = <Py_ssize_t*> realloc(spans.data, (2 * spans.capacity + 64) * sizeof(Py_ssize_t))
        if grown == NULL:
            raise MemoryError("scan_c: no memory for token spans")
        spans.data, spans.capacity = grown, 2 * spans.capacity + 64
    spans.data[spans.size] = start
    spans.data[spans.size + 1] = end
    spans.size += 2
    return 0


cdef inline Py_ssize_t walk_run(
    const chars* s, Py_ssize_t start, Py_ssize_t n, Spans* spans
) except -1:
    """The end of the run starting at ``start`` (a capital); its words' spans in
    ``spans``."""
    cdef Py_ssize_t end = word_end(s, start + 1, n), nxt
    cdef Py_ssize_t conn[2]
    spans.size = 0
    push_span(spans, start, end)
    while True:
        nxt = gap_end(s, end, n, conn)
        if nxt < 0:
            return end
        if conn[0] >= 0:
            push_span(spans, conn[0], conn[1])
        end = word_end(s, nxt + 1, n)
        push_span(spans, nxt, end)
