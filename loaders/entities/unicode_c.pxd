# cython: language_level=3
"""Text read in place by the compiled entity modules (``cimport`` only; no module of its
own): the fused type of a ``str``'s code units (1, 2 or 4 bytes, one specialisation
each) and the character tests and searches several of them share. ``PyUnicode_KIND``,
``PyUnicode_DATA`` and the kinds come from Cython's own ``cpython.unicode``."""

from cpython.unicode cimport (
    Py_UCS1, Py_UCS2, PyUnicode_1BYTE_KIND, PyUnicode_2BYTE_KIND, PyUnicode_DATA, PyUnicode_KIND,
)
from libc.string cimport memchr


ctypedef fused unit:
    Py_UCS1
    Py_UCS2
    Py_UCS4


cdef inline Py_UCS4 folded(unsigned int c) noexcept:
    """An ASCII capital in lower case; any other character as it is."""
    return <Py_UCS4> (c + 32 if 65 <= c <= 90 else c)


cdef inline bint is_word(Py_UCS4 c) noexcept:
    """A word character as ``re``'s ``\\w`` reads it (str patterns): a letter or digit as
    ``str.isalnum`` tells, or ``_``."""
    if c < 128:
        return 97 <= c <= 122 or 65 <= c <= 90 or 48 <= c <= 57 or c == 95
    return c.isalnum()


cdef inline Py_ssize_t unit_find(const unit* s, Py_ssize_t start, Py_ssize_t n, Py_UCS4 c) noexcept:
    """The offset of the first ``c`` of ``s[start:n]``, or -1 (``memchr`` on 1-byte units;
    strings here are short: a plain loop, no call per string)."""
    cdef Py_ssize_t i
    cdef const void* found
    if unit is Py_UCS1:
        found = memchr(s + start, c, n - start) if start < n and c < 256 else NULL
        return -1 if found == NULL else <const Py_UCS1*> found - s
    else:
        for i in range(start, n):
            if s[i] == c:
                return i
        return -1


cdef inline int holds_char(str text, Py_UCS4 c) except -1:
    """Does ``text`` hold ``c``? (``c in text``, read in place.)"""
    if text is None:
        raise TypeError("a str, not None")
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = len(text)
    if kind == PyUnicode_1BYTE_KIND:
        return unit_find(<const Py_UCS1*> data, 0, n, c) >= 0
    if kind == PyUnicode_2BYTE_KIND:
        return unit_find(<const Py_UCS2*> data, 0, n, c) >= 0
    return unit_find(<const Py_UCS4*> data, 0, n, c) >= 0
