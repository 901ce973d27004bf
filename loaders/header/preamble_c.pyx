# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled preamble split (``preamble.py``): the end of the preamble, its five field
keywords and their values, read in one call in C instead of five regular expressions
over the upper-cased region and a Python loop per field.

``preamble_parts(body)`` gives ``split_preamble_python``'s fields (the reference, and the
fallback when this module is not built; ``tests/loaders/test_preamble_compiled.py``
compares them on every corpus body and on generated text) as a tuple ``(head, decl,
tags, subject, ref, classified_by, end, unclean)``: ``subject`` is cleaned, unless a
page mark, banner or ruler may stand in it (``clean_subject_text``'s hints), when it is
None and ``unclean`` holds the field for ``clean_subject_text`` to clean.

The keywords are looked for in the region as ``str.upper`` gives it: a table of the
upper case of each Latin-1 character (and General Punctuation, which has no case) is
read in place; a region holding another character (``ß``, ``ſ``, ``ı``, ``ﬁ`` ...) is
upper-cased by Python and its offsets used as the Python code uses them. Whitespace is
``str.isspace``'s (``re``'s ``\\s``), word characters are ``re``'s ``\\w``, digits ``\\d``
(decimal), the line breaks those of ``str.splitlines``.
"""

cdef extern from "Python.h":
    ctypedef unsigned char Py_UCS1
    ctypedef unsigned short Py_UCS2
    int PyUnicode_KIND(object o)
    void* PyUnicode_DATA(object o)
    object PyUnicode_FromKindAndData(int kind, const void* buffer, Py_ssize_t size)
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch) nogil
    bint Py_UNICODE_ISALPHA(Py_UCS4 ch) nogil
    bint Py_UNICODE_ISALNUM(Py_UCS4 ch) nogil
    bint Py_UNICODE_ISDECIMAL(Py_UCS4 ch) nogil

ctypedef fused chars:
    Py_UCS1
    Py_UCS2
    Py_UCS4

cdef enum:
    LIMIT = 6000  # preamble.MAX_PREAMBLE
    REF_LIMIT = 600  # preamble.MAX_REF
    CBY_LIMIT = 300
    PILCROW = 0xB6
    NFIELDS = 5
    EO = 0
    TAGS = 1
    SUBJECT = 2
    REF = 3
    CBY = 4

MAX_PREAMBLE = LIMIT
MAX_REF = REF_LIMIT
#: The field names, by index (``preamble._FIELDS``'s).
FIELD_NAMES = ("eo", "tags", "subject", "ref", "cby")
#: The first (ASCII) letter of each field's keyword, by index.
cdef Py_UCS4 FIRST[NFIELDS]
FIRST[:] = [0x45, 0x54, 0x53, 0x52, 0x43]  # E T S R C
#: ``chr(c).upper()`` of each Latin-1 character; NO_FOLD where it is not one character.
cdef Py_UCS4 NO_FOLD = 0xFFFFFFFF
cdef Py_UCS4 UPPER[256]
for _c in range(256):
    _u = chr(_c).upper()
    UPPER[_c] = ord(_u) if len(_u) == 1 else NO_FOLD
#: General Punctuation (U+2000-U+206F: quotes, dashes, spaces) is its own upper case.
PUNCTUATION_FOLDS = all(chr(_c).upper() == chr(_c) for _c in range(0x2000, 0x2070))
cdef bint PUNCT_OK = PUNCTUATION_FOLDS
#: The output of a value (never longer than the region it is read from).
cdef Py_UCS4 BUF[LIMIT]


cdef inline bint space(Py_UCS4 c) noexcept nogil:
    return Py_UNICODE_ISSPACE(c)


cdef inline bint is_word(Py_UCS4 c) noexcept nogil:
    return c == 0x5F or Py_UNICODE_ISALNUM(c)


cdef inline bint line_break(Py_UCS4 c) noexcept nogil:
    """A line break of ``str.splitlines``."""
    return (0x0A <= c <= 0x0D or 0x1C <= c <= 0x1E or c == 0x85
            or c == 0x2028 or c == 0x2029)


cdef inline Py_UCS4 up(const chars* s, Py_ssize_t i, bint fold) noexcept nogil:
    """``s[i]``, upper-cased when ``fold`` (the region is then one that folds)."""
    cdef Py_UCS4 c = s[i]
    return UPPER[c] if fold and c < 256 else c


cdef bint folds(const chars* s, Py_ssize_t n) noexcept nogil:
    """Is every character of ``s[:n]`` one whose upper case ``up`` knows?"""
    cdef Py_ssize_t i
    cdef Py_UCS4 c
    for i in range(n):
        c = s[i]
        if c < 256:
            if UPPER[c] == NO_FOLD:
                return False
        elif not (PUNCT_OK and 0x2000 <= c < 0x2070):
            return False
    return True


# --- the end of the preamble (find_preamble_end) ---

cdef Py_ssize_t skip_space(const chars* s, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    while i < n and space(s[i]):
        i += 1
    return i


cdef bint para_at(const chars* s, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    """``_FIRST_PARA_AT_START_RE`` matches at ``i`` (``n``: the end it may read to)."""
    cdef Py_ssize_t j, k
    i = skip_space(s, i, n)
    j = i
    if j < n and s[j] == PILCROW:
        j = skip_space(s, j + 1, n)
    if j < n and s[j] == 0x31:  # 1 \s* \. (?=\s|\()
        k = skip_space(s, j + 1, n)
        if k + 1 < n and s[k] == 0x2E and (space(s[k + 1]) or s[k + 1] == 0x28):
            return True
    if i < n and s[i] == PILCROW:  # ¶ \s* 1 \b
        j = skip_space(s, i + 1, n)
        if j < n and s[j] == 0x31 and (j + 1 >= n or not is_word(s[j + 1])):
            return True
    return False


cdef bint mid_para_at(const chars* s, Py_ssize_t q, Py_ssize_t n) noexcept nogil:
    """``_FIRST_PARA_MID_RE`` matches at ``q``: ``\\s¶``, then ``1 . (`` spaced."""
    cdef Py_ssize_t j
    if q < 1 or s[q] != PILCROW or not space(s[q - 1]):
        return False
    j = skip_space(s, q + 1, n)
    if not (j < n and s[j] == 0x31):
        return False
    j = skip_space(s, j + 1, n)
    if not (j < n and s[j] == 0x2E):
        return False
    j = skip_space(s, j + 1, n)
    return j < n and s[j] == 0x28


cdef Py_ssize_t preamble_end(const chars* s, Py_ssize_t length) noexcept nogil:
    """``find_preamble_end``: the regular expressions read ``s[:LIMIT]`` only."""
    cdef Py_ssize_t n = min(length, LIMIT), end = n, i
    if para_at(s, 0, n):
        return 0
    for i in range(n):
        if s[i] == 0x0A and para_at(s, i + 1, n):
            end = i + 1
            break
    for i in range(1, end):
        if s[i] == PILCROW and mid_para_at(s, i, n):
            return i
    return end


# --- the field keywords (find_fields), read in the upper-cased region ---

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
    search going on from the end of a rejected match."""
    cdef Py_ssize_t resume[NFIELDS]
    cdef Py_ssize_t i, e
    cdef int field, left = NFIELDS
    cdef bint colon
    cdef Py_UCS4 c
    for field in range(NFIELDS):
        starts[field] = -1
        resume[field] = 0
    for i in range(m):
        c = up(s, i, fold)
        for field in range(NFIELDS):
            if c == FIRST[field]:
                break
        else:
            continue
        if starts[field] >= 0 or i < resume[field]:
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
        left -= 1
        if not left:
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


# --- the values (field_value, ref_block, the reason test, clean_subject_text's hints) ---

cdef Py_ssize_t collapse(const chars* s, Py_ssize_t a, Py_ssize_t b, chars* out) noexcept nogil:
    """``" ".join(s[a:b].split())`` written to ``out``; its length."""
    cdef Py_ssize_t k = 0
    while True:
        a = skip_space(s, a, b)
        if a >= b:
            return k
        if k:
            out[k] = 0x20
            k += 1
        while a < b and not space(s[a]):
            out[k] = s[a]
            k += 1
            a += 1


cdef Py_ssize_t blank_line(const chars* s, Py_ssize_t a, Py_ssize_t b) noexcept nogil:
    """``field_value``'s cut: the first ``\\n[ \\t]*\\n`` after the leading ``\\n \\t``."""
    cdef Py_ssize_t i, j
    while a < b and (s[a] == 0x0A or s[a] == 0x20 or s[a] == 0x09):
        a += 1
    for i in range(a, b):
        if s[i] == 0x0A:
            j = i + 1
            while j < b and (s[j] == 0x20 or s[j] == 0x09):
                j += 1
            if j < b and s[j] == 0x0A:
                return i
    return b


cdef bint bullet(const chars* s, Py_ssize_t i, Py_ssize_t e) noexcept nogil:
    """``_BULLET_LINE_RE`` matches the line ``s[i:e]``."""
    i = skip_space(s, i, e)
    if i < e and s[i] == PILCROW:
        i = skip_space(s, i + 1, e)
    if i + 2 < e and s[i] == 0x28 and 0x41 <= s[i + 1] <= 0x5A and s[i + 2] == 0x29:
        return True
    return i + 1 < e and 0x41 <= s[i] <= 0x5A and (s[i + 1] == 0x2E or s[i + 1] == 0x29)


cdef Py_ssize_t ref_end(const chars* s, Py_ssize_t a, Py_ssize_t b) noexcept nogil:
    """Where ``ref_block`` stops reading ``s[a:b]``: at the first line after a blank one
    that is not a bullet (lines as ``str.splitlines`` cuts them)."""
    cdef Py_ssize_t e
    cdef bint blank = False
    while a < b and s[a] == 0x0A:  # text.strip("\n")
        a += 1
    while b > a and s[b - 1] == 0x0A:
        b -= 1
    while a < b:
        e = a
        while e < b and not line_break(s[e]):
            e += 1
        if skip_space(s, a, e) == e:
            blank = True
        elif blank and not bullet(s, a, e):
            return a
        else:
            blank = False
        a = e + 2 if e + 1 < b and s[e] == 0x0D and s[e + 1] == 0x0A else e + 1
    return b


cdef bint folds_to(unsigned int c, unsigned int lower) noexcept nogil:
    """``c`` matches the ASCII letter ``lower`` ignoring case (``re.IGNORECASE``)."""
    return c == lower or c == lower - 32 or (lower == 0x73 and c == 0x17F)  # ſ


cdef bint names_reason(const chars* s, Py_ssize_t n) noexcept nogil:
    """``_REASON_RE`` finds ``1.4`` to ``1.7``, ``reason`` or ``n/a`` in ``s[:n]``."""
    cdef Py_ssize_t i, j
    cdef Py_UCS4 c
    for i in range(n):
        c = s[i]
        if c == 0x31:
            j = i + 1
            j += j < n and space(s[j])
            if j < n and s[j] == 0x2E:
                j += 1
                j += j < n and space(s[j])
                if j < n and 0x34 <= s[j] <= 0x37:
                    return True
        elif folds_to(c, 0x72) and i + 5 < n:
            if (folds_to(s[i + 1], 0x65) and folds_to(s[i + 2], 0x61) and folds_to(s[i + 3], 0x73)
                    and folds_to(s[i + 4], 0x6F) and folds_to(s[i + 5], 0x6E)):
                return True
        elif folds_to(c, 0x6E) and i + 2 < n and s[i + 1] == 0x2F and folds_to(s[i + 2], 0x61):
            return True
    return False


cdef bint holds(const chars* s, Py_ssize_t n, const char* w) noexcept nogil:
    """``w`` (ASCII) is in ``s[:n]``."""
    cdef Py_ssize_t i, k
    for i in range(n):
        k = 0
        while w[k] and i + k < n and s[i + k] == <Py_UCS4> w[k]:
            k += 1
        if not w[k]:
            return True
    return False


cdef bint subject_hint(const chars* s, Py_ssize_t n) noexcept nogil:
    """``clean_subject_text`` may change more than the ends of ``s[:n]``."""
    return (holds(s, n, b"O N F") or holds(s, n, b"S E C") or holds(s, n, b"U N C")
            or holds(s, n, b"----") or holds(s, n, b"000") or holds(s, n, b"day,")
            or holds(s, n, b"PAGE"))


cdef inline bint strips(Py_UCS4 c) noexcept nogil:
    return c == 0x20 or c == 0x2C or c == 0x3B or c == 0x3A or c == 0x2D  # " ,;:-"


cdef tuple parts_of(const chars* s, str body, int kind, Py_ssize_t length):
    cdef Py_ssize_t end = preamble_end(s, length)
    cdef Py_ssize_t starts[NFIELDS]
    cdef Py_ssize_t ends[NFIELDS]
    cdef int order[NFIELDS]
    cdef int count = 0, f, k, field
    cdef Py_ssize_t a, b, n, first = end
    cdef chars* out = <chars*> BUF
    cdef bint fold = folds(s, end)
    if fold:
        fields_of(body, end, True, starts, ends)
    else:
        upper = body[:end].upper()
        fields_of(upper, len(upper), False, starts, ends)
    for f in range(NFIELDS):  # by start (insertion)
        if starts[f] < 0:
            continue
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
        b = min(starts[order[k + 1]], end) if k + 1 < count else end
        b = max(a, b)
        if field == REF:
            n = collapse(s, a, ref_end(s, a, b), out)
            if n > REF_LIMIT:
                n = REF_LIMIT
                for f in range(REF_LIMIT - 1, -1, -1):
                    if out[f] == 0x20:
                        n = f
                        break
        else:
            n = collapse(s, a, blank_line(s, a, b), out)
        if field == CBY and not names_reason(out, n):
            n = min(collapse(s, a, b, out), CBY_LIMIT)
        if field == SUBJECT:
            if subject_hint(out, n):
                unclean = PyUnicode_FromKindAndData(kind, out, n)
                continue
            a = 0
            while a < n and strips(out[a]):
                a += 1
            while n > a and strips(out[n - 1]):
                n -= 1
            if n > a:
                values[field] = PyUnicode_FromKindAndData(kind, out + a, n - a)
            continue
        values[field] = PyUnicode_FromKindAndData(kind, out, n)
    if count:
        first = min(starts[order[0]], end)
    return (body[:first], values[EO], values[TAGS], values[SUBJECT], values[REF],
            values[CBY], end, unclean)


def preamble_parts(str body not None):
    cdef int kind = PyUnicode_KIND(body)
    cdef void* data = PyUnicode_DATA(body)
    if kind == 1:
        return parts_of(<Py_UCS1*> data, body, kind, len(body))
    if kind == 2:
        return parts_of(<Py_UCS2*> data, body, kind, len(body))
    return parts_of(<Py_UCS4*> data, body, kind, len(body))
