# cython: language_level=3
"""The field keywords of ``preamble_c.pyx`` (``cimport`` only; no module of its own):
``find_fields`` and its patterns (``preamble._FIELDS``) matched in C, in the region as
``str.upper`` gives it: read through a table of the upper case of Latin-1 characters
(``upper``), or already upper-cased (``upper`` NULL)."""

from loaders.header.preamble_text_c cimport (
    Py_UNICODE_ISALPHA, Py_UNICODE_ISDECIMAL, chars, is_word, space,
)


cdef enum:
    EO = 0  # the fields, in preamble._FIELDS's order
    TAGS, SUBJECT, REF, CBY, NFIELDS

cdef inline Py_UCS4 second(int field) noexcept nogil:
    """The second letter of a keyword (EO's may be ``.``, a space or ``O``: 0)."""
    if field == TAGS:
        return 0x41  # A
    if field == SUBJECT:
        return 0x55  # U
    if field == REF:
        return 0x45  # E
    return 0x4C if field == CBY else 0  # L


cdef inline Py_UCS4 up(const chars* s, Py_ssize_t i, const Py_UCS4* upper) noexcept nogil:
    """``s[i]``, upper-cased by the Latin-1 table ``upper`` (NULL: ``s`` is upper case)."""
    cdef Py_UCS4 c = s[i]
    return upper[c] if upper != NULL and c < 256 else c


cdef inline bint word_at(const chars* s, Py_ssize_t i, Py_ssize_t m, const Py_UCS4* upper, const char* w) noexcept nogil:
    """The upper-cased region holds the ASCII word ``w`` at ``i``."""
    cdef Py_ssize_t k = 0
    while w[k]:
        if i + k >= m or up(s, i + k, upper) != <Py_UCS4> w[k]:
            return False
        k += 1
    return True


cdef inline bint ends_word(const chars* s, Py_ssize_t i, Py_ssize_t m, const Py_UCS4* upper) noexcept nogil:
    """``\\b`` at ``i``, after a word character."""
    return i >= m or not is_word(up(s, i, upper))


cdef inline bint is_up(const chars* s, Py_ssize_t i, Py_ssize_t m, const Py_UCS4* upper, Py_UCS4 c) noexcept nogil:
    return i < m and up(s, i, upper) == c


cdef inline Py_ssize_t keyword_end(
    const chars* s, Py_ssize_t i, Py_ssize_t m, const Py_UCS4* upper, int field, bint* colon
) noexcept nogil:
    """The end of ``field``'s keyword pattern matched at ``i`` (-1: no match); ``colon``:
    the pattern's group 1 (the colon of SUBJECT and REF) is not empty."""
    cdef Py_ssize_t j = i + 1
    cdef int k
    colon[0] = False
    if field == EO:  # E\.?\s?O\.?\s?1[23]\d{3}\b:?
        for k in range(2):
            j += is_up(s, j, m, upper, 0x2E)
            j += j < m and space(up(s, j, upper))
            if k == 0:
                if not is_up(s, j, m, upper, 0x4F):
                    return -1
                j += 1
        if not (is_up(s, j, m, upper, 0x31) and j + 1 < m and 0x32 <= up(s, j + 1, upper) <= 0x33):
            return -1
        j += 2
        for k in range(3):
            if not (j < m and Py_UNICODE_ISDECIMAL(up(s, j, upper))):
                return -1
            j += 1
    elif field == TAGS:  # TAGS?\b:?
        if not word_at(s, i, m, upper, b"TAG"):
            return -1
        j = i + 3 + is_up(s, i + 3, m, upper, 0x53)
    elif field == SUBJECT:  # SUBJ(?:ECT)?\b\s*(:?)
        if not word_at(s, i, m, upper, b"SUBJ"):
            return -1
        j = i + 4
        if word_at(s, j, m, upper, b"ECT"):
            j += 3
    elif field == REF:  # REF(?:TEL)?S?\b\s*(:?)
        if not word_at(s, i, m, upper, b"REF"):
            return -1
        j = i + 3
        if word_at(s, j, m, upper, b"TEL") and (
            ends_word(s, j + 3, m, upper)
            or (is_up(s, j + 3, m, upper, 0x53) and ends_word(s, j + 4, m, upper))
        ):
            j += 3
        j += is_up(s, j, m, upper, 0x53)
    else:  # CLASSIFIED\s+BY\b\s*:?
        if not (word_at(s, i, m, upper, b"CLASSIFIED") and i + 10 < m and space(up(s, i + 10, upper))):
            return -1
        j = i + 11
        while j < m and space(up(s, j, upper)):
            j += 1
        if not word_at(s, j, m, upper, b"BY"):
            return -1
        j += 2
    if not ends_word(s, j, m, upper):
        return -1
    if field == SUBJECT or field == REF or field == CBY:
        while j < m and space(up(s, j, upper)):
            j += 1
    if is_up(s, j, m, upper, 0x3A):
        colon[0] = True
        j += 1
    return j


cdef inline bint opens_line(const chars* s, Py_ssize_t start, const Py_UCS4* upper) noexcept nogil:
    """Only whitespace stands between the line start and ``start``."""
    cdef Py_ssize_t k = start - 1
    while k >= 0 and s[k] != 0x0A:
        if not space(up(s, k, upper)):
            return False
        k -= 1
    return True


cdef inline int find_fields(
    const chars* s, Py_ssize_t m, const Py_UCS4* upper, const unsigned char* opens,
    Py_ssize_t* starts, Py_ssize_t* ends,
) noexcept nogil:
    """``find_fields``: the first accepted match of each keyword (start -1: none), each
    search going on from the end of a rejected match. One pass: a character is looked
    at when it opens a keyword still wanted (``opens``: 1 + the field whose keyword a
    Latin-1 character opens, read through ``upper``; 0: none) and the next one can follow."""
    cdef Py_ssize_t resume[NFIELDS]
    cdef Py_ssize_t i, e
    cdef int field, wanted = (1 << NFIELDS) - 1
    cdef bint colon
    cdef Py_UCS4 c
    for field in range(NFIELDS):
        starts[field] = -1
        resume[field] = 0
    for i in range(m):
        c = s[i]
        if c >= 256 or not opens[c]:
            continue
        field = opens[c] - 1
        if not wanted & (1 << field) or i < resume[field]:
            continue
        if field != EO and not is_up(s, i + 1, m, upper, second(field)):
            continue
        e = keyword_end(s, i, m, upper, field, &colon)
        if e < 0:
            continue
        if (i and Py_UNICODE_ISALPHA(up(s, i - 1, upper))) or (
            (field == SUBJECT or field == REF) and not colon and not opens_line(s, i, upper)
        ):
            resume[field] = e
            continue
        starts[field] = i
        ends[field] = e
        wanted &= ~(1 << field)
        if not wanted:
            break
    return 0
