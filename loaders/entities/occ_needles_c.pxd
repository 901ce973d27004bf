# cython: language_level=3
"""The needles of ``occurrences_c`` as C arrays, and how an occurrence of one is
recorded (``cimport`` only; no module of its own; ``occurrences_c._Needles`` fills a
:c:type:`Needles` table, the walks of ``occ_walks_c`` read it)."""

from loaders.entities.unicode_c cimport is_word, unit


cdef enum:
    ASCII = 128
    NONE = -1
    MAX_NEEDLE = 32
    KEY_BITS = 15  # three characters, 5 bits each
    KEY_MASK = (1 << KEY_BITS) - 1
    MAX_SET = 16  # OCC_MAX_SET: at most this many distinct first (second) characters


cdef struct Needle:
    Py_UCS4 chars[MAX_NEEDLE]
    Py_ssize_t size
    Py_ssize_t ready  # where this needle's next occurrence may start
    bint capital  # report the end of occurrences followed by [A-Z][a-z], not offsets
    int next  # the next needle with the same first character, or NONE
    Py_ssize_t anchor  # the offset of its rare pair or rarest four characters
    int anext  # the next needle anchored on the same pair (quad), or NONE


cdef struct Needles:
    Needle* items
    int count
    int heads[ASCII]
    int wide  # needles starting with a non-ASCII character, chained by ``next``
    bint all_long  # every needle has 3 characters or more: the window filter works
    unsigned char starts[(KEY_MASK + 1) >> 3]  # bit set of the needles' first three
    unsigned int firsts[MAX_SET]  # the needles' distinct first characters
    unsigned int seconds[MAX_SET]  # ... and second characters
    int first_count, second_count  # -1 when more than MAX_SET
    int pair_count  # distinct anchor pairs; -1: no anchored walk
    int quad_count  # distinct anchor quads; -1: no quad walk
    unsigned int aruns[MAX_SET * 4]  # run p (pair or quad) at aruns[4 * p:]
    unsigned int afirsts[MAX_SET]  # the pairs' first characters
    unsigned int aseconds[MAX_SET]  # ... and second characters
    int achain[MAX_SET]  # the first needle anchored on each run


cdef inline int add_to_set(unsigned int* chars, int count, unsigned int c) noexcept:
    """Add ``c`` to the set ``chars[:count]``: the new count (-1: the set overflowed)."""
    cdef int k
    if count < 0:
        return count
    for k in range(count):
        if chars[k] == c:
            return count
    if count == MAX_SET:
        return -1
    chars[count] = c
    return count + 1


cdef inline bint all_below(const unsigned int* chars, int count, unsigned int limit) noexcept:
    cdef int k
    for k in range(count):
        if chars[k] >= limit:
            return False
    return True


cdef inline unsigned int key_of(unsigned int a, unsigned int b, unsigned int c) noexcept:
    return ((a & 31) << 10) | ((b & 31) << 5) | (c & 31)


cdef inline bint is_capital_word(const unit* s, Py_ssize_t n, Py_ssize_t i) noexcept:
    """``[A-Z][a-z]`` at ``i``."""
    return i + 1 < n and 65 <= s[i] <= 90 and 97 <= s[i + 1] <= 122


cdef inline Py_ssize_t word_end(const unit* s, Py_ssize_t n, Py_ssize_t i) noexcept:
    """The end of ``[\\w\\-]*`` at ``i`` (``\\w`` as ``re`` reads it: a letter, digit or ``_``)."""
    while i < n and (is_word(s[i]) or s[i] == 45):
        i += 1
    return i


cdef inline int record(
    const unit* s, Py_ssize_t n, Py_ssize_t start, Needle* needle, int j, list offsets, list ends
) except -1:
    """Record the needle occurring at ``start``: its offset, or the span of the capitalised
    word after it (or nothing). ``j``: the needle's index when the walk finds the needles
    out of order (the span goes to ``ends`` as (start, j, span), to be sorted), or NONE."""
    needle.ready = start + needle.size
    if not needle.capital:
        offsets.append(start)
    elif is_capital_word(s, n, needle.ready):
        span = (needle.ready, word_end(s, n, needle.ready + 2))
        ends.append(span if j == NONE else (start, j, span))
    return 0


cdef inline bint starts_a_needle(
    const unit* s, Py_ssize_t n, Py_ssize_t i, Needles* table
) noexcept:
    """Do the three characters at ``i`` start a needle, by the filter?"""
    cdef unsigned int key
    if i + 2 >= n:
        return False
    key = key_of(s[i], s[i + 1], s[i + 2])
    return table.starts[key >> 3] & (1 << (key & 7))
