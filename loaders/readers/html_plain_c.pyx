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

from loaders.readers.html_scan_c cimport chars, next2

cdef extern from "Python.h":
    int PyUnicode_KIND(object o)
    void* PyUnicode_DATA(object o)
    Py_ssize_t PyUnicode_GET_LENGTH(object o)
    object PyUnicode_FromKindAndData(int kind, const void* buffer, Py_ssize_t size)

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
            at = next2(text, at, size, 0x26, 0x3C)  # & <
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


cdef inline Py_ssize_t skip_blanks(const chars* text, Py_ssize_t at, Py_ssize_t end) noexcept nogil:
    """Past ``[ \\t\\n]*`` from ``at``."""
    while at < end and (text[at] == 0x20 or text[at] == 0x09 or text[at] == 0x0A):
        at += 1
    return at


cdef inline Py_ssize_t plain_value_end(const chars* text, Py_ssize_t at, Py_ssize_t end) noexcept nogil:
    """The closing ``'`` of ``[^'<>&]*'`` from ``at``, or -1."""
    cdef uint32_t c
    while at < end:
        c = text[at]
        if c == 0x27:
            return at
        if c == 0x3C or c == 0x3E or c == 0x26:
            return -1
        at += 1
    return -1


cdef Py_ssize_t cell_end(const chars* text, Py_ssize_t at, Py_ssize_t end,
                         Py_ssize_t* value) noexcept nogil:
    """``html_plain._CELL`` matched at ``at``: its end (-1 when it does not match); the
    link text's start and end in ``value[0]``, ``value[1]``."""
    cdef Py_ssize_t close
    cdef uint32_t c
    if not has_at(text, at, end, b"<td>", 4):
        return -1
    at = skip_blanks(text, at + 4, end)
    if not has_at(text, at, end, b"<a href='", 9):
        return -1
    close = plain_value_end(text, at + 9, end)
    if close < 0:
        return -1
    at = close + 1
    if has_at(text, at, end, b" title='", 8):
        close = plain_value_end(text, at + 8, end)
        if close < 0:
            return -1
        at = close + 1
    if not has_at(text, at, end, b">", 1):
        return -1
    at += 1
    value[0] = at
    while at < end:
        c = text[at]
        if c == 0x3C or c == 0x3E or c == 0x26:
            break
        at += 1
    value[1] = at
    if not has_at(text, at, end, b"</a>", 4):
        return -1
    at = skip_blanks(text, at + 4, end)
    if not has_at(text, at, end, b"</td>", 5):
        return -1
    return skip_blanks(text, at + 5, end)


cdef Py_ssize_t find_ascii(const chars* text, Py_ssize_t at, Py_ssize_t end,
                           const char* literal, Py_ssize_t size, bint fold) noexcept nogil:
    """The first ``literal`` (lower-case ASCII) in ``text[at:end]``, ASCII letters
    compared ignoring case when ``fold``; -1 when absent."""
    cdef Py_ssize_t k
    cdef uint32_t c
    while at + size <= end:
        for k in range(size):
            c = text[at + k]
            if fold and 0x41 <= c <= 0x5A:
                c += 0x20
            if c != <uint8_t> literal[k]:
                break
        else:
            return at
        at += 1
    return -1


cdef inline bint holds_cr_or_nul(const chars* text, Py_ssize_t size) noexcept nogil:
    """True when ``text`` holds a carriage return or a NUL."""
    return next2(text, 0, size, 0x0D, 0) < size


cdef object read_layout_of(const chars* text, Py_ssize_t size, str part, int kind):
    cdef Py_ssize_t k, at, table_end = -1, value[2]
    cdef list cells = [], blocks = []
    if holds_cr_or_nul(text, size):
        return None  # the HTML parser normalises or drops these
    table_end = find_ascii(text, 0, size, b"</table>", 8, False)
    if table_end < 0:
        return None
    at = find_ascii(text, 0, table_end, b"<td", 3, False)
    if at < 0 or find_ascii(text, 0, at, b"<td", 3, True) >= 0:
        return None  # a cell in other letter case before the first plain one
    for k in range(5):
        at = cell_end(text, at, size, value)
        if at < 0:
            return None
        cells.append(part[value[0]:value[1]].strip())
    at = table_end + 8
    while True:
        k = skip_blanks(text, at, size)
        if not has_at(text, k, size, b"<code><pre>", 11):
            break
        found = walk_block(text, k + 11, size, kind)
        if found is None:
            return None
        at = (<tuple> found)[1]
        if not has_at(text, at, size, b"</pre></code>", 13):
            return None
        blocks.append((<tuple> found)[0])
        at += 13
    if not blocks or find_ascii(text, at, size, b"pre", 3, True) >= 0:
        return None  # no block, or one this reader did not take
    return cells, blocks


def read_layout(str part):
    """``html_plain.read_plain_layout_python(part)``: the five cells and the ``<pre>``
    texts of a page part in the plain layout, or ``None``."""
    cdef Py_ssize_t size = PyUnicode_GET_LENGTH(part)
    cdef int kind = PyUnicode_KIND(part)
    cdef void* data = PyUnicode_DATA(part)
    if kind == 1:
        return read_layout_of(<const uint8_t*> data, size, part, kind)
    if kind == 2:
        return read_layout_of(<const uint16_t*> data, size, part, kind)
    return read_layout_of(<const uint32_t*> data, size, part, kind)
