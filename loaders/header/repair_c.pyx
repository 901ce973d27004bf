# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled first check of the encoding repairs (``repair.py``): one pass over a body
says which repairs can change it, so the regex passes run only where they can.

``damage_flags(text)`` equals its pure-Python reference ``repair.damage_flags_python``
(the fallback when this module is not built; ``tests/loaders/test_repair_compiled.py``
compares them on every corpus body and on generated text). Its bits:

- ``ENTITY`` (1): an entity symbol (``£``, ``¢``, ...) before ``[A-Za-z-]``;
- ``QUOTE`` (2): ``&`` before ``[A-Za-z0-9(]`` (where a quoted pair can open);
- ``CLOSE`` (4): a letter, ``[.,!?]`` and ``8``, then whitespace (``\\s``) or the end;
- ``APOSTROPHE`` (8): a letter, ``,`` and ``s t d m ll re ve``, then a character
  that is not a word character (``\\w``: alphanumeric or ``_``) or the end.
"""

from libc.string cimport memchr, memcpy

cdef extern from "Python.h":
    object PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar)
    ctypedef unsigned char Py_UCS1
    ctypedef unsigned short Py_UCS2
    int PyUnicode_KIND(object o)
    void* PyUnicode_DATA(object o)
    Py_ssize_t PyUnicode_GET_LENGTH(object o)
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch) nogil
    bint Py_UNICODE_ISALPHA(Py_UCS4 ch) nogil
    bint Py_UNICODE_ISALNUM(Py_UCS4 ch) nogil

ctypedef fused chars:
    Py_UCS1
    Py_UCS2
    Py_UCS4

cdef enum:
    ENTITY = 1
    QUOTE = 2
    CLOSE = 4
    APOSTROPHE = 8
    # what a Latin-1 character is to the pass (table MARK)
    IS_ENTITY = 1
    IS_AMP = 2
    IS_EIGHT = 3
    IS_COMMA = 4

#: The entity symbols of ``repair._ENTITY_NAMES`` (all Latin-1).
ENTITY_SYMBOLS = "¬©®§¢£µ°¥¤¦ªº«»±·×÷¡¿"
cdef unsigned char MARK[256]  # a C static: all 0 to start with
for _symbol in ENTITY_SYMBOLS:
    MARK[ord(_symbol)] = IS_ENTITY
MARK[0x26] = IS_AMP
MARK[0x38] = IS_EIGHT
MARK[0x2C] = IS_COMMA


cdef inline bint is_ascii_letter(Py_UCS4 ch) noexcept nogil:
    return 0x41 <= ch <= 0x5A or 0x61 <= ch <= 0x7A


cdef inline bint is_word(Py_UCS4 ch) noexcept nogil:
    return ch == 0x5F or Py_UNICODE_ISALNUM(ch)


cdef inline bint ends_word(const chars* src, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    """True when ``i`` is the end or a character that is not a word character."""
    return i >= n or not is_word(src[i])


cdef bint contraction_at(const chars* src, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    """``src[i:]`` opens with ``s t d m ll re ve`` and a word boundary after it."""
    if i >= n:
        return False
    cdef Py_UCS4 ch = src[i]
    if ch == 0x73 or ch == 0x74 or ch == 0x64 or ch == 0x6D:  # s t d m
        return ends_word(src, i + 1, n)
    if i + 1 < n and (
        (ch == 0x6C and src[i + 1] == 0x6C)  # ll
        or ((ch == 0x72 or ch == 0x76) and src[i + 1] == 0x65)  # re ve
    ):
        return ends_word(src, i + 2, n)
    return False


cdef inline int flag_at(const chars* src, Py_ssize_t i, Py_ssize_t n, int flags) noexcept nogil:
    """The flag the character at ``i`` sets (0: none, or one already set)."""
    cdef Py_UCS4 ch = src[i], nxt
    if ch >= 256:
        return 0
    cdef unsigned char mark = MARK[ch]
    if mark == IS_COMMA:
        if i and not flags & APOSTROPHE and Py_UNICODE_ISALPHA(src[i - 1]):
            if contraction_at(src, i + 1, n):
                return APOSTROPHE
    elif mark == IS_EIGHT:
        if (
            i >= 2
            and (src[i - 1] == 0x2E or src[i - 1] == 0x2C or src[i - 1] == 0x21
                 or src[i - 1] == 0x3F)  # . , ! ?
            and Py_UNICODE_ISALPHA(src[i - 2])
            and (i + 1 >= n or Py_UNICODE_ISSPACE(src[i + 1]))
        ):
            return CLOSE
    elif mark and i + 1 < n:
        nxt = src[i + 1]
        if mark == IS_AMP:
            if is_ascii_letter(nxt) or 0x30 <= nxt <= 0x39 or nxt == 0x28:
                return QUOTE
        elif is_ascii_letter(nxt) or nxt == 0x2D:
            return ENTITY
    return 0


cdef int flags_of(const chars* src, Py_ssize_t n) noexcept nogil:
    """The flags of ``src[:n]``: 16-byte blocks skipped where SSE2 finds nothing to look
    at (1- and 2-byte units), the rest read one by one."""
    cdef int flags = 0
    cdef Py_ssize_t i = 0
    cdef unsigned int mask
    if chars is Py_UCS1 and REP_SIMD:
        while i + 16 <= n:
            mask = rep_mask8(<const unsigned char*>(src + i))
            while mask:
                flags |= flag_at(src, i + rep_lowest_bit(mask), n, flags)
                mask &= mask - 1
            i += 16
    elif chars is Py_UCS2 and REP_SIMD:
        while i + 8 <= n:
            mask = rep_mask16(<const unsigned short*>(src + i))
            while mask:
                flags |= flag_at(src, i + (rep_lowest_bit(mask) >> 1), n, flags)
                mask &= mask - 1
            i += 8
    while i < n:
        flags |= flag_at(src, i, n, flags)
        i += 1
    return flags


def damage_flags(str text not None):
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    if kind == 1:
        return flags_of(<Py_UCS1*>data, length)
    if kind == 2:
        return flags_of(<Py_UCS2*>data, length)
    return flags_of(<Py_UCS4*>data, length)


cdef inline Py_ssize_t next_comma(const chars* src, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    """The first comma of ``src`` from ``i`` (``n`` when none): ``memchr`` on 1-byte text."""
    cdef const void* found
    if chars is Py_UCS1:
        found = memchr(src + i, 0x2C, n - i) if i < n else NULL
        return n if found == NULL else <const Py_UCS1*> found - src
    while i < n and src[i] != 0x2C:
        i += 1
    return i


cdef inline bint is_apostrophe(const chars* src, Py_ssize_t i, Py_ssize_t n) noexcept nogil:
    """The comma at ``i`` stands for an apostrophe: a letter before, a contraction after."""
    return i > 0 and Py_UNICODE_ISALPHA(src[i - 1]) and contraction_at(src, i + 1, n)


cdef object with_apostrophes(str text, const chars* src, Py_ssize_t n, int kind):
    cdef Py_ssize_t i = next_comma(src, 0, n)
    while i < n and not is_apostrophe(src, i, n):
        i = next_comma(src, i + 1, n)
    if i >= n:
        return text
    # the same characters, commas made apostrophes (ASCII both): same kind and largest
    made = PyUnicode_New(n, 0x7F if text.isascii() else (0xFF, 0xFFFF, 0x10FFFF)[kind // 2])
    cdef chars* out = <chars*> PyUnicode_DATA(made)
    memcpy(out, src, n * sizeof(chars))
    while i < n:
        if is_apostrophe(src, i, n):
            out[i] = 0x27
        i = next_comma(src, i + 1, n)
    return made


def repair_apostrophes(str text not None):
    """``repair.repair_apostrophes_python``: ``Erdogan,s`` → ``Erdogan's``, one pass."""
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    if kind == 1:
        return with_apostrophes(text, <Py_UCS1*>data, length, kind)
    if kind == 2:
        return with_apostrophes(text, <Py_UCS2*>data, length, kind)
    return with_apostrophes(text, <Py_UCS4*>data, length, kind)
