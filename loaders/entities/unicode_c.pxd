# cython: language_level=3
"""Text read in place by the compiled entity modules (``cimport`` only; no module of its
own): the fused type of a ``str``'s code units (1, 2 or 4 bytes, one specialisation
each) and the character tests several of them share. ``PyUnicode_KIND``,
``PyUnicode_DATA`` and the kinds come from Cython's own ``cpython.unicode``."""

from cpython.unicode cimport Py_UCS1, Py_UCS2


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
