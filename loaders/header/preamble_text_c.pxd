# cython: language_level=3
"""The character tests and text walks of ``preamble_c.pyx`` that need none of its tables
(``cimport`` only; no module of its own): the end of the preamble
(``find_preamble_end``), a field's value (``field_value``, ``ref_block``), the reason a
classified-by line names (``_REASON_RE``) and ``clean_subject_text``'s hints. Each
reads ``str`` code units in place (1, 2 or 4 bytes: the fused type ``chars``), with
``str.isspace``'s whitespace (``re``'s ``\\s``), ``re``'s word characters (``\\w``) and
``str.splitlines``'s line breaks."""

from libc.string cimport memchr


cdef extern from "Python.h":
    ctypedef unsigned char Py_UCS1
    ctypedef unsigned short Py_UCS2
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
    PILCROW = 0xB6
    LIMIT = 6000  # preamble.MAX_PREAMBLE: the regular expressions read the body to it


cdef inline bint space(Py_UCS4 c) noexcept nogil:
    return Py_UNICODE_ISSPACE(c)


cdef inline bint is_word(Py_UCS4 c) noexcept nogil:
    return c == 0x5F or Py_UNICODE_ISALNUM(c)


cdef inline bint line_break(Py_UCS4 c) noexcept nogil:
    """A line break of ``str.splitlines``."""
    return (0x0A <= c <= 0x0D or 0x1C <= c <= 0x1E or c == 0x85
            or c == 0x2028 or c == 0x2029)


cdef inline Py_ssize_t find(const chars* s, Py_ssize_t i, Py_ssize_t n, Py_UCS4 c) noexcept nogil:
    """The offset of the first ``c`` in ``s[i:n]`` (``n`` when none): memchr for 1-byte
    units, a loop for the others."""
    cdef const void* found
    if chars is Py_UCS1:
        if i >= n:
            return n
        found = memchr(s + i, c, n - i)
        return n if found == NULL else <const Py_UCS1*> found - s
    while i < n and s[i] != c:
        i += 1
    return i


cdef inline Py_ssize_t skip_space(const chars* s, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    while i < n and space(s[i]):
        i += 1
    return i


cdef inline bint para_at(const chars* s, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
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


cdef inline bint mid_para_at(const chars* s, Py_ssize_t q, Py_ssize_t n) noexcept nogil:
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


cdef inline Py_ssize_t preamble_end(const chars* s, Py_ssize_t length) noexcept nogil:
    """``find_preamble_end``: the regular expressions read ``s[:LIMIT]`` only."""
    cdef Py_ssize_t n = min(length, LIMIT), end = n, i
    if para_at(s, 0, n):
        return 0
    i = find(s, 0, n, 0x0A)
    while i < n:
        if para_at(s, i + 1, n):
            end = i + 1
            break
        i = find(s, i + 1, n, 0x0A)
    i = find(s, 1, end, PILCROW)
    while i < end:
        if mid_para_at(s, i, n):
            return i
        i = find(s, i + 1, end, PILCROW)
    return end


cdef inline Py_ssize_t collapse(
    const chars* s, Py_ssize_t a, Py_ssize_t b, chars* out, Py_ssize_t limit
) noexcept nogil:
    """``" ".join(s[a:b].split())[:limit]`` written to ``out``; its length."""
    cdef Py_ssize_t k = 0
    while k < limit:
        a = skip_space(s, a, b)
        if a >= b:
            return k
        if k:
            out[k] = 0x20
            k += 1
        while a < b and k < limit and not space(s[a]):
            out[k] = s[a]
            k += 1
            a += 1
    return limit


cdef inline Py_ssize_t blank_line(const chars* s, Py_ssize_t a, Py_ssize_t b) noexcept nogil:
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


cdef inline bint bullet(const chars* s, Py_ssize_t i, Py_ssize_t e) noexcept nogil:
    """``_BULLET_LINE_RE`` matches the line ``s[i:e]``."""
    i = skip_space(s, i, e)
    if i < e and s[i] == PILCROW:
        i = skip_space(s, i + 1, e)
    if i + 2 < e and s[i] == 0x28 and 0x41 <= s[i + 1] <= 0x5A and s[i + 2] == 0x29:
        return True
    return i + 1 < e and 0x41 <= s[i] <= 0x5A and (s[i + 1] == 0x2E or s[i + 1] == 0x29)


cdef inline Py_ssize_t ref_end(const chars* s, Py_ssize_t a, Py_ssize_t b) noexcept nogil:
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


cdef inline bint folds_to(unsigned int c, unsigned int lower) noexcept nogil:
    """``c`` matches the ASCII letter ``lower`` ignoring case (``re.IGNORECASE``)."""
    return c == lower or c == lower - 32 or (lower == 0x73 and c == 0x17F)  # ſ


cdef inline bint names_reason(const chars* s, Py_ssize_t n) noexcept nogil:
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


cdef inline bint holds_at(const chars* s, Py_ssize_t i, Py_ssize_t n, const char* w) noexcept nogil:
    """``w`` (ASCII) stands in ``s[:n]`` at ``i``."""
    cdef Py_ssize_t k = 0
    while w[k]:
        if i + k >= n or s[i + k] != <Py_UCS4> w[k]:
            return False
        k += 1
    return True


cdef inline bint subject_hint(const chars* s, Py_ssize_t n) noexcept nogil:
    """``clean_subject_text`` may change more than the ends of ``s[:n]``: it holds one of
    ``_SUBJECT_END_HINTS`` or ``PAGE``. One pass, each hint tried at its first letter."""
    cdef Py_ssize_t i
    cdef Py_UCS4 c
    for i in range(n):
        c = s[i]
        if (
            (c == 0x4F and holds_at(s, i, n, b"O N F"))
            or (c == 0x53 and holds_at(s, i, n, b"S E C"))
            or (c == 0x55 and holds_at(s, i, n, b"U N C"))
            or (c == 0x2D and holds_at(s, i, n, b"----"))
            or (c == 0x30 and holds_at(s, i, n, b"000"))
            or (c == 0x64 and holds_at(s, i, n, b"day,"))
            or (c == 0x50 and holds_at(s, i, n, b"PAGE"))
        ):
            return True
    return False


cdef inline bint strips(Py_UCS4 c) noexcept nogil:
    return c == 0x20 or c == 0x2C or c == 0x3B or c == 0x3A or c == 0x2D  # " ,;:-"
