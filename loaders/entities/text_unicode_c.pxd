# cython: language_level=3
"""Declarations and inline helpers shared by the compiled text loops (``text_c``,
``text2_c``, ``summary_c``, ``paragraphs_c``; ``cimport`` only).

The string accessors come from Cython's own ``cpython.unicode``; the character classes
are declared here again because ``cpython.unicode`` declares them without ``nogil``
and the loops call them without the GIL.
"""

from cpython.unicode cimport (
    Py_UCS1,
    Py_UCS2,
    PyUnicode_DATA,
    PyUnicode_FromKindAndData,
    PyUnicode_FromStringAndSize,
    PyUnicode_GET_LENGTH,
    PyUnicode_KIND,
)

cdef extern from "Python.h":
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch) nogil
    bint Py_UNICODE_ISLINEBREAK(Py_UCS4 ch) nogil
    bint Py_UNICODE_ISALNUM(Py_UCS4 ch) nogil
    bint Py_UNICODE_ISDECIMAL(Py_UCS4 ch) nogil
    int Py_UNICODE_TODECIMAL(Py_UCS4 ch) nogil
    Py_UCS4 Py_UNICODE_TOLOWER(Py_UCS4 ch) nogil

# One loop body for the three widths of a ``str``'s characters.
ctypedef fused chars:
    Py_UCS1
    Py_UCS2
    Py_UCS4


cdef inline bint is_ruler_char(Py_UCS4 ch) noexcept nogil:
    return ch == 0x2D or ch == 0x3D or ch == 0x5F or ch == 0x2A  # - = _ *


cdef inline unsigned int fold(Py_UCS4 ch) noexcept nogil:
    """What ``re.IGNORECASE`` compares of a character with a small ASCII letter."""
    cdef unsigned int code = ch
    if code < 128:
        return code + 0x20 if 0x41 <= code <= 0x5A else code
    code = Py_UNICODE_TOLOWER(ch)
    if code == 0x17F:  # ſ
        return 0x73
    if code == 0x131:  # ı
        return 0x69
    return code


cdef inline void clamp_span(
    Py_ssize_t length, Py_ssize_t* start, Py_ssize_t* end
) noexcept nogil:
    """Clamp a caller's span to ``0 <= start <= end <= length`` (as slicing would)."""
    start[0] = 0 if start[0] < 0 else (length if start[0] > length else start[0])
    end[0] = start[0] if end[0] < start[0] else (length if end[0] > length else end[0])
