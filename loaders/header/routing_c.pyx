# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled routing header walk: :func:`loaders.header.routing.read_routing` as one C pass
over the header's lines (each line split off, classified as skipped / precedence line /
section / addressee, and an addressee split into name, route, precedence and MCN in C).

``read_routing(header)`` gives what the pure-Python reference
``routing.read_routing_python`` gives (``tests/loaders/test_routing_compiled.py`` compares),
or None where it declines and the reference reads the header: a header that is not ASCII
(Unicode whitespace, digits and line breaks stay with ``re`` and ``str``), or a line of
more than ``MAX_WORDS`` words. What an ASCII character is to the patterns and to ``str``
(``\\s``, a line break, ``\\d``, ``\\w`` ...) is asked of ``str`` when the module loads.
A line that can hold a page-break tail (``PAGE``) or a glued banner (`` I ``, ``E C R``)
is cleaned by the reference's ``clean_header_line`` (a few lines in a corpus); the rest
of its reading is done here.
"""

from libc.stdio cimport snprintf
from libc.string cimport memcmp

from loaders.header.dtg import parse_dtg
from loaders.record import Role

cdef extern from "Python.h":
    ctypedef unsigned char Py_UCS1
    void* PyUnicode_DATA(object o)
    Py_ssize_t PyUnicode_GET_LENGTH(object o)
    bint PyUnicode_IS_ASCII(object o)
    object PyUnicode_FromKindAndData(int kind, const void* buffer, Py_ssize_t size)

cdef enum:
    MAX_WORDS = 128
    # KIND bits: str.isspace(), a line break, \d, [A-Z], [A-Za-z], \w, a precedence
    # letter, what a line read before the first section opens with
    SPACE = 1
    BREAK = 2
    DIGIT = 4
    UPPER = 8
    LETTER = 16
    WORD = 32
    ZOPR = 64
    FIRST = 128
    # sections
    NO_SECTION = 0
    FM = 1  # FM or FROM
    TO = 2
    INFO = 3

#: The reference's tables (``routing.PRECEDENCE_LETTERS``, ``_PRECEDENCE_WORDS``,
#: ``_PRECEDENCE_FIRSTS``, ``_LINE_FIRSTS``).
LETTERS = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE"}
WORDS = ("FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE")
PRECEDENCE_FIRSTS, LINE_FIRSTS = "ZOPR", "ZOPRFTI"
cdef tuple WORD_OBJECTS = WORDS, NIACT_WORDS = tuple(f"NIACT {word}" for word in WORDS)
cdef const char* WORD_TEXTS[4]
WORD_TEXTS[:] = [b"FLASH", b"IMMEDIATE", b"PRIORITY", b"ROUTINE"]
cdef Py_ssize_t WORD_SIZES[4]
WORD_SIZES[:] = [5, 9, 8, 7]
cdef const char* MONTHS = b"JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC"
cdef int DAYS[12]
DAYS[:] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
cdef unsigned char KIND[256]  # a C static: all 0 to start with (only ASCII is read)
for _code in range(128):
    _ch = chr(_code)
    KIND[_code] = (
        SPACE * _ch.isspace() | BREAK * (len(f"a{_ch}b".splitlines()) == 2)
        | DIGIT * _ch.isdigit() | UPPER * _ch.isupper() | LETTER * _ch.isalpha()
        | WORD * (_ch.isalnum() or _ch == "_") | ZOPR * (_ch in PRECEDENCE_FIRSTS)
        | FIRST * (_ch in LINE_FIRSTS)
    )
cdef object ACTION = Role.ACTION, INFO_ROLE = Role.INFO
cdef object clean_line = None  # routing.clean_header_line, imported on first use


cdef inline bint opens(const Py_UCS1* t, Py_ssize_t p, Py_ssize_t q, const char* word,
                       Py_ssize_t n) noexcept nogil:
    """``t[p:q]`` starts with ``word``."""
    return q - p >= n and memcmp(t + p, word, n) == 0


cdef inline bint keyword(const Py_UCS1* t, Py_ssize_t p, Py_ssize_t q, const char* word,
                         Py_ssize_t n) noexcept nogil:
    """``t[p:q]`` starts with ``word`` and a word boundary (``\\b``) after it."""
    return opens(t, p, q, word, n) and (p + n == q or not KIND[t[p + n]] & WORD)


cdef inline Py_ssize_t skip(const Py_UCS1* t, Py_ssize_t i, Py_ssize_t q, int kind,
                            Py_ssize_t most=-1) noexcept nogil:
    """The end of the run of (at most ``most``) characters of ``kind`` at ``t[i:q]``."""
    cdef Py_ssize_t j = i
    while j < q and j - i != most and KIND[t[j]] & kind:
        j += 1
    return j


cdef inline int number(const Py_UCS1* t, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    cdef int value = 0
    for i in range(i, i + n):
        value = value * 10 + t[i] - 48
    return value


cdef object read_dtg(const Py_UCS1* t, Py_ssize_t g, Py_ssize_t m, Py_ssize_t y,
                     Py_ssize_t end):
    """``parse_dtg`` of a precedence line's ``DDHHMMZ MON YY`` (day at ``g``, month at
    ``m``, year digits ``t[y:end]``): None when it is no real date and time."""
    cdef int month = 0, day = number(t, g, 2), year = number(t, y, end - y), last
    cdef char out[32]
    while month < 12 and memcmp(MONTHS + 3 * month, t + m, 3) != 0:
        month += 1
    if month == 12:
        return None
    if end - y == 2:
        year += 1900 if year >= 60 else 2000
    last = DAYS[month]
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
    cdef Py_ssize_t i = skip(t, p + 1, q, SPACE), g, m, y, end
    cdef Py_UCS1 second = t[p]
    if i < q and KIND[t[i]] & ZOPR:
        second, g = t[i], i + 1
        i = skip(t, g, q, SPACE)
        if i == g:
            return None
    g = i
    if skip(t, g, q, DIGIT, 6) != g + 6 or g + 6 >= q or t[g + 6] != 90:  # Z
        return None
    m = skip(t, g + 7, q, SPACE)
    if m == g + 7 or m + 3 > q or not KIND[t[m]] & KIND[t[m + 1]] & KIND[t[m + 2]] & UPPER:
        return None
    y = skip(t, m + 3, q, SPACE)
    end = skip(t, y, q, DIGIT, 4)
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
    if opens(t, p, q, b"O", 1):  # O 261310Z
        i = skip(t, p + 1, q, SPACE)
        return i > p + 1 and skip(t, i, q, DIGIT, 6) == i + 6 and i + 6 < q and t[i + 6] == 90
    if opens(t, p, q, b"INFO", 4):  # INFO LOG-00
        i = skip(t, p + 4, q, SPACE)
        j = skip(t, i, q, WORD)
        return (i > p + 4 and j > i and j + 3 <= q and t[j] == 45  # -
                and KIND[t[j + 1]] & KIND[t[j + 2]] & DIGIT)
    return False


cdef inline bint is_mcn(const Py_UCS1* t, Py_ssize_t a, Py_ssize_t b) noexcept nogil:
    """``t[a:b]`` is a message number: 1-6 digits, maybe ``-`` and 1-6 more."""
    cdef Py_ssize_t i = skip(t, a, b, DIGIT, 6)
    if i == a or i == b:
        return i > a
    return t[i] == 45 and b - i > 1 and skip(t, i + 1, b, DIGIT, 6) == b


cdef inline int precedence_word(const Py_UCS1* t, Py_ssize_t a, Py_ssize_t b) noexcept nogil:
    """The index in ``WORDS`` of the word ``t[a:b]``, -1 for another word."""
    cdef int k
    for k in range(4):
        if b - a == WORD_SIZES[k] and memcmp(t + a, WORD_TEXTS[k], b - a) == 0:
            return k
    return -1


cdef object addressee(const Py_UCS1* t, Py_ssize_t p, Py_ssize_t q, object role,
                      Py_ssize_t* starts, Py_ssize_t* ends):
    """The row (name, route, written precedence, MCN, role) of an addressee text, None
    when it has no name (the reference's ``addressee_fields``); False: too many words."""
    cdef Py_ssize_t i = p, a, b, count = 0, k
    cdef object route = None, mcn = None, precedence = None, name
    cdef bint letters = False, single = True
    while i < q and t[i] != 47:  # /
        i += 1
    if i < q:  # a route before the first /: stripped, R[A-Z0-9]{3,7}
        a, b = skip(t, p, i, SPACE), i
        while b > a and KIND[t[b - 1]] & SPACE:
            b -= 1
        if 4 <= b - a <= 8 and t[a] == 82 and skip(t, a + 1, b, UPPER | DIGIT) == b:
            route, p = PyUnicode_FromKindAndData(1, t + a, b - a), i + 1
    i = skip(t, p, q, SPACE)
    while i < q:  # the words
        if count == MAX_WORDS:
            return False
        starts[count] = i
        while i < q and not KIND[t[i]] & SPACE:
            i += 1
        ends[count] = i
        count += 1
        i = skip(t, i, q, SPACE)
    if count and is_mcn(t, starts[count - 1], ends[count - 1]):
        count -= 1
        mcn = PyUnicode_FromKindAndData(1, t + starts[count], ends[count] - starts[count])
    k = precedence_word(t, starts[count - 1], ends[count - 1]) if count > 1 else -1
    if k >= 0:
        count -= 1
        precedence = WORD_OBJECTS[k]
        if count > 1 and ends[count - 1] - starts[count - 1] == 5:
            if memcmp(t + starts[count - 1], b"NIACT", 5) == 0:
                count -= 1
                precedence = NIACT_WORDS[k]
    for k in range(count):  # the name (the words joined by a space) holds [A-Za-z]{2}
        for i in range(starts[k] + 1, ends[k]):
            letters = letters or KIND[t[i]] & KIND[t[i - 1]] & LETTER
        single = single and (k == 0 or starts[k] == ends[k - 1] + 1 and t[starts[k] - 1] == 32)
    if not letters:
        return None
    if single:  # one space between the words: the name as written
        name = PyUnicode_FromKindAndData(1, t + starts[0], ends[count - 1] - starts[0])
    else:
        name = " ".join([
            PyUnicode_FromKindAndData(1, t + starts[k], ends[k] - starts[k]) for k in range(count)
        ])
    return name, route, precedence, mcn, role


cdef bint needs_cleaning(const Py_UCS1* t, Py_ssize_t p, Py_ssize_t q) noexcept nogil:
    """``t[p:q]`` holds ``PAGE``, `` I `` or ``E C R`` (what ``clean_header_line`` cuts)."""
    cdef Py_ssize_t i
    for i in range(p, q):
        if t[i] == 80 and opens(t, i, q, b"PAGE", 4) or t[i] == 69 and opens(t, i, q, b"E C R", 5):
            return True
        if t[i] == 73 and i > p and i + 1 < q and t[i - 1] == 32 and t[i + 1] == 32:  # " I "
            return True
    return False


cdef object cleaner():
    """``routing.clean_header_line`` (imported on first use: ``routing`` imports this)."""
    global clean_line
    if clean_line is None:
        from loaders.header import routing
        clean_line = routing.clean_header_line
    return clean_line


def read_routing(str header not None):
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(header), i = 0, a, b, p, q, tp
    cdef const Py_UCS1* s = <const Py_UCS1*>PyUnicode_DATA(header)
    cdef const Py_UCS1* t
    cdef Py_ssize_t starts[MAX_WORDS]
    cdef Py_ssize_t ends[MAX_WORDS]
    cdef int section
    cdef object letters = None, origin = None, role = None, head, row, cleaned
    cdef list found = []
    if not PyUnicode_IS_ASCII(header):
        return None
    while i < n:
        a = i
        while i < n and not KIND[s[i]] & BREAK:
            i += 1
        b = i
        if i < n:  # \r\n is one break
            i += 2 if s[i] == 13 and i + 1 < n and s[i + 1] == 10 else 1
        p = skip(s, a, b, SPACE)
        # before the first section only a precedence line or a section is read
        if role is None and (p == b or not KIND[s[p]] & FIRST):
            continue
        q = b  # the line stripped is s[p:q]; clean_header_line reads it rstripped
        while q > p and KIND[s[q - 1]] & SPACE:
            q -= 1
        t = s
        if needs_cleaning(s, a, q):
            cleaned = cleaner()(header[a:b])
            t, p, q = <const Py_UCS1*>PyUnicode_DATA(cleaned), 0, PyUnicode_GET_LENGTH(cleaned)
        head = None
        if q - p >= 2 and KIND[t[p]] & ZOPR and KIND[t[p + 1]] & SPACE:
            head = precedence_line(t, p, q)
        section, tp = NO_SECTION, p
        if keyword(t, p, q, b"FM", 2) or keyword(t, p, q, b"TO", 2):
            section, tp = FM if t[p] == 70 else TO, skip(t, p + 2, q, SPACE)
        elif keyword(t, p, q, b"FROM", 4) or keyword(t, p, q, b"INFO", 4):
            section, tp = FM if t[p] == 70 else INFO, skip(t, p + 4, q, SPACE)
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
        row = addressee(t, tp, q, role, starts, ends)
        if row is False:
            return None
        if row is not None:
            found.append(row)
    dtg = letters[2] if letters is not None and letters[2] is not None else parse_dtg(header)
    if letters is None:
        return (found[0][2] if found else None), dtg, origin, found
    action, info = LETTERS[letters[0]], LETTERS[letters[1]]
    for i in range(len(found)):  # the precedence line's for the addressees without one
        row = found[i]
        if row[2] is None:
            found[i] = (row[0], row[1], action if row[4] is ACTION else info, row[3], row[4])
    return action, dtg, origin, found
