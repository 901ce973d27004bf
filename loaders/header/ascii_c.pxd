# cython: language_level=3
"""ASCII character tests of the compiled header readers (``authority_c``, ``reasons_c``,
``signers_c``, ``references_c``; ``cimport`` only). They read ASCII as ``str`` methods and ``re`` read
it: whitespace is ``str.isspace``'s (``\\t \\n \\x0b \\x0c \\r``, ``\\x1c``-``\\x1f`` and the
space: also what ``\\s`` and ``str.split()`` take); a word character is ``\\w``'s."""

from cpython.unicode cimport Py_UCS1

cdef extern from "Python.h":
    bint PyUnicode_IS_ASCII(object o)
    void* PyUnicode_DATA(object o)

ctypedef const Py_UCS1* text_t


cdef inline bint is_space(unsigned int c) noexcept nogil:
    return c == 32 or 9 <= c <= 13 or 28 <= c <= 31


cdef inline bint is_upper(unsigned int c) noexcept nogil:
    return 65 <= c <= 90


cdef inline bint is_lower(unsigned int c) noexcept nogil:
    return 97 <= c <= 122


cdef inline bint is_alpha(unsigned int c) noexcept nogil:
    return 65 <= c <= 90 or 97 <= c <= 122


cdef inline bint is_digit(unsigned int c) noexcept nogil:
    return 48 <= c <= 57


cdef inline bint is_word(unsigned int c) noexcept nogil:
    return is_alpha(c) or is_digit(c) or c == 95


cdef inline unsigned int lower(unsigned int c) noexcept nogil:
    return c + 32 if 65 <= c <= 90 else c


cdef inline unsigned int upper(unsigned int c) noexcept nogil:
    return c - 32 if 97 <= c <= 122 else c


cdef inline text_t ascii_data(str text) noexcept:
    """The characters of an ASCII ``str`` (one byte each), NULL for any other text."""
    return <text_t> PyUnicode_DATA(text) if PyUnicode_IS_ASCII(text) else NULL


cdef inline Py_ssize_t skip_space(text_t s, Py_ssize_t i, Py_ssize_t n) noexcept:
    while i < n and is_space(s[i]):
        i += 1
    return i


cdef inline bint word_at(text_t s, Py_ssize_t i, Py_ssize_t n, const char* word) noexcept:
    """``word`` (lower case) at ``i``, in any case."""
    cdef Py_ssize_t k = 0
    while word[k]:
        if i + k >= n or lower(s[i + k]) != <unsigned char> word[k]:
            return False
        k += 1
    return True


cdef inline bint in_chars(unsigned int c, const char* chars) noexcept:
    cdef Py_ssize_t k = 0
    while chars[k]:
        if c == <unsigned char> chars[k]:
            return True
        k += 1
    return False


cdef inline bint has_lower(text_t s, Py_ssize_t a, Py_ssize_t b) noexcept:
    cdef Py_ssize_t i
    for i in range(a, b):
        if is_lower(s[i]):
            return True
    return False


cdef inline Py_ssize_t strip_start(text_t s, Py_ssize_t a, Py_ssize_t b, const char* chars) noexcept:
    while a < b and in_chars(s[a], chars):
        a += 1
    return a


cdef inline Py_ssize_t strip_end(text_t s, Py_ssize_t a, Py_ssize_t b, const char* chars) noexcept:
    while b > a and in_chars(s[b - 1], chars):
        b -= 1
    return b


cdef inline bint has_char(text_t s, Py_ssize_t a, Py_ssize_t b, unsigned int c) noexcept:
    cdef Py_ssize_t i
    for i in range(a, b):
        if s[i] == c:
            return True
    return False
