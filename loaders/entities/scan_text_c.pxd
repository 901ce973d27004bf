# cython: language_level=3
"""Inline helpers of ``scan_c.pyx`` (``cimport`` only; no module of its own): the text
buffer read in place, the character classes of a run, and the walk from one
capitalised word to the next (``scan_pattern.SCANNER``):

- a word is ``[A-Z]`` then any of ``\\w ' ’ . - / &`` (``\\w`` as ``re`` reads it on
  ``str``: a Unicode letter or digit, or ``_``);
- words are joined by a gap (spaces/tabs, or spaces/tabs around one line break),
  optionally followed by one connector (``of``, ``da`` ...) and spaces/tabs.
"""

from libc.stdint cimport uint32_t


cdef extern from "Python.h":
    ctypedef unsigned char Py_UCS1
    ctypedef unsigned short Py_UCS2
    int PyUnicode_KIND(object text)
    void* PyUnicode_DATA(object text)
    Py_UCS4 PyUnicode_READ(int kind, void* data, Py_ssize_t index) nogil


cdef struct Text:
    int kind
    void* data
    Py_ssize_t n


cdef inline Py_UCS4 at(const Text* t, Py_ssize_t i) noexcept nogil:
    return PyUnicode_READ(t.kind, t.data, i)


cdef inline bint is_upper(Py_UCS4 c) noexcept nogil:
    return c >= 65 and c <= 90  # A-Z


cdef inline bint is_space(Py_UCS4 c) noexcept nogil:
    return c == 32 or c == 9  # space, tab


cdef inline Py_ssize_t next_upper(const Text* t, Py_ssize_t i) noexcept nogil:
    """The first index from ``i`` of a character A-Z, else ``t.n``: the scan between
    runs, one loop per character width."""
    cdef const Py_UCS1* one
    cdef const Py_UCS2* two
    cdef const Py_UCS4* four
    if t.kind == 1:
        one = <const Py_UCS1*> t.data
        while i < t.n and not (65 <= one[i] <= 90):
            i += 1
    elif t.kind == 2:
        two = <const Py_UCS2*> t.data
        while i < t.n and not (65 <= two[i] <= 90):
            i += 1
    else:
        four = <const Py_UCS4*> t.data
        while i < t.n and not (65 <= four[i] <= 90):
            i += 1
    return i


cdef inline bint marks_between(const Text* t, Py_ssize_t start, Py_ssize_t end) noexcept:
    """A hyphen or an apostrophe in ``text[start:end]`` (``NATO-led``, ``CH-47``,
    ``Japan's``), read in place."""
    cdef Py_ssize_t k
    cdef Py_UCS4 c
    for k in range(start, end):
        c = at(t, k)
        if c == 45 or c == 39 or c == 0x2019:  # - ' ’
            return True
    return False


cdef inline bint is_word_char(Py_UCS4 c) noexcept:
    if c < 128:
        return (
            (c >= 97 and c <= 122) or (c >= 65 and c <= 90) or (c >= 48 and c <= 57)
            or c == 95 or c == 39 or c == 46 or c == 45 or c == 47 or c == 38
        )
    return c == 0x2019 or c.isalnum()


cdef inline Py_ssize_t word_end(const Text* t, Py_ssize_t i) noexcept:
    """The end of the word going on at ``i``, one loop per character width."""
    cdef const Py_UCS1* one
    cdef const Py_UCS2* two
    if t.kind == 1:
        one = <const Py_UCS1*> t.data
        while i < t.n and is_word_char(one[i]):
            i += 1
    elif t.kind == 2:
        two = <const Py_UCS2*> t.data
        while i < t.n and is_word_char(two[i]):
            i += 1
    else:
        while i < t.n and is_word_char(at(t, i)):
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


cdef inline Py_ssize_t connector_at(const Text* t, Py_ssize_t q) noexcept:
    """The length of the connector at ``q`` followed by a space or tab, else 0."""
    cdef Py_ssize_t size = 0
    cdef uint32_t code = 0
    cdef Py_UCS4 c
    while q + size < t.n and size < 4:
        c = at(t, q + size)
        if not (97 <= c <= 122):  # a-z
            break
        code |= (<uint32_t> c) << (8 * size)
        size += 1
    if size == 0 or size == 4 or q + size >= t.n or not is_space(at(t, q + size)):
        return 0
    return size if is_connector(code) else 0


cdef inline Py_ssize_t next_word(const Text* t, Py_ssize_t q, Py_ssize_t* conn) noexcept:
    """After a gap ending at ``q``: the start of the next word (an optional connector
    and its spaces first, its span stored in ``conn[0]``, ``conn[1]``), or -1."""
    cdef Py_ssize_t size, r
    conn[0] = -1
    if q >= t.n:
        return -1
    if is_upper(at(t, q)):
        return q
    size = connector_at(t, q)
    if size == 0:
        return -1
    r = q + size
    while r < t.n and is_space(at(t, r)):
        r += 1
    if r < t.n and is_upper(at(t, r)):
        conn[0], conn[1] = q, q + size
        return r
    return -1


cdef inline Py_ssize_t gap_end(const Text* t, Py_ssize_t p, Py_ssize_t* conn) noexcept:
    """The start of the word joined to the word ending at ``p``, or -1."""
    cdef Py_ssize_t q = p, r
    while q < t.n and is_space(at(t, q)):
        q += 1
    if q > p:
        r = next_word(t, q, conn)
        if r >= 0:
            return r
    if q < t.n and at(t, q) == 10:  # one line break
        q += 1
        while q < t.n and is_space(at(t, q)):
            q += 1
        return next_word(t, q, conn)
    return -1
