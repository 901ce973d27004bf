# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled search of ``summary.py``: ``summary_word(text, start, end)`` is
``summary.summary_word_python(text, start, end)``, where the first ``ummary`` or
``UMMARY`` starts in ``text[start:end]`` (-1 when neither does), found in one pass
that stops at the first (two ``str.find`` calls read the whole text when one of
them is not there). ``tests/loaders/test_summary_compiled.py`` compares them on every
corpus body and on generated text.
"""

cdef extern from "Python.h":
    ctypedef unsigned char Py_UCS1
    ctypedef unsigned short Py_UCS2
    int PyUnicode_KIND(object o)
    void* PyUnicode_DATA(object o)
    Py_ssize_t PyUnicode_GET_LENGTH(object o)

ctypedef fused chars:
    Py_UCS1
    Py_UCS2
    Py_UCS4

cdef const char* LOWER = b"ummary"
cdef const char* UPPER = b"UMMARY"
cdef enum:
    WORD = 6  # characters of ``ummary``


cdef Py_ssize_t find_word(const chars* src, Py_ssize_t start, Py_ssize_t end) noexcept nogil:
    cdef Py_ssize_t i, k
    cdef const char* word
    for i in range(start, end - WORD + 1):
        if src[i] == 0x75:  # u
            word = LOWER
        elif src[i] == 0x55:  # U
            word = UPPER
        else:
            continue
        k = 1
        while k < WORD and src[i + k] == <unsigned char>word[k]:
            k += 1
        if k == WORD:
            return i
    return -1


def summary_word(str text not None, Py_ssize_t start, Py_ssize_t end):
    cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    start = 0 if start < 0 else (length if start > length else start)
    end = start if end < start else (length if end > length else end)
    if kind == 1:
        return find_word(<Py_UCS1*>data, start, end)
    if kind == 2:
        return find_word(<Py_UCS2*>data, start, end)
    return find_word(<Py_UCS4*>data, start, end)
