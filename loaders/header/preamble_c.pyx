# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled preamble split (``preamble.py``): the end of the preamble, its five field
keywords and their values, read in one call in C instead of five regular expressions
over the upper-cased region and a Python loop per field.

``preamble_parts(body)`` gives the fields ``split_preamble_python`` (the reference and
fallback; ``tests/loaders/test_preamble_compiled.py`` compares) reads, as ``(head, decl,
tags, subject, ref, classified_by, end, unclean)``: the subject cleaned, or None and
``unclean`` the field when ``clean_subject_text`` may find a page mark or banner in it.

Keywords are looked for in the region as ``str.upper`` gives it: read in place through
a table of the upper case of Latin-1 (General Punctuation has no case); a region with
another character (``ß``, ``ſ``, ``ı``, ``ﬁ`` ...) is upper-cased by Python and its
offsets used in the region, as the Python code uses them.
"""

from loaders.header.preamble_text_c cimport (
    LIMIT, PILCROW, PyUnicode_FromKindAndData, Py_UCS1, Py_UCS2, Py_UNICODE_ISALPHA,
    Py_UNICODE_ISDECIMAL, blank_line, chars, collapse, find, is_word, names_reason,
    preamble_end, ref_end, space, strips, subject_hint,
)


cdef extern from "Python.h":
    int PyUnicode_KIND(object o)
    void* PyUnicode_DATA(object o)


cdef enum:
    EO = 0  # the fields, in preamble._FIELDS's order
    TAGS, SUBJECT, REF, CBY, NFIELDS
    REF_LIMIT = 600  # preamble.MAX_REF
    CBY_LIMIT = 300

MAX_PREAMBLE = LIMIT
MAX_REF = REF_LIMIT
#: The field names, by index (``preamble._FIELDS``'s).
FIELD_NAMES = ("eo", "tags", "subject", "ref", "cby")
#: The first (ASCII) letter of each field's keyword, by index.
cdef Py_UCS4 FIRST[NFIELDS]
FIRST[:] = [0x45, 0x54, 0x53, 0x52, 0x43]  # E T S R C
#: The second letter of each keyword (EO's may be ``.``, a space or ``O``: not tested).
cdef Py_UCS4 SECOND[NFIELDS]
SECOND[:] = [0, 0x41, 0x55, 0x45, 0x4C]  # - A U E L
#: ``chr(c).upper()`` of each Latin-1 character; NO_FOLD where it is not one character.
cdef Py_UCS4 NO_FOLD = 0xFFFFFFFF
cdef Py_UCS4 UPPER[256]
for _c in range(256):
    _u = chr(_c).upper()
    UPPER[_c] = ord(_u) if len(_u) == 1 else NO_FOLD
#: ``ß`` is the only Latin-1 character whose upper case is not one character.
cdef bint ONLY_SHARP_S = all((UPPER[_c] == NO_FOLD) == (_c == 0xDF) for _c in range(256))
#: The bit of the field whose keyword a Latin-1 character opens once upper-cased (0:
#: none), and that field.
cdef unsigned char OPENS[256]
cdef unsigned char FIELD_OF[256]
for _c in range(256):
    for _f in range(NFIELDS):
        if UPPER[_c] == FIRST[_f]:
            OPENS[_c] = 1 << _f
            FIELD_OF[_c] = _f
#: General Punctuation (U+2000-U+206F: quotes, dashes, spaces) is its own upper case.
PUNCTUATION_FOLDS = all(chr(_c).upper() == chr(_c) for _c in range(0x2000, 0x2070))
cdef bint PUNCT_OK = PUNCTUATION_FOLDS
#: The output of a value (never longer than the region it is read from).
cdef Py_UCS4 BUF[LIMIT]


cdef inline Py_UCS4 up(const chars* s, Py_ssize_t i, bint fold) noexcept nogil:
    """``s[i]``, upper-cased when ``fold`` (the region is then one that folds)."""
    cdef Py_UCS4 c = s[i]
    return UPPER[c] if fold and c < 256 else c


cdef bint folds(const chars* s, Py_ssize_t n) noexcept nogil:
    """Is every character of ``s[:n]`` one whose upper case ``up`` knows?"""
    cdef Py_ssize_t i
    cdef Py_UCS4 c
    if chars is Py_UCS1 and ONLY_SHARP_S:
        return find(s, 0, n, 0xDF) == n
    for i in range(n):
        c = s[i]
        if c < 256:
            if UPPER[c] == NO_FOLD:
                return False
        elif not (PUNCT_OK and 0x2000 <= c < 0x2070):
            return False
    return True


cdef bint word_at(const chars* s, Py_ssize_t i, Py_ssize_t m, bint fold, const char* w) noexcept nogil:
    """The upper-cased region holds the ASCII word ``w`` at ``i``."""
    cdef Py_ssize_t k = 0
    while w[k]:
        if i + k >= m or up(s, i + k, fold) != <Py_UCS4> w[k]:
            return False
        k += 1
    return True


cdef inline bint ends_word(const chars* s, Py_ssize_t i, Py_ssize_t m, bint fold) noexcept nogil:
    """``\\b`` at ``i``, after a word character."""
    return i >= m or not is_word(up(s, i, fold))


cdef inline bint is_up(const chars* s, Py_ssize_t i, Py_ssize_t m, bint fold, Py_UCS4 c) noexcept nogil:
    return i < m and up(s, i, fold) == c


cdef Py_ssize_t keyword_end(
    const chars* s, Py_ssize_t i, Py_ssize_t m, bint fold, int field, bint* colon
) noexcept nogil:
    """The end of ``field``'s keyword pattern matched at ``i`` (-1: no match); ``colon``:
    the pattern's group 1 (the colon of SUBJECT and REF) is not empty."""
    cdef Py_ssize_t j = i + 1
    cdef int k
    colon[0] = False
    if field == EO:  # E\.?\s?O\.?\s?1[23]\d{3}\b:?
        for k in range(2):
            j += is_up(s, j, m, fold, 0x2E)
            j += j < m and space(up(s, j, fold))
            if k == 0:
                if not is_up(s, j, m, fold, 0x4F):
                    return -1
                j += 1
        if not (is_up(s, j, m, fold, 0x31) and j + 1 < m and 0x32 <= up(s, j + 1, fold) <= 0x33):
            return -1
        j += 2
        for k in range(3):
            if not (j < m and Py_UNICODE_ISDECIMAL(up(s, j, fold))):
                return -1
            j += 1
    elif field == TAGS:  # TAGS?\b:?
        if not word_at(s, i, m, fold, b"TAG"):
            return -1
        j = i + 3 + is_up(s, i + 3, m, fold, 0x53)
    elif field == SUBJECT:  # SUBJ(?:ECT)?\b\s*(:?)
        if not word_at(s, i, m, fold, b"SUBJ"):
            return -1
        j = i + 4
        if word_at(s, j, m, fold, b"ECT"):
            j += 3
    elif field == REF:  # REF(?:TEL)?S?\b\s*(:?)
        if not word_at(s, i, m, fold, b"REF"):
            return -1
        j = i + 3
        if word_at(s, j, m, fold, b"TEL") and (
            ends_word(s, j + 3, m, fold)
            or (is_up(s, j + 3, m, fold, 0x53) and ends_word(s, j + 4, m, fold))
        ):
            j += 3
        j += is_up(s, j, m, fold, 0x53)
    else:  # CLASSIFIED\s+BY\b\s*:?
        if not (word_at(s, i, m, fold, b"CLASSIFIED") and i + 10 < m and space(up(s, i + 10, fold))):
            return -1
        j = i + 11
        while j < m and space(up(s, j, fold)):
            j += 1
        if not word_at(s, j, m, fold, b"BY"):
            return -1
        j += 2
    if not ends_word(s, j, m, fold):
        return -1
    if field == SUBJECT or field == REF or field == CBY:
        while j < m and space(up(s, j, fold)):
            j += 1
    if is_up(s, j, m, fold, 0x3A):
        colon[0] = True
        j += 1
    return j


cdef bint opens_line(const chars* s, Py_ssize_t start, bint fold) noexcept nogil:
    """Only whitespace stands between the line start and ``start``."""
    cdef Py_ssize_t k = start - 1
    while k >= 0 and s[k] != 0x0A:
        if not space(up(s, k, fold)):
            return False
        k -= 1
    return True


cdef int find_fields(
    const chars* s, Py_ssize_t m, bint fold, Py_ssize_t* starts, Py_ssize_t* ends
) noexcept nogil:
    """``find_fields``: the first accepted match of each keyword (start -1: none), each
    search going on from the end of a rejected match. One pass: a character is looked
    at when it can open a keyword still wanted (``OPENS``) and the next one can follow."""
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
        if c >= 256 or not OPENS[c] & wanted:
            continue
        field = FIELD_OF[c]
        if i < resume[field] or up(s, i, fold) != FIRST[field]:
            continue
        if field != EO and not is_up(s, i + 1, m, fold, SECOND[field]):
            continue
        e = keyword_end(s, i, m, fold, field, &colon)
        if e < 0:
            continue
        if (i and Py_UNICODE_ISALPHA(up(s, i - 1, fold))) or (
            (field == SUBJECT or field == REF) and not colon and not opens_line(s, i, fold)
        ):
            resume[field] = e
            continue
        starts[field] = i
        ends[field] = e
        wanted &= ~(1 << field)
        if not wanted:
            break
    return 0


cdef int fields_of(str text, Py_ssize_t m, bint fold, Py_ssize_t* starts, Py_ssize_t* ends):
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    if kind == 1:
        return find_fields(<Py_UCS1*> data, m, fold, starts, ends)
    if kind == 2:
        return find_fields(<Py_UCS2*> data, m, fold, starts, ends)
    return find_fields(<Py_UCS4*> data, m, fold, starts, ends)


cdef Py_ssize_t value_of(
    const chars* s, Py_ssize_t a, Py_ssize_t b, int field, chars* out
) noexcept nogil:
    """The value of ``field`` read from ``s[a:b]`` into ``out`` (``split_preamble_python``'s
    loop): its length."""
    cdef Py_ssize_t n, k
    if field != REF:
        n = collapse(s, a, blank_line(s, a, b), out, LIMIT)
        if field == CBY and not names_reason(out, n):
            n = collapse(s, a, b, out, CBY_LIMIT)
        return n
    n = collapse(s, a, ref_end(s, a, b), out, LIMIT)
    if n <= REF_LIMIT:
        return n
    for k in range(REF_LIMIT - 1, -1, -1):  # value[:MAX_REF].rsplit(" ", 1)[0]
        if out[k] == 0x20:
            return k
    return REF_LIMIT


cdef tuple parts_of(const chars* s, str body, int kind, Py_ssize_t length):
    """``preamble_parts`` of a body of ``kind`` read as ``s``."""
    cdef Py_ssize_t end = preamble_end(s, length)
    cdef Py_ssize_t starts[NFIELDS]
    cdef Py_ssize_t ends[NFIELDS]
    cdef int order[NFIELDS]
    cdef int count = 0, f, k, field
    cdef Py_ssize_t a, b, n
    cdef chars* out = <chars*> BUF
    if folds(s, end):
        fields_of(body, end, True, starts, ends)
    else:  # offsets in the upper-cased region, used in the region (as Python does)
        upper = body[:end].upper()
        fields_of(upper, len(upper), False, starts, ends)
    for f in range(NFIELDS):  # the fields found, by start
        if starts[f] >= 0:
            k = count
            while k and starts[order[k - 1]] > starts[f]:
                order[k] = order[k - 1]
                k -= 1
            order[k] = f
            count += 1
    values = [None] * NFIELDS
    unclean = None
    for k in range(count):
        field = order[k]
        a = min(ends[field], end)
        b = max(a, min(starts[order[k + 1]], end) if k + 1 < count else end)
        n = value_of(s, a, b, field, out)
        if field != SUBJECT:
            values[field] = PyUnicode_FromKindAndData(kind, out, n)
        elif subject_hint(out, n):
            unclean = PyUnicode_FromKindAndData(kind, out, n)
        else:  # clean_subject_text of a value with no hint: its ends stripped
            a = 0
            while a < n and strips(out[a]):
                a += 1
            while n > a and strips(out[n - 1]):
                n -= 1
            if n > a:
                values[field] = PyUnicode_FromKindAndData(kind, out + a, n - a)
    head = body[: min(starts[order[0]], end) if count else end]
    return (head, values[EO], values[TAGS], values[SUBJECT], values[REF], values[CBY], end,
            unclean)


def preamble_parts(str body not None):
    """``(head, decl, tags, subject, ref, classified_by, end, unclean)`` of ``body``, as
    ``split_preamble_python`` reads them (see the module's docstring)."""
    cdef int kind = PyUnicode_KIND(body)
    cdef void* data = PyUnicode_DATA(body)
    if kind == 1:
        return parts_of(<Py_UCS1*> data, body, kind, len(body))
    if kind == 2:
        return parts_of(<Py_UCS2*> data, body, kind, len(body))
    return parts_of(<Py_UCS4*> data, body, kind, len(body))
