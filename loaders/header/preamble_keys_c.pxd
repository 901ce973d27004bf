# cython: language_level=3
"""The field keywords of ``preamble_c.pyx`` (``cimport`` only; no module of its own):
``find_fields`` and its patterns (``preamble._FIELDS``) matched in C, in the region as
``str.upper`` gives it: read through a table of the upper case of Latin-1 characters
(``upper``), or already upper-cased (``upper`` NULL)."""

from loaders.header.preamble_text_c cimport (
    Py_UCS1, Py_UCS2, Py_UNICODE_ISALPHA, Py_UNICODE_ISDECIMAL, chars, is_word, space,
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


cdef extern from *:
    """
    #if defined(__SSE2__)
    #include <emmintrin.h>
    #define KEY_SIMD 1
    #else
    #define KEY_SIMD 0
    #endif

    /* Bit k: s[k] or'ed with 0x20 is the first letter of a wanted keyword in lower case,
       and s[k + 1] or'ed with 0x20 its second (E.O.'s second is not tested). Reads
       s[0:17]. */
    static inline unsigned int key_mask(const unsigned char* s, int wanted) {
    #if KEY_SIMD
        const __m128i low = _mm_set1_epi8(0x20);
        __m128i x = _mm_or_si128(_mm_loadu_si128((const __m128i*) s), low);
        __m128i y = _mm_or_si128(_mm_loadu_si128((const __m128i*) (s + 1)), low);
        __m128i m = _mm_setzero_si128();
        #define KEY_PAIR(a, b) _mm_and_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(a)), \
                                             _mm_cmpeq_epi8(y, _mm_set1_epi8(b)))
        if (wanted & 1) m = _mm_cmpeq_epi8(x, _mm_set1_epi8('e'));
        if (wanted & 2) m = _mm_or_si128(m, KEY_PAIR('t', 'a'));
        if (wanted & 4) m = _mm_or_si128(m, KEY_PAIR('s', 'u'));
        if (wanted & 8) m = _mm_or_si128(m, KEY_PAIR('r', 'e'));
        if (wanted & 16) m = _mm_or_si128(m, KEY_PAIR('c', 'l'));
        #undef KEY_PAIR
        return (unsigned int) _mm_movemask_epi8(m);
    #else
        (void) s; (void) wanted;
        return 0xFFFFu;
    #endif
    }

    /* key_mask for 2-byte units: 8 offsets, at the even bits. Reads s[0:9]. */
    static inline unsigned int key_mask16(const unsigned short* s, int wanted) {
    #if KEY_SIMD
        const __m128i low = _mm_set1_epi16(0x20);
        __m128i x = _mm_or_si128(_mm_loadu_si128((const __m128i*) s), low);
        __m128i y = _mm_or_si128(_mm_loadu_si128((const __m128i*) (s + 1)), low);
        __m128i m = _mm_setzero_si128();
        #define KEY_PAIR16(a, b) _mm_and_si128(_mm_cmpeq_epi16(x, _mm_set1_epi16(a)), \
                                               _mm_cmpeq_epi16(y, _mm_set1_epi16(b)))
        if (wanted & 1) m = _mm_cmpeq_epi16(x, _mm_set1_epi16('e'));
        if (wanted & 2) m = _mm_or_si128(m, KEY_PAIR16('t', 'a'));
        if (wanted & 4) m = _mm_or_si128(m, KEY_PAIR16('s', 'u'));
        if (wanted & 8) m = _mm_or_si128(m, KEY_PAIR16('r', 'e'));
        if (wanted & 16) m = _mm_or_si128(m, KEY_PAIR16('c', 'l'));
        #undef KEY_PAIR16
        return (unsigned int) _mm_movemask_epi8(m) & 0x5555u;
    #else
        (void) s; (void) wanted;
        return 0x5555u;
    #endif
    }

    static inline int key_lowest_bit(unsigned int m) {
    #if defined(__GNUC__)
        return __builtin_ctz(m);
    #else
        int k = 0;
        while (!(m & 1u)) { m >>= 1; k++; }
        return k;
    #endif
    }
    """
    int KEY_SIMD
    unsigned int key_mask(const unsigned char* s, int wanted) noexcept nogil
    unsigned int key_mask16(const unsigned short* s, int wanted) noexcept nogil
    int key_lowest_bit(unsigned int m) noexcept nogil


cdef inline int look_at(
    const chars* s, Py_ssize_t i, Py_ssize_t m, const Py_UCS4* upper,
    const unsigned char* opens, Py_ssize_t* starts, Py_ssize_t* ends, Py_ssize_t* resume,
    int wanted,
) noexcept nogil:
    """``wanted`` (a bit a field) once ``s[i]`` is read: less the field whose keyword is
    accepted there, or with ``resume`` set past one rejected there."""
    cdef Py_UCS4 c = s[i]
    cdef Py_ssize_t e
    cdef int field
    cdef bint colon
    if c >= 256 or not opens[c]:
        return wanted
    field = opens[c] - 1
    if not wanted & (1 << field) or i < resume[field]:
        return wanted
    if field != EO and not is_up(s, i + 1, m, upper, second(field)):
        return wanted
    e = keyword_end(s, i, m, upper, field, &colon)
    if e < 0:
        return wanted
    if (i and Py_UNICODE_ISALPHA(up(s, i - 1, upper))) or (
        (field == SUBJECT or field == REF) and not colon and not opens_line(s, i, upper)
    ):
        resume[field] = e
        return wanted
    starts[field] = i
    ends[field] = e
    return wanted & ~(1 << field)


cdef inline int find_fields(
    const chars* s, Py_ssize_t m, const Py_UCS4* upper, const unsigned char* opens,
    bint ascii_opens, Py_ssize_t* starts, Py_ssize_t* ends,
) noexcept nogil:
    """``find_fields``: the first accepted match of each keyword (start -1: none), each
    search going on from the end of a rejected match. One pass: a character is looked
    at when it opens a keyword still wanted (``opens``: 1 + the field whose keyword a
    Latin-1 character opens, read through ``upper``; 0: none) and the next one can follow.
    When only ASCII letters open one (``ascii_opens``), SSE2 skips the 16-byte blocks of
    1- and 2-byte text where no pair of letters can (``key_mask``, ``key_mask16``)."""
    cdef Py_ssize_t resume[NFIELDS]
    cdef Py_ssize_t i = 0
    cdef int field, wanted = (1 << NFIELDS) - 1
    cdef unsigned int mask
    for field in range(NFIELDS):
        starts[field] = -1
        resume[field] = 0
    if chars is Py_UCS1 and KEY_SIMD:
        if ascii_opens:
            while i + 17 <= m and wanted:
                mask = key_mask(<const unsigned char*> (s + i), wanted)
                while mask:
                    wanted = look_at(s, i + key_lowest_bit(mask), m, upper, opens, starts, ends,
                                     resume, wanted)
                    mask &= mask - 1
                i += 16
    elif chars is Py_UCS2 and KEY_SIMD:
        if ascii_opens:
            while i + 9 <= m and wanted:
                mask = key_mask16(<const unsigned short*> (s + i), wanted)
                while mask:
                    wanted = look_at(s, i + (key_lowest_bit(mask) >> 1), m, upper, opens,
                                     starts, ends, resume, wanted)
                    mask &= mask - 1
                i += 8
    while i < m and wanted:
        wanted = look_at(s, i, m, upper, opens, starts, ends, resume, wanted)
        i += 1
    return 0
