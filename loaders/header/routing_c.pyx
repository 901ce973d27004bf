# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled routing header walk: :func:`loaders.header.routing.read_routing` as one C pass
over the header's lines (each line split off, classified as skipped / precedence line /
section / addressee, and an addressee split into name, route, precedence and MCN in C).

``read_routing(header)`` gives what the pure-Python reference
``routing.read_routing_python`` gives (``tests/loaders/test_routing_compiled.py`` compares
them on every corpus header and on generated headers), or None where it declines and the
reference reads the header: a header that is not ASCII (Unicode whitespace, digits and
line breaks stay with ``re`` and ``str``), or a line of more than ``MAX_WORDS`` words.
On ASCII text the patterns' ``\\s`` and ``str.split()`` whitespace is the space, ``\\t
\\n \\x0b \\x0c \\r`` and ``\\x1c``-``\\x1f``; ``str.splitlines()`` breaks at ``\\n \\r
\\r\\n \\x0b \\x0c \\x1c \\x1d \\x1e``. A line that can hold a page-break tail (``PAGE``)
or a glued banner (`` I ``, ``E C R``) is cleaned by the reference's
``clean_header_line`` (a few lines in a corpus), the rest of its reading is done here.
"""

from cpython.mem cimport PyMem_Free, PyMem_Malloc
from libc.stdio cimport snprintf
from libc.string cimport memcmp, memcpy

from loaders.header.dtg import parse_dtg
from loaders.record import Role

cdef extern from "Python.h":
    ctypedef unsigned char Py_UCS1
    void* PyUnicode_DATA(object o)
    Py_ssize_t PyUnicode_GET_LENGTH(object o)
    object PyUnicode_FromKindAndData(int kind, const void* buffer, Py_ssize_t size)

cdef enum:
    MAX_WORDS = 128
    NO_SECTION = 0
    FM = 1  # FM or FROM
    TO = 2
    INFO = 3

#: Precedence words, their letters and the ``NIACT`` forms, as the reference writes them.
LETTERS = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE"}
cdef tuple WORDS = ("FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE")
cdef tuple NIACT_WORDS = tuple(f"NIACT {word}" for word in WORDS)
cdef const char* WORD_TEXTS[4]
WORD_TEXTS[:] = [b"FLASH", b"IMMEDIATE", b"PRIORITY", b"ROUTINE"]
cdef Py_ssize_t WORD_SIZES[4]
WORD_SIZES[:] = [5, 9, 8, 7]
cdef const char* MONTHS = b"JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC"
cdef int DAYS[12]
DAYS[:] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
cdef object ACTION = Role.ACTION, INFO_ROLE = Role.INFO
cdef object clean_line = None  # routing.clean_header_line, imported on first use


cdef inline bint is_space(Py_UCS1 c) noexcept nogil:
    return c == 32 or 9 <= c <= 13 or 28 <= c <= 31


cdef inline bint is_break(Py_UCS1 c) noexcept nogil:
    return c == 10 or c == 13 or c == 11 or c == 12 or 28 <= c <= 30


cdef inline bint is_digit(Py_UCS1 c) noexcept nogil:
    return 48 <= c <= 57


cdef inline bint is_upper(Py_UCS1 c) noexcept nogil:
    return 65 <= c <= 90


cdef inline bint is_letter(Py_UCS1 c) noexcept nogil:
    return 65 <= c <= 90 or 97 <= c <= 122


cdef inline bint is_word(Py_UCS1 c) noexcept nogil:
    return is_letter(c) or is_digit(c) or c == 95


cdef inline bint opens(const Py_UCS1* t, Py_ssize_t p, Py_ssize_t q, const char* word,
                       Py_ssize_t n) noexcept nogil:
    """``t[p:q]`` starts with ``word``."""
    return q - p >= n and memcmp(t + p, word, n) == 0


cdef inline bint keyword(const Py_UCS1* t, Py_ssize_t p, Py_ssize_t q, const char* word,
                         Py_ssize_t n) noexcept nogil:
    """``t[p:q]`` starts with ``word`` and a word boundary (``\\b``) after it."""
    return opens(t, p, q, word, n) and (p + n == q or not is_word(t[p + n]))


cdef inline Py_ssize_t skip_spaces(const Py_UCS1* t, Py_ssize_t i, Py_ssize_t q) noexcept nogil:
    while i < q and is_space(t[i]):
        i += 1
    return i


cdef inline Py_ssize_t skip_digits(const Py_UCS1* t, Py_ssize_t i, Py_ssize_t q,
                                   Py_ssize_t most) noexcept nogil:
    """The end of the run of at most ``most`` digits at ``i``."""
    cdef Py_ssize_t j = i
    while j < q and j - i < most and is_digit(t[j]):
        j += 1
    return j


cdef inline bint contains(const Py_UCS1* t, Py_ssize_t p, Py_ssize_t q, const char* part,
                          Py_ssize_t n) noexcept nogil:
    cdef Py_ssize_t i
    for i in range(p, q - n + 1):
        if memcmp(t + i, part, n) == 0:
            return True
    return False


cdef inline int number(const Py_UCS1* t, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    cdef int value = 0
    for i in range(i, i + n):
        value = value * 10 + t[i] - 48
    return value


cdef object read_dtg(const Py_UCS1* t, Py_ssize_t g, Py_ssize_t m, Py_ssize_t y,
                     Py_ssize_t end):
    """``parse_dtg`` of a precedence line's ``DDHHMMZ MON YY`` (day at ``g``, month at
    ``m``, year digits ``t[y:end]``)."""
    cdef int month = 0, day, year, last
    cdef char out[32]
    while month < 12 and memcmp(MONTHS + 3 * month, t + m, 3) != 0:
        month += 1
    if month == 12:
        return None
    year = number(t, y, end - y)
    if end - y == 2:
        year += 1900 if year >= 60 else 2000
    day, last = number(t, g, 2), DAYS[month]
    if month == 1 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        last = 29
    if year < 1 or day < 1 or day > last or number(t, g + 2, 2) > 23 or number(t, g + 4, 2) > 59:
        return None
    snprintf(out, 32, "%04d-%02d-%02dT%c%c:%c%cZ", year, month + 1, day,
             t[g + 2], t[g + 3], t[g + 4], t[g + 5])
    return out[:17].decode("ascii")


cdef object precedence_line(const Py_UCS1* t, Py_ssize_t p, Py_ssize_t q):
    """``(first, second, dtg)`` of a precedence line ``O P 261310Z JUN 08`` (the
    reference's ``_PRECEDENCE_LINE_RE``), None for another line; ``t[p]`` is a letter
    of ``ZOPR`` and ``t[p + 1]`` a space."""
    cdef Py_ssize_t i = skip_spaces(t, p + 1, q), g, m, y, end
    cdef Py_UCS1 second = t[p]
    if i < q and (t[i] == 90 or t[i] == 79 or t[i] == 80 or t[i] == 82):  # Z O P R
        second, g = t[i], i + 1
        i = skip_spaces(t, g, q)
        if i == g:
            return None
    g = i
    if skip_digits(t, g, q, 6) != g + 6 or g + 6 >= q or t[g + 6] != 90:  # Z
        return None
    m = skip_spaces(t, g + 7, q)
    if m == g + 7 or m + 3 > q or not (is_upper(t[m]) and is_upper(t[m + 1]) and is_upper(t[m + 2])):
        return None
    y = skip_spaces(t, m + 3, q)
    end = skip_digits(t, y, q, 4)
    if y == m + 3 or end - y < 2:
        return None
    return chr(t[p]), chr(second), read_dtg(t, g, m, y, end)


cdef bint skipped(const Py_UCS1* t, Py_ssize_t p, Py_ssize_t q) noexcept nogil:
    """The reference's ``_SKIP_RE`` matches ``t[p:q]`` (ZEN, BT, NNNN, INFO LOG-00 ...)."""
    cdef Py_ssize_t i, j
    if opens(t, p, q, b"ZEN", 3) or opens(t, p, q, b"ZFR", 3) or opens(t, p, q, b"ZEX", 3):
        return True
    if keyword(t, p, q, b"BT", 2) or opens(t, p, q, b"NNNN", 4) or keyword(t, p, q, b"XMT", 3):
        return True
    if keyword(t, p, q, b"SPECIAL", 7):
        return True
    if opens(t, p, q, b"O", 1):
        i = skip_spaces(t, p + 1, q)
        return i > p + 1 and skip_digits(t, i, q, 6) == i + 6 and i + 6 < q and t[i + 6] == 90
    if opens(t, p, q, b"INFO", 4):
        i = skip_spaces(t, p + 4, q)
        j = i
        while j < q and is_word(t[j]):
            j += 1
        return i > p + 4 and j > i and j + 3 <= q and t[j] == 45 and is_digit(t[j + 1]) and is_digit(t[j + 2])
    return False


cdef inline bint is_mcn(const Py_UCS1* t, Py_ssize_t a, Py_ssize_t b) noexcept nogil:
    """``t[a:b]`` is a message number: 1-6 digits, maybe ``-`` and 1-6 more."""
    cdef Py_ssize_t i = skip_digits(t, a, b, 6), j
    if i == a or i == b:
        return i > a and i == b
    if t[i] != 45:
        return False
    j = skip_digits(t, i + 1, b, 6)
    return j > i + 1 and j == b


cdef object addressee(const Py_UCS1* t, Py_ssize_t p, Py_ssize_t q, object role, char* buf,
                      Py_ssize_t* starts, Py_ssize_t* ends):
    """The row (name, route, written precedence, MCN, role) of an addressee text, None
    when it has no name (the reference's ``line_addressee``); False: too many words."""
    cdef Py_ssize_t i = p, a, b, count = 0, n, k
    cdef object route = None, mcn = None, precedence = None, name
    cdef bint letters = False
    while i < q and t[i] != 47:  # /
        i += 1
    if i < q:
        a, b = skip_spaces(t, p, i), i
        while b > a and is_space(t[b - 1]):
            b -= 1
        if 4 <= b - a <= 8 and t[a] == 82:  # R
            k = a + 1
            while k < b and (is_upper(t[k]) or is_digit(t[k])):
                k += 1
            if k == b:
                route, p = PyUnicode_FromKindAndData(1, t + a, b - a), i + 1
    i = skip_spaces(t, p, q)
    while i < q:
        if count == MAX_WORDS:
            return False
        starts[count] = i
        while i < q and not is_space(t[i]):
            i += 1
        ends[count] = i
        count += 1
        i = skip_spaces(t, i, q)
    if count and is_mcn(t, starts[count - 1], ends[count - 1]):
        count -= 1
        mcn = PyUnicode_FromKindAndData(1, t + starts[count], ends[count] - starts[count])
    if count > 1:
        for k in range(4):
            n = WORD_SIZES[k]
            if ends[count - 1] - starts[count - 1] == n and opens(t, starts[count - 1], q, WORD_TEXTS[k], n):
                count -= 1
                precedence = WORDS[k]
                if count > 1 and ends[count - 1] - starts[count - 1] == 5 and opens(t, starts[count - 1], q, b"NIACT", 5):
                    count -= 1
                    precedence = NIACT_WORDS[k]
                break
    n = 0
    for k in range(count):
        if k:
            buf[n] = 32
            n += 1
        for i in range(starts[k], ends[k]):
            buf[n] = t[i]
            n += 1
            letters = letters or (i > starts[k] and is_letter(t[i]) and is_letter(t[i - 1]))
    if not letters:
        return None
    name = PyUnicode_FromKindAndData(1, buf, n)
    return name, route, precedence, mcn, role


cdef bint needs_cleaning(const Py_UCS1* t, Py_ssize_t p, Py_ssize_t q) noexcept nogil:
    """``t[p:q]`` holds ``PAGE``, `` I `` or ``E C R`` (what ``clean_header_line`` cuts)."""
    cdef Py_ssize_t i
    cdef Py_UCS1 c
    for i in range(p, q):
        c = t[i]
        if c == 80 and opens(t, i, q, b"PAGE", 4):
            return True
        if c == 73 and i > p and i + 1 < q and t[i - 1] == 32 and t[i + 1] == 32:
            return True
        if c == 69 and opens(t, i, q, b"E C R", 5):
            return True
    return False


cdef object cleaner():
    """``routing.clean_header_line`` (imported on first use: ``routing`` imports this)."""
    global clean_line
    if clean_line is None:
        from loaders.header import routing
        clean_line = routing.clean_header_line
    return clean_line


cdef inline bint zopr(Py_UCS1 c) noexcept nogil:
    return c == 90 or c == 79 or c == 80 or c == 82


def read_routing(str header not None):
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(header), i = 0, a, b, p, q, tp
    cdef const Py_UCS1* s
    cdef const Py_UCS1* t
    cdef Py_ssize_t starts[MAX_WORDS]
    cdef Py_ssize_t ends[MAX_WORDS]
    cdef char small[2048]
    cdef char* buf = small
    cdef int section
    cdef object letters = None, origin = None, role = None, head, row, cleaned, dtg
    cdef list found = []
    if not header.isascii():
        return None
    s = <const Py_UCS1*>PyUnicode_DATA(header)
    if n >= 2048:
        buf = <char*>PyMem_Malloc(n)
        if buf is NULL:
            raise MemoryError()
    try:
        while i < n:
            a = i
            while i < n and not is_break(s[i]):
                i += 1
            b = i
            if i < n:
                i += 2 if s[i] == 13 and i + 1 < n and s[i + 1] == 10 else 1
            p = skip_spaces(s, a, b)
            # before the first section only a precedence line or a section is read
            if role is None and (p == b or not (zopr(s[p]) or s[p] == 70 or s[p] == 84 or s[p] == 73)):
                continue
            q = b  # the line stripped: s[p:q]; the gate reads it as rstripped: s[a:q]
            while q > p and is_space(s[q - 1]):
                q -= 1
            t = s
            if needs_cleaning(s, a, q):
                cleaned = cleaner()(header[a:b])
                t, p, q = <const Py_UCS1*>PyUnicode_DATA(cleaned), 0, PyUnicode_GET_LENGTH(cleaned)
            head = None
            if q - p >= 2 and zopr(t[p]) and is_space(t[p + 1]):
                head = precedence_line(t, p, q)
            section, tp = NO_SECTION, p
            if keyword(t, p, q, b"FM", 2) or keyword(t, p, q, b"TO", 2):
                section, tp = FM if t[p] == 70 else TO, p + 2
            elif keyword(t, p, q, b"FROM", 4) or keyword(t, p, q, b"INFO", 4):
                section, tp = FM if t[p] == 70 else INFO, p + 4
            tp = skip_spaces(t, tp, q)
            if head is not None and (letters is None or letters[2] is None) and origin is None:
                letters = head
                continue
            if section != NO_SECTION and (section == FM or origin is not None):
                if section == FM:
                    origin = PyUnicode_FromKindAndData(1, t + tp, q - tp) if q > tp else None
                    role = None
                    continue
                role = ACTION if section == TO else INFO_ROLE
            if role is None or tp == q or skipped(t, tp, q):
                continue
            row = addressee(t, tp, q, role, buf, starts, ends)
            if row is False:
                return None
            if row is not None:
                found.append(row)
    finally:
        if buf is not small:
            PyMem_Free(buf)
    dtg = letters[2] if letters is not None and letters[2] is not None else parse_dtg(header)
    if letters is None:
        return (found[0][2] if found else None), dtg, origin, found
    action, info = LETTERS[letters[0]], LETTERS[letters[1]]
    for i in range(len(found)):
        row = found[i]
        if row[2] is None:
            found[i] = (row[0], row[1], action if row[4] is ACTION else info, row[3], row[4])
    return action, dtg, origin, found
