# cython: language_level=3
"""Inline helpers of ``references_c.pyx`` (``cimport`` only; no module of its own): the
patterns of ``references.py`` read by hand over ASCII capitals, as ``re`` reads them
there: ``\\s`` is ``\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f`` and space; ``\\b`` sits between a word
character (``[A-Za-z0-9_]``) and anything else or an end; a bullet's text ``c[a:b]`` is a
string of its own (its ends are ends, the look-arounds see nothing past them)."""

from libc.string cimport memcmp

from loaders.header.ascii_c cimport is_digit, is_space, is_upper as is_up, is_word

ctypedef const unsigned char* chars

cdef enum:
    MAX_WORDS = 4  # a station of one word and up to three more
    # bits of kind_bits: one per pattern of references._KIND_WORDS, in order, and one for
    # references._NOT_CABLE_RE
    EMAIL_BIT = 1
    TELCON_BIT = 2
    MESSAGE_BIT = 4
    REPORT_BIT = 8
    MEMO_BIT = 16
    NOT_CABLE_BIT = 32

cdef struct Cable:  # one match of references._CABLE_RE
    Py_ssize_t end, words, year_a, year_b, suffix_a  # year_a, suffix_a: -1 when none
    Py_ssize_t word_a[MAX_WORDS]
    Py_ssize_t word_b[MAX_WORDS]
    long serial


cdef inline bint ends_serial(chars c, Py_ssize_t i, Py_ssize_t b) noexcept nogil:
    """``(?![0-9A-Z/:])`` at ``i``."""
    return i >= b or not (is_digit(c[i]) or is_up(c[i]) or c[i] == 47 or c[i] == 58)

cdef inline Py_ssize_t spaces(chars c, Py_ssize_t i, Py_ssize_t b) noexcept nogil:
    while i < b and is_space(c[i]):
        i += 1
    return i

cdef inline bint at(chars c, Py_ssize_t i, Py_ssize_t b, const char* literal,
                    Py_ssize_t n) noexcept nogil:
    return i + n <= b and memcmp(c + i, literal, n) == 0

cdef inline bint word_at(chars c, Py_ssize_t i, Py_ssize_t a, Py_ssize_t b,
                         const char* literal, Py_ssize_t n) noexcept nogil:
    """``\\bLITERAL\\b`` at ``i``."""
    return at(c, i, b, literal, n) and (i == a or not is_word(c[i - 1])) and (
        i + n == b or not is_word(c[i + n]))


cdef inline int kind_bits(chars c, Py_ssize_t a, Py_ssize_t b) noexcept nogil:
    """Which patterns of ``references._KIND_WORDS`` and ``_NOT_CABLE_RE`` occur in
    ``c[a:b]``: one pass, each literal tried where its first letter is."""
    cdef int bits = 0, run = 0  # run: digits just before i
    cdef Py_ssize_t i
    cdef unsigned char ch
    for i in range(a, b):
        ch = c[i]
        if is_digit(ch):
            run += 1
            continue
        if ch == 90 and run >= 6:  # \d{6}Z
            bits |= MESSAGE_BIT
        run = 0
        if ch == 69:  # E
            if at(c, i, b, "EMAIL", 5) or at(c, i, b, "E-MAIL", 6):
                bits |= EMAIL_BIT
        elif ch == 84:  # T
            if at(c, i, b, "TELCON", 6) or at(c, i, b, "TELECON", 7):
                bits |= TELCON_BIT
            elif word_at(c, i, a, b, "TD", 2):
                bits |= REPORT_BIT
        elif ch == 80:  # P
            if at(c, i, b, "PHONE", 5):
                bits |= TELCON_BIT
        elif ch == 68:  # D
            if word_at(c, i, a, b, "DTG", 3):
                bits |= MESSAGE_BIT
            elif at(c, i, b, "DIPNOTE", 7):
                bits |= MEMO_BIT
        elif ch == 77:  # M
            if word_at(c, i, a, b, "MSG", 3) or at(c, i, b, "MESSAGE", 7):
                bits |= MESSAGE_BIT
            elif at(c, i, b, "MEMO", 4):
                bits |= MEMO_BIT
        elif ch == 82:  # R
            if at(c, i, b, "REPORT", 6):
                bits |= REPORT_BIT
        elif ch == 73:  # I
            if word_at(c, i, a, b, "IIR", 3) or at(c, i, b, "INTSUM", 6):
                bits |= REPORT_BIT
            elif word_at(c, i, a, b, "IMSWM", 5):
                bits |= NOT_CABLE_BIT
        elif ch == 78:  # N
            if at(c, i, b, "NONPAPER", 8) or at(c, i, b, "NON-PAPER", 9):
                bits |= MEMO_BIT
        elif ch == 76:  # L
            if at(c, i, b, "LETTER", 6):
                bits |= MEMO_BIT
        elif ch == 70:  # F
            if word_at(c, i, a, b, "FAM", 3) or word_at(c, i, a, b, "FAH", 3):
                bits |= NOT_CABLE_BIT
    return bits


cdef inline Py_ssize_t digits_end(chars c, Py_ssize_t j, Py_ssize_t b, Py_ssize_t* z) noexcept nogil:
    """The end of the run of digits at ``j``; where its leading zeros end in ``z``."""
    cdef Py_ssize_t d = j
    while d < b and is_digit(c[d]):
        d += 1
    z[0] = j
    while z[0] < d and c[z[0]] == 48:
        z[0] += 1
    return d


cdef inline long number_of(chars c, Py_ssize_t z, Py_ssize_t d) noexcept nogil:
    """The number the digits ``c[z:d]`` write."""
    cdef long value = 0
    while z < d:
        value = value * 10 + c[z] - 48
        z += 1
    return value


cdef inline bint serial_at(chars c, Py_ssize_t i, Py_ssize_t b, Cable* m) noexcept nogil:
    """``\\s*0*(\\d{1,6})(?:\\s*/\\s*(\\d{2})|\\s+\\((\\d{2})\\))?(?![0-9A-Z/:])`` at ``i``:
    the digits are all read (a shorter serial is followed by a digit, which no way on
    accepts), the leading zeros dropped but the last."""
    cdef Py_ssize_t j = spaces(c, i, b), d, z, q
    d = digits_end(c, j, b, &z)
    if d == j or d - z > 6:
        return False
    m.serial = number_of(c, z, d)
    q = spaces(c, d, b)
    if q < b and c[q] == 47:  # "/" and a two-digit year
        q = spaces(c, q + 1, b)
        if q + 1 < b and is_digit(c[q]) and is_digit(c[q + 1]) and ends_serial(c, q + 2, b):
            m.suffix_a, m.end = q, q + 2
            return True
    q = spaces(c, d, b)
    if q > d and q + 3 < b and c[q] == 40 and is_digit(c[q + 1]) and is_digit(c[q + 2]) \
            and c[q + 3] == 41 and ends_serial(c, q + 4, b):  # "(08)"
        m.suffix_a, m.end = q + 1, q + 4
        return True
    m.suffix_a, m.end = -1, d
    return ends_serial(c, d, b)


cdef inline bint cable_at(chars c, Py_ssize_t s, Py_ssize_t b, Cable* m) noexcept nogil:
    """``references._CABLE_RE`` matched at ``s`` (its look-behind already checked): a
    year when digits start it (``(?:19|20)\\d{2}`` else ``\\d{2}``: no other way on gets
    a letter next), words of ``[A-Z][A-Z'-]*`` each read whole (a shorter one is followed
    by neither a space nor a digit), as few as give a serial."""
    cdef Py_ssize_t i = s, j
    m.year_a = m.year_b = -1
    if is_digit(c[s]):
        if s + 3 < b and ((c[s] == 49 and c[s + 1] == 57) or (c[s] == 50 and c[s + 1] == 48)) \
                and is_digit(c[s + 2]) and is_digit(c[s + 3]):
            i = s + 4
        elif s + 1 < b and is_digit(c[s + 1]):
            i = s + 2
        else:
            return False
        m.year_a, m.year_b = s, i
        i = spaces(c, i, b)
    if i >= b or not is_up(c[i]):
        return False
    m.words = 0
    while True:
        m.word_a[m.words] = i
        i += 1
        while i < b and (is_up(c[i]) or c[i] == 39 or c[i] == 45):  # ' -
            i += 1
        m.word_b[m.words] = i
        m.words += 1
        if serial_at(c, i, b, m):
            return True
        j = spaces(c, i, b)
        if m.words == MAX_WORDS or j == i or j >= b or not is_up(c[j]):
            return False
        i = j


cdef inline bint next_cable(chars c, Py_ssize_t pos, Py_ssize_t a, Py_ssize_t b,
                            Cable* m) noexcept nogil:
    """``_CABLE_RE.search`` in the bullet ``c[a:b]`` from ``pos``."""
    cdef Py_ssize_t s
    for s in range(pos, b):
        if (s == a or not (is_up(c[s - 1]) or is_digit(c[s - 1]))) and cable_at(c, s, b, m):
            return True
    return False


cdef inline Py_ssize_t more_at(chars c, Py_ssize_t pos, Py_ssize_t b, long* serial) noexcept nogil:
    """The end of ``references._MORE_RE`` matched at ``pos`` (its serial in ``serial``),
    or -1: two digits at least, six past the leading zeros at most."""
    cdef Py_ssize_t j = spaces(c, pos, b), d, z
    if j < b and (c[j] == 44 or c[j] == 38):  # "," "&"
        j += 1
    elif at(c, j, b, "AND", 3):
        j += 3
    else:
        return -1
    j = spaces(c, j, b)
    d = digits_end(c, j, b, &z)
    if d - j < 2 or d - z > 6 or not ends_serial(c, d, b):
        return -1
    serial[0] = number_of(c, z, d)
    return d


cdef inline bint ref_bullet(chars c, Py_ssize_t a, Py_ssize_t b) noexcept nogil:
    """``references._REF_BULLET_RE`` (``\\bREF\\s+([A-Z])\\s``) occurs in ``c[a:b]``."""
    cdef Py_ssize_t i, j
    for i in range(a, b - 2):
        if c[i] == 82 and at(c, i, b, "REF", 3) and (i == a or not is_word(c[i - 1])):
            j = spaces(c, i + 3, b)
            if j > i + 3 and j + 1 < b and is_up(c[j]) and is_space(c[j + 1]):
                return True
    return False


cdef inline int bullet_at(chars c, Py_ssize_t i, Py_ssize_t a, Py_ssize_t b,
                          Py_ssize_t* end) noexcept nogil:
    """The letter of ``references._BULLET_RE`` matched at ``i`` of ``c[a:b]`` (its end in
    ``end``), or -1 (no two matches can overlap: each starts after a space, ``,`` or
    ``;`` and holds none)."""
    cdef int letter
    if i > a and not (is_space(c[i - 1]) or c[i - 1] == 44 or c[i - 1] == 59):  # "," ";"
        return -1
    if c[i] == 40 and i + 2 < b and is_up(c[i + 1]) and c[i + 2] == 41:  # "(A)"
        letter, end[0] = c[i + 1], i + 3
    elif is_up(c[i]) and i + 1 < b and (c[i + 1] == 46 or c[i + 1] == 41):  # "A." "A)"
        letter, end[0] = c[i], i + 2
    else:
        return -1
    i = end[0]
    if i < b and (is_space(c[i]) or is_up(c[i]) or is_digit(c[i]) or c[i] == 40):
        return letter
    return -1


cdef inline Py_ssize_t write_name(chars c, unsigned char* out, Cable* m, Py_ssize_t first,
                                  bint spaced) noexcept nogil:
    """Write the words ``first..`` of a match joined by a space (or by nothing) to
    ``out``; their length."""
    cdef Py_ssize_t k, length = 0, i
    for k in range(first, m.words):
        if spaced and k > first:
            out[length] = 32
            length += 1
        for i in range(m.word_a[k], m.word_b[k]):
            out[length] = c[i]
            length += 1
    return length
