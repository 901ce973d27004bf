# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled closing-signature search of ``paragraphs.drop_signature``:

- ``signature_start(body, tail)``: ``paragraphs.signature_start_python(body, tail)``,
  where ``paragraphs._SIGNATURE`` (``\\n[ \\t]*\\n\\s*[A-Z][A-Z.' -]{1,30}$``) first
  matches in ``body[tail:]``, as an offset in ``body``; -1 when it does not
  (``0 <= tail``, as callers give it).

The pattern is matched without backtracking: at a ``\\n``, the blanks then a second
``\\n`` are fixed, ``\\s*`` (``Py_UNICODE_ISSPACE``, as ``re`` reads it in a ``str``)
must end just before the capital (a capital is no whitespace), and from there to the
end (``$``: the end, or before a last ``\\n``) are 2 to 31 characters of the name.
``tests/loaders/test_signature_compiled.py`` compares it with its reference on every
corpus body and on generated text.
"""

from loaders.entities.text_unicode_c cimport (
    Py_UCS1,
    Py_UCS2,
    Py_UNICODE_ISSPACE,
    PyUnicode_DATA,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
    chars,
)

cdef enum:
    MAX_NAME = 30  # characters of the name after its first capital


cdef inline bint is_capital(Py_UCS4 ch) noexcept nogil:
    return 0x41 <= ch <= 0x5A


cdef inline bint is_name_char(Py_UCS4 ch) noexcept nogil:
    """``[A-Z.' -]``."""
    return is_capital(ch) or ch == 0x2E or ch == 0x27 or ch == 0x20 or ch == 0x2D


cdef Py_ssize_t first_match(const chars* src, Py_ssize_t tail, Py_ssize_t n) noexcept nogil:
    """Where the pattern first matches in src[tail:n], or -1."""
    cdef Py_ssize_t m = n, name, p, a, w
    if n > tail and src[n - 1] == 0x0A:  # $ there: no name character is a newline
        m = n - 1
    name = m  # where the run of name characters that ends at m starts
    while name > tail and is_name_char(src[name - 1]):
        name -= 1
    for p in range(tail, m):
        if src[p] != 0x0A:
            continue
        a = p + 1
        while a < n and (src[a] == 0x20 or src[a] == 0x09):
            a += 1
        if a >= n or src[a] != 0x0A:
            continue
        w = a + 1  # \s* ends where the capital must be
        while w < n and Py_UNICODE_ISSPACE(src[w]):
            w += 1
        if w < m and is_capital(src[w]) and m - w - 1 <= MAX_NAME and w + 1 < m and w + 1 >= name:
            return p
    return -1


def signature_start(str body not None, Py_ssize_t tail):
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(body)
    cdef int kind = PyUnicode_KIND(body)
    cdef void* data = PyUnicode_DATA(body)
    if tail < 0:
        raise ValueError("tail must be 0 or more")
    if tail >= n:  # body[tail:] is empty
        return -1
    if kind == 1:
        return first_match(<Py_UCS1*>data, tail, n)
    if kind == 2:
        return first_match(<Py_UCS2*>data, tail, n)
    return first_match(<Py_UCS4*>data, tail, n)
