# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled core of :mod:`loaders.readers.html_plain`: the text of one ``<pre>`` block
in one walk over the page, instead of a search, a replace and a link loop that each
pass over the ~10 kB of the block.

``block_at(part, start)`` equals ``html_plain.block_at_python(part, start)``, its
reference and fallback (``tests/loaders/test_readers_plain.py`` compares them): from
``start`` (just after ``<pre>``) up to the first ``</pre>``, ``&#x000A;`` becomes a line
break (an ``&`` before anything but a letter, digit or ``#`` is text), ``<a href='...'>`` / ``<a id='...' href='...'>`` and ``</a>`` are dropped, and
the line break right after ``<pre>`` is dropped; ``None`` for any other entity or tag,
a block opening with a tag, or no ``</pre>``. Else ``(text, index of the </pre>)``.
"""

from libc.stdint cimport uint8_t, uint16_t, uint32_t
from libc.stdlib cimport free, malloc
from libc.string cimport memcpy

cdef extern from "Python.h":
    int PyUnicode_KIND(object o)
    void* PyUnicode_DATA(object o)
    Py_ssize_t PyUnicode_GET_LENGTH(object o)
    object PyUnicode_FromKindAndData(int kind, const void* buffer, Py_ssize_t size)

ctypedef fused chars:
    uint8_t
    uint16_t
    uint32_t

cdef const char* NEWLINE_REF = b"&#x000A;"  # 8 characters


cdef inline bint has_at(const chars* text, Py_ssize_t at, Py_ssize_t end,
                        const char* literal, Py_ssize_t size) noexcept nogil:
    """``text[at:at + size] == literal`` within ``end``."""
    cdef Py_ssize_t k
    if at + size > end:
        return False
    for k in range(size):
        if text[at + k] != <uint8_t> literal[k]:
            return False
    return True


cdef inline bint starts_reference(uint32_t c) noexcept nogil:
    """After ``&``: an ASCII letter or digit, or ``#``, makes a character reference."""
    return (0x30 <= c <= 0x39) or (0x41 <= c <= 0x5A) or (0x61 <= c <= 0x7A) or c == 0x23


cdef Py_ssize_t value_end(const chars* text, Py_ssize_t at, Py_ssize_t end) noexcept nogil:
    """The closing quote of an attribute value starting at ``at``: no ``<`` or ``>``, an
    ``&`` only in ``&#x000A;`` (-1 otherwise, or when the value does not close)."""
    cdef uint32_t c
    while at < end:
        c = text[at]
        if c == 0x27:  # '
            return at
        if c == 0x3C or c == 0x3E:  # < >
            return -1
        if c == 0x26:  # &
            if not has_at(text, at, end, NEWLINE_REF, 8):
                return -1
            at += 8
            continue
        at += 1
    return -1


cdef Py_ssize_t link_end(const chars* text, Py_ssize_t at, Py_ssize_t end) noexcept nogil:
    """Just past the ``<a (id='...' )?href='...'>`` tag at ``at``, or -1."""
    cdef Py_ssize_t close
    if not has_at(text, at, end, b"<a ", 3):
        return -1
    at += 3
    if has_at(text, at, end, b"id='", 4):
        close = value_end(text, at + 4, end)
        if close < 0 or not has_at(text, close + 1, end, b" ", 1):
            return -1
        at = close + 2
    if not has_at(text, at, end, b"href='", 6):
        return -1
    close = value_end(text, at + 6, end)
    if close < 0 or not has_at(text, close + 1, end, b">", 1):
        return -1
    return close + 2


cdef object walk_block(const chars* text, Py_ssize_t start, Py_ssize_t size, int kind):
    cdef chars* out = <chars*> malloc((size - start + 1) * sizeof(chars))
    cdef Py_ssize_t at = start, run, written = 0, skip, after
    cdef uint32_t c
    if out == NULL:
        raise MemoryError()
    try:
        if at < size and text[at] == 0x3C:
            return None  # the leading line break rule would apply after a tag
        while True:
            run = at
            while at < size:
                c = text[at]
                if c == 0x26 or c == 0x3C:  # & <
                    break
                at += 1
            memcpy(out + written, text + run, (at - run) * sizeof(chars))
            written += at - run
            if at >= size:
                return None  # no </pre>
            if text[at] == 0x26:
                if has_at(text, at, size, NEWLINE_REF, 8):
                    out[written] = 0x0A
                    at += 8
                elif at + 1 < size and starts_reference(text[at + 1]):
                    return None
                else:  # an & before anything else is text
                    out[written] = 0x26
                    at += 1
                written += 1
            elif has_at(text, at, size, b"</pre>", 6):
                break
            elif has_at(text, at, size, b"</a>", 4):
                at += 4
            else:
                after = link_end(text, at, size)
                if after < 0:
                    return None
                at = after
        skip = 1 if written > 0 and out[0] == 0x0A else 0
        return PyUnicode_FromKindAndData(kind, out + skip, written - skip), at
    finally:
        free(out)


def block_at(str part, Py_ssize_t start):
    """``(text, end)`` of the ``<pre>`` block whose content starts at ``start``; ``None``
    when it departs from the plain layout (see the module docstring)."""
    cdef Py_ssize_t size = PyUnicode_GET_LENGTH(part)
    cdef int kind = PyUnicode_KIND(part)
    cdef void* data = PyUnicode_DATA(part)
    if start < 0 or start > size:
        raise IndexError(f"start {start} outside the part (length {size})")
    if kind == 1:
        return walk_block(<const uint8_t*> data, start, size, kind)
    if kind == 2:
        return walk_block(<const uint16_t*> data, start, size, kind)
    return walk_block(<const uint32_t*> data, start, size, kind)
