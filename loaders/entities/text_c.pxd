# cython: language_level=3
"""What other compiled modules ``cimport`` of ``text_c``: the paragraph cleaner into a
caller's buffer (``paragraphs_c`` cleans every paragraph of a body in one buffer)."""


cdef object join_span_into(
    str text, Py_ssize_t start, Py_ssize_t end, bint paragraph, void* out
)
